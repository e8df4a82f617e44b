using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>The department administrator's pages: the rollout (what is on where, today and on a chosen day) and the usage dashboard.</summary>
public sealed class WebEntAdminTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    [Fact]
    public async Task The_rollout_page_shows_each_schools_wave_and_what_is_on_there_today_and_on_a_chosen_day()
    {
        using var admin = await server.SignInAsync("admin");

        var today = await admin.GetAsync("admin/rollout");
        var august = await admin.GetAsync("admin/rollout?day=2026-08-15");
        var bad = await admin.GetAsync("admin/rollout?day=15/08/2026");
        var secondWave = await admin.GetAsync("admin/rollout?day=2027-01-04");

        Assert.Equal(["0930001W: Vie scolaire : appel et absences, Classe inversée, Notes et compétences, Parcours personnalisés, Exemple : préparer d'abord", "0930002X: Exemple : préparer d'abord", "0931234L: aucun"], Rows(today));
        Assert.Equal(["0930001W: aucun", "0930002X: aucun", "0931234L: aucun"], Rows(august)); // before the plugins' enablement
        Assert.Contains("« 15/08/2026 » n'est pas une date", bad.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Vague 1: 01/09/2026, 1, commencée", "Vague 2: 04/01/2027, 2, à venir"], Waves(today));
        Assert.Equal(["Vague 1: 01/09/2026, 1, commencée", "Vague 2: 04/01/2027, 2, commencée"], Waves(secondWave));
        const string All = "Vie scolaire : appel et absences, Classe inversée, Notes et compétences, Parcours personnalisés, Exemple : préparer d'abord";
        Assert.Equal([$"0930001W: {All}", $"0930002X: {All}", $"0931234L: {All}"], Rows(secondWave));
    }

    [Fact]
    public async Task The_usage_dashboard_draws_each_share_beside_the_national_average_and_the_target_with_its_table()
    {
        using var admin = await server.SignInAsync("admin");

        var dashboard = await admin.GetAsync("admin/usage");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal(["by-school", "by-role", "by-week"], dashboard.Document.QuerySelectorAll("main svg").Select(s => s.Id));
        foreach (var chart in dashboard.Document.QuerySelectorAll("main svg"))
        {
            Assert.Equal(["national", "target"], chart.QuerySelectorAll("line").Select(l => l.ClassName));
            Assert.Equal("img", chart.GetAttribute("role"));
            Assert.NotNull(chart.ParentElement!.QuerySelector("table caption"));
        }

        Assert.Contains("Collège Jean Jaurès (fictif) (0930001W)", dashboard.Document.QuerySelector("#by-school")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("%", dashboard.Document.QuerySelector("#overall-share")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_figures_export_as_csv_one_line_per_school_role_and_week()
    {
        using var admin = await server.SignInAsync("admin");
        var dashboard = await admin.GetAsync("admin/usage?from=2026-11-23&to=2026-11-29");

        var csv = await admin.GetAsync(dashboard.Document.QuerySelector("a[download]")!.GetAttribute("href")!);
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", csv.Headers["Content-Type"]);
        Assert.Equal("attachment; filename=\"usage-2026-11-23-2026-11-29.csv\"", csv.Headers["Content-Disposition"]);
        Assert.Equal("dimension,value,pedagogical,communication,vie_scolaire,administration,total,pedagogical_share", lines[0]);
        Assert.Single(lines, l => l.StartsWith("week,2026-11-23,", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Matches("^(school|role|week),", l));
    }

    [Fact]
    public async Task A_head_of_school_sees_their_schools_use_only_and_a_teacher_none()
    {
        using var head = await server.SignInAsync("head");
        using var teacher = await server.SignInAsync("teacher");

        var mine = await head.GetAsync("admin/usage");
        var refused = await teacher.GetAsync("admin/usage");

        Assert.Contains("Collège Jean Jaurès (fictif) (0930001W) ·", mine.Main, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("admin/usage/export")).Status);
    }

    private static string[] Waves(WebClient.WebPage page) =>
        [.. page.Document.QuerySelectorAll("main table:not(#schools) tbody tr").Select(r => $"{r.Children[0].TextContent}: {r.Children[1].TextContent}, {r.Children[2].TextContent}, {r.Children[4].TextContent}")];

    private static string[] Rows(WebClient.WebPage page) =>
        [.. page.Document.QuerySelectorAll("#schools tbody tr").Select(r => $"{r.Children[1].TextContent}: {r.Children[3].TextContent}")];
}
