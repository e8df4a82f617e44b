using Ent.Storage.Engines;
using Record = Ent.Storage.Engines.Record;

namespace Ent.Storage.Tests.Records;

/// <summary>A grading-like component used by the record contract: marks of pupils in assessments.</summary>
internal static class Marks
{
    public const string Component = "test.grading";

    public static readonly RecordSchema V1 = RecordSchema.Create(Component, schema => Version1(schema));

    /// <summary>Version 2: marks out of 100 instead of 20, with the scale kept in a new column.</summary>
    public static readonly RecordSchema V2 = RecordSchema.Create(Component, schema => Version1(schema)
        .Version(2, "Scores on 100, absences without a mark removed", v => v
            .AddColumn("marks", Column.Integer("scale", 1, 100), defaultValue: 20L)
            .ChangeLimits("marks", Column.Number("score", 0, 100, nullable: true))
            .Transform("marks", mark => mark["absent"] is true
                ? null
                : mark.With("scale", 100L).With("score", mark.Get<double?>("score") * 5))
            .AddIndex("marks", "pupil")));

    /// <summary>Version 1, which every later declaration of the component starts with.</summary>
    public static RecordSchemaBuilder Version1(RecordSchemaBuilder schema) => schema
        .Version(1, "Marks", v => v.CreateTable("marks", t => t
            .Key(Column.Id("assessment"), Column.Id("pupil"))
            .Columns(
                Column.Id("class"),
                Column.Number("score", 0, 20, nullable: true),
                Column.Boolean("absent"),
                Column.Text("comment", 200, nullable: true),
                Column.Timestamp("recorded_at"),
                Column.Date("due"),
                Column.Integer("coefficient", 1, 10))
            .Index("class")));

    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 15, 0, TimeSpan.FromHours(1));

    public static TableDefinition Table(RecordSchema schema) => schema.Table("marks");

    public static Record Mark(Guid assessment, Guid pupil, Guid @class, double? score, string? comment = null, bool absent = false, RecordSchema? schema = null) =>
        Table(schema ?? V1).NewRecord(assessment, pupil, @class, score, absent, comment, Monday, new DateOnly(2026, 12, 4), 2L);

    public static Record[] Many(int count, Guid assessment, Guid @class) =>
        Enumerable.Range(0, count).Select(i => Mark(assessment, Guid.CreateVersion7(), @class, i % 21)).ToArray();
}

/// <summary>A component that packs an assessment's marks into one bytes column, as a gradebook may.</summary>
internal static class Packed
{
    public const int MaxLength = 2_000;

    public static readonly RecordSchema Schema = RecordSchema.Create("test.packed", schema => schema
        .Version(1, "Assessments with their marks packed", v => v.CreateTable("assessments", t => t
            .Key(Column.Id("assessment"))
            .Columns(Column.Bytes("marks", MaxLength), Column.Bytes("extra", 10, nullable: true)))));

    public static TableDefinition Table => Schema.Table("assessments");
}
