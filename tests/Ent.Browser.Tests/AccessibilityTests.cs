using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>Every page of the web ENT, as each persona reaches it, passes axe-core with no serious or critical violation, in French and in English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSession session)
{
    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_page_passes_axe_core_without_a_serious_or_critical_violation(string language)
    {
        var problems = new List<string>();
        var checkedPages = new HashSet<string>(StringComparer.Ordinal);
        var page = await session.NewPageAsync();
        await page.GotoAsync($"/language/{language}?return=/sign-in");
        await CheckAsync(page, problems); // the sign-in page
        foreach (var persona in new[] { "teacher", "pupil", "parent", "cpe", "head", "admin" })
        {
            page = await session.NewPageAsync();
            await page.GotoAsync($"/language/{language}?return=/sign-in");
            await page.Locator($"#persona-{persona}").ClickAsync();
            await page.WaitForURLAsync("**/");
            foreach (var url in await PagesOfAsync(page))
            {
                await page.GotoAsync(url);
                await CheckAsync(page, problems);
                checkedPages.Add(Kind(url));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        string[] expected = ["/", "/grading/courses", "/grading/courses/{id}", "/grading/courses/{id}/assessments/{id}", "/grading/pupils/{id}", "/grading/report-cards/{id}/{id}/{id}",
            "/grading/history/{id}/{id}", "/grading/councils", "/grading/councils/{id}/{id}", "/admin/rollout", "/admin/usage", "/courses", "/courses/{id}",
            "/attendance/roll-call", "/attendance/roll-call/{id}/{date}/{id}", "/attendance/follow-up", "/attendance/pupils/{id}",
            "/attendance/pupils/{id}/declare", "/attendance/alerts/{id}/{month}/absences", "/attendance/indicator", "/admin/timetable",
            "/learning/me", "/learning/paths/{id}/{id}", "/learning/content/{id}/{id}/{id}", "/learning/profile/{id}", "/learning/courses", "/learning/classes/{id}",
            "/learning/design/{id}", "/learning/design/{id}/content/{id}", "/learning/report/{id}",
            "/flipped/sessions", "/flipped/sessions/{id}/{id}", "/flipped/edit/{date}/{id}", "/flipped/sessions/{id}/{id}/live", "/flipped/sessions/{id}/{id}/groups",
            "/flipped/week", "/flipped/prepare", "/flipped/prepare/{id}/{id}", "/flipped/prepare/{id}/{id}/resources/{id}"];
        Assert.Empty(expected.Except(checkedPages)); // every kind of page was checked
    }

    /// <summary>The pages a persona reaches from the home page, breadth first, three clicks deep, one of each kind (its path without ids), at most thirty.</summary>
    private static async Task<IReadOnlyList<string>> PagesOfAsync(IPage page)
    {
        var seen = new List<string> { page.Url };
        var kinds = new HashSet<string>(StringComparer.Ordinal) { Kind(page.Url) };
        var frontier = new Queue<(string Url, int Depth)>([(page.Url, 0)]);
        while (frontier.TryDequeue(out var next) && seen.Count < 30)
        {
            if (next.Depth == 3)
            {
                continue;
            }

            await page.GotoAsync(next.Url);
            var links = await page.Locator("nav.menu a, main a[href^='/']:not([download])").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            foreach (var link in links.Where(l => !l.Contains("/language/", StringComparison.Ordinal) && kinds.Add(Kind(l))))
            {
                seen.Add(link);
                frontier.Enqueue((link, next.Depth + 1));
            }
        }

        return seen;
    }

    /// <summary>A page's kind: its path with every GUID replaced, so that one gradebook stands for all.</summary>
    private static string Kind(string url) => System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(
        new Uri(url).AbsolutePath, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), "/[0-9]{4}-[0-9]{2}-[0-9]{2}", "/{date}"), "/[0-9]{6}/", "/{month}/");

    private static async Task CheckAsync(IPage page, List<string> problems)
    {
        var results = await page.RunAxe();
        Assert.True(results.Passes.Length > 10, $"axe-core checked nothing on {page.Url}"); // it ran, on a real page
        foreach (var violation in results.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            problems.Add($"{page.Url}: {violation.Impact} {violation.Id} — {violation.Help} ({string.Join(", ", violation.Nodes.Select(n => n.Html).Take(3))})");
        }
    }
}
