using Ent.Storage.Records;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>The grading plugin's data: assessments with their marks packed, the periods closed per class, every mark's changes (saved with the marks, in the same change set), competency evaluations and teachers' comments.</summary>
internal static class GradingRecords
{
    public static RecordSchema Schema { get; } = RecordSchema.Create("ent.grading", schema => schema
        .Version(1, "Assessments with their marks, keyed by course as a gradebook reads them; closed periods per class", v => v
            .CreateTable("assessments", t => t
                .Key(Column.Id("course"), Column.Id("assessment"))
                .Columns(
                    Column.Id("class"),
                    Column.Id("period"),
                    Column.Text("title", 200),
                    Column.Date("date"),
                    Column.Integer("scale", 1, 100),
                    Column.Number("coefficient", 0, 99),
                    Column.Integer("kind", 0, 2),
                    Column.Boolean("published"),
                    Column.Bytes("marks", PackedMarks.MaxBytes))
                .Index("class", "period"))
            .CreateTable("closures", t => t
                .Key(Column.Id("class"), Column.Id("period"))
                .Columns(Column.Timestamp("closed_at"), Column.Id("closed_by")))
            .CreateTable("mark_changes", t => t
                .Key(Column.Id("assessment"), Column.Id("change"))
                .Columns(
                    Column.Id("pupil"),
                    Column.Integer("version", 1),
                    Column.Id("actor"),
                    Column.Timestamp("at"),
                    Column.Text("old_value", 20, nullable: true),
                    Column.Text("new_value", 20, nullable: true),
                    Column.Text("reason", 500, nullable: true))
                .Index("pupil"))
            .CreateTable("competencies", t => t
                .Key(Column.Id("pupil"), Column.Id("evaluation"))
                .Columns(
                    Column.Id("class"),
                    Column.Id("period"),
                    Column.Id("course"),
                    Column.Id("assessment", nullable: true),
                    Column.Integer("component", 1, 8),
                    Column.Integer("level", 1, 4),
                    Column.Date("date"),
                    Column.Id("actor"))
                .Index("class", "period")))
        .Version(2, "A closed period records the averaging rule and version it was closed with", v => v
            .AddColumn("closures", Column.Text("rule", 60), defaultValue: Averages.FrenchAverage.NormalizedTo20Id)
            .AddColumn("closures", Column.Integer("rule_version", 1), defaultValue: 1L))
        .Version(3, "The teacher's comment (appreciation) on a pupil in a course for a period, shown on the report card", v => v
            .CreateTable("comments", t => t
                .Key(Column.Id("course"), Column.Id("period"), Column.Id("pupil"))
                .Columns(
                    Column.Id("class"),
                    Column.Text("text", MaxCommentLength),
                    Column.Id("author"),
                    Column.Timestamp("at"))
                .Index("class", "period"))));

    /// <summary>The longest comment a teacher may write on a pupil, in characters (a report card's box).</summary>
    public const int MaxCommentLength = 1000;

    public static TableDefinition Assessments => Schema.Table("assessments");

    public static TableDefinition Closures => Schema.Table("closures");

    public static TableDefinition MarkChanges => Schema.Table("mark_changes");

    public static TableDefinition Competencies => Schema.Table("competencies");

    public static TableDefinition Comments => Schema.Table("comments");
}
