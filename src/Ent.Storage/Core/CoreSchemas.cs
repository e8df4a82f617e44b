using Ent.Storage.Records;

namespace Ent.Storage.Core;

/// <summary>The record schemas of the core's own data, which every storage engine creates and migrates.</summary>
public static class CoreSchemas
{
    /// <summary>Learners' progress: one row per learner and activity, the evidence as JSON.</summary>
    public static RecordSchema Progress { get; } = RecordSchema.Create("core.progress", schema => schema
        .Version(1, "Progress per learner and activity", v => v.CreateTable("progress", t => t
            .Key(Column.Id("learner"), Column.Id("activity"))
            .Columns(
                Column.Integer("status", 0, 2),
                Column.Timestamp("updated_at"),
                Column.Text("evidence", StoredProgressStore.MaxEvidenceLength)))));
}
