using Ent.Core.Organisation;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>The record schemas of the core's own data, which every storage engine creates and migrates.</summary>
public static class CoreSchemas
{
    /// <summary>The directory: departments, schools, classes, groups, people, roles, guardianships, enrolments.</summary>
    public static RecordSchema Directory { get; } = RecordSchema.Create("core.directory", schema => schema
        .Version(1, "The department's directory", v => v
            .CreateTable("departments", t => t.Key(Column.Id("id")).Columns(Column.Text("code", OrganisationLimits.MaxCodeLength), Column.Text("name", OrganisationLimits.MaxNameLength)))
            .CreateTable("schools", t => t.Key(Column.Id("id")).Columns(Column.Text("uai", 8), Column.Text("name", OrganisationLimits.MaxNameLength)))
            .CreateTable("classes", t => t.Key(Column.Id("id")).Columns(Column.Id("school"), Column.Id("year"), Column.Text("name", OrganisationLimits.MaxNameLength)))
            .CreateTable("groups", t => t.Key(Column.Id("id")).Columns(Column.Id("school"), Column.Id("year"), Column.Text("name", OrganisationLimits.MaxNameLength)))
            .CreateTable("people", t => t.Key(Column.Id("id")).Columns(Column.Text("given_name", OrganisationLimits.MaxNameLength), Column.Text("family_name", OrganisationLimits.MaxNameLength)))
            .CreateTable("roles", t => t.Key(Column.Id("id")).Columns(
                Column.Id("person"), Column.Integer("role", 0, 100),
                Column.Id("school", nullable: true), Column.Id("class", nullable: true), Column.Id("group_id", nullable: true), Column.Id("course", nullable: true),
                Column.Date("valid_from"), Column.Date("valid_until", nullable: true)))
            .CreateTable("guardianships", t => t.Key(Column.Id("guardian"), Column.Id("learner")))
            .CreateTable("enrolments", t => t.Key(Column.Id("id")).Columns(
                Column.Id("learner"), Column.Id("school"), Column.Id("class", nullable: true), Column.Id("group_id", nullable: true),
                Column.Date("valid_from"), Column.Date("valid_until", nullable: true))))
        .Version(2, "People's ids at the department's identity provider", v => v
            .AddColumn("people", Column.Text("external_id", OrganisationLimits.MaxExternalIdLength, nullable: true)))
        .Version(3, "Schools' postal addresses", v => v
            .AddColumn("schools", Column.Text("address", OrganisationLimits.MaxAddressLength, nullable: true))));

    /// <summary>Courses: one row per course, its sequences and activities as a JSON document.</summary>
    public static RecordSchema Courses { get; } = RecordSchema.Create("core.courses", schema => schema
        .Version(1, "Courses as documents", v => v.CreateTable("courses", t => t
            .Key(Column.Id("id"))
            .Columns(Column.Id("school"), Column.Text("title", 500), Column.Text("document", StoredCourseCatalog.MaxDocumentLength))
            .Index("school"))));

    /// <summary>Learners' progress: one row per learner and activity, the evidence as JSON.</summary>
    public static RecordSchema Progress { get; } = RecordSchema.Create("core.progress", schema => schema
        .Version(1, "Progress per learner and activity", v => v.CreateTable("progress", t => t
            .Key(Column.Id("learner"), Column.Id("activity"))
            .Columns(
                Column.Integer("status", 0, 2),
                Column.Timestamp("updated_at"),
                Column.Text("evidence", StoredProgressStore.MaxEvidenceLength)))));
}
