using System.Net;
using System.Text;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>The school's timetable page: its staff or head import the timetable file, all or nothing, every wrong line named; the sessions follow.</summary>
public sealed class WebEntTimetableTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    private const string Header = "classe;groupe;matiere;libelle;enseignant;salle;jour;debut;fin;semaine;du;au\n";

    private const string Maths = "5e B;;MATHS;Mathématiques;demo.teacher;B12;lundi;08:00;09:00;;2026-09-01;\n"
        + "5e B;;MATHS;Mathématiques;demo.teacher;B12;mardi;10:00;11:00;;2026-09-01;\n";

    private static async Task<WebClient.WebPage> ImportAsync(WebClient client, string csv)
    {
        var page = await client.GetAsync("admin/timetable");
        var fields = WebClient.Fields(page.Document.QuerySelector("#timetable-form")!);
        return await client.PostMultipartAsync("admin/timetable", fields, "file", "edt.csv", "text/csv", Encoding.UTF8.GetBytes(csv));
    }

    [Fact]
    public async Task A_file_with_a_wrong_line_is_refused_naming_the_line_and_the_timetable_stays()
    {
        using var head = await server.SignInAsync("head");
        var before = await head.GetAsync("admin/timetable");

        var refused = await ImportAsync(head, Header + Maths + "5e B;;FRANCAIS;Français;nobody;B14;mercredi;08:00;09:00;;2026-09-01;\n");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("ligne 4", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nobody", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Document.QuerySelectorAll("#slots tbody tr").Length, (await head.GetAsync("admin/timetable")).Document.QuerySelectorAll("#slots tbody tr").Length);
    }

    [Fact]
    public async Task The_head_imports_the_schools_timetable_and_the_teacher_finds_its_sessions()
    {
        using var head = await server.SignInAsync("head");
        using var teacher = await server.SignInAsync("teacher");

        var imported = await ImportAsync(head, Header + Maths + "5e B;;FRANCAIS;Français;demo.teacher;B14;mercredi;08:00;09:00;;2026-09-01;\n");
        var timetable = await head.GetAsync("admin/timetable");
        var wednesday = await teacher.GetAsync("attendance/roll-call?day=2026-12-02");

        Assert.Equal(HttpStatusCode.SeeOther, imported.Status);
        Assert.Equal(3, timetable.Document.QuerySelectorAll("#slots tbody tr").Length);
        Assert.Contains("Français", wednesday.Document.QuerySelector("#sessions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_or_a_parent_may_not_import_a_timetable()
    {
        using var teacher = await server.SignInAsync("teacher");
        using var parent = await server.SignInAsync("parent");

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("admin/timetable")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("admin/timetable")).Status);
    }
}
