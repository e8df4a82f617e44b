using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// The personalised-learning pages of the web ENT over HTTP, on the demonstration's path through « Les fractions » (built from the
/// pupils' answers and the gradebook's marks): a pupil's path with its reasons and what is locked, a parent's view of their child's,
/// the teacher's class map, decisions and skill map, the profile and the content it selects; each seen only by those it is for.
/// </summary>
public sealed class WebEntLearningTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    /// <summary>The pupil's path page, found from "my paths".</summary>
    private static async Task<WebClient.WebPage> PathAsync(WebClient client)
    {
        var mine = await client.GetAsync("learning/me");
        return await client.GetAsync(mine.Document.QuerySelector(".paths a")!.GetAttribute("href")!);
    }

    /// <summary>The course's id, from a path's address (learning/paths/{course}/{pupil}).</summary>
    private static string CourseOf(WebClient.WebPage path) => path.Path.Split('/')[^2];

    [Fact]
    public async Task A_pupil_sees_what_next_and_why_what_is_locked_and_their_mastery_as_a_picture()
    {
        using var pupil = await server.SignInAsync("pupil");

        var path = await PathAsync(pupil);

        Assert.Equal(HttpStatusCode.OK, path.Status);
        var first = path.Document.QuerySelector("#next-list li")!;
        Assert.Contains("Atelier en groupes : comparer des fractions", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("tu maîtrises comparer des fractions à", first.QuerySelector(".why")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, path.Document.QuerySelectorAll("#mastery-picture g").Length);
        Assert.Contains("fractions égales", path.Document.QuerySelector("#mastery-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_whose_score_fell_low_is_sent_to_the_remedial_track_and_told_why_locked_work_waits()
    {
        using var teacher = await server.SignInAsync("teacher");
        var map = await teacher.GetAsync((await teacher.GetAsync("learning/courses")).Document.QuerySelector("#courses a")!.GetAttribute("href")!);
        var hugo = await teacher.GetAsync(map.Document.QuerySelectorAll(".pupil-links a").Single(a => a.TextContent.Contains("Martin Hugo", StringComparison.Ordinal)).GetAttribute("href")!);

        Assert.Contains("Exercices d'entraînement", hugo.Document.QuerySelector("#next-list li")!.TextContent, StringComparison.Ordinal);
        var locked = hugo.Document.QuerySelectorAll("#locked-list > li").Single(li => li.TextContent.Contains("Atelier en groupes", StringComparison.Ordinal));
        Assert.Contains("Se débloque quand tu maîtrises fractions égales à 95", locked.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_sees_their_childs_path_and_never_another_pupils()
    {
        using var parent = await server.SignInAsync("parent");
        using var teacher = await server.SignInAsync("teacher");
        var mine = await parent.GetAsync("learning/me");
        var lina = await parent.GetAsync(mine.Document.QuerySelector(".paths a")!.GetAttribute("href")!);
        var map = await teacher.GetAsync((await teacher.GetAsync("learning/courses")).Document.QuerySelector("#courses a")!.GetAttribute("href")!);
        var hugoPath = map.Document.QuerySelectorAll(".pupil-links a").Single(a => a.TextContent.Contains("Martin Hugo", StringComparison.Ordinal)).GetAttribute("href")!;

        var hugo = await parent.GetAsync(hugoPath);

        Assert.Equal(HttpStatusCode.OK, lina.Status);
        Assert.Contains("Benali Lina", lina.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, hugo.Status);
    }

    [Fact]
    public async Task A_pupil_does_not_open_a_classmates_path_nor_the_class_map()
    {
        using var pupil = await server.SignInAsync("pupil");
        var path = await PathAsync(pupil);
        var classmate = path.Path.Replace(path.Path.Split('/')[^1], "0193a000-0000-7000-8000-000000000001", StringComparison.Ordinal);

        Assert.NotEqual(HttpStatusCode.OK, (await pupil.GetAsync(classmate)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync($"learning/classes/{CourseOf(path)}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync($"learning/design/{CourseOf(path)}")).Status);
    }

    [Fact]
    public async Task The_teachers_class_map_is_an_svg_heatmap_of_skills_by_pupils_with_stuck_pupils_and_groups()
    {
        using var teacher = await server.SignInAsync("teacher");

        var map = await teacher.GetAsync((await teacher.GetAsync("learning/courses")).Document.QuerySelector("#courses a")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, map.Status);
        Assert.Equal(9, map.Document.QuerySelectorAll("#heatmap rect.cell").Length); // 3 pupils × 3 skills
        Assert.Equal(3, map.Document.QuerySelectorAll("#groups-list li").Length); // each pupil's path starts elsewhere
        Assert.Equal(4, map.Document.QuerySelectorAll("#mastery-table thead th").Length - 1);
    }

    [Fact]
    public async Task A_teachers_pin_comes_first_in_the_pupils_path_with_its_reason()
    {
        using var teacher = await server.SignInAsync("teacher");
        var map = await teacher.GetAsync((await teacher.GetAsync("learning/courses")).Document.QuerySelector("#courses a")!.GetAttribute("href")!);
        var ines = map.Document.QuerySelectorAll("#decision-form input[type=checkbox]").Single(i => map.Document.QuerySelector($"label[for={i.Id}]")!.TextContent.Contains("Diallo Inès", StringComparison.Ordinal));
        var video = map.Document.QuerySelectorAll("#activity option").Single(o => o.TextContent.Contains("Vidéo", StringComparison.Ordinal)).GetAttribute("value")!;

        var saved = await teacher.SubmitAsync(map, new Dictionary<string, string> { ["activity"] = video, ["kind"] = "pin", [ines.GetAttribute("name")!] = "on", ["reason"] = "revoir avant le contrôle" }, "#decision-form");
        var after = await teacher.GetAsync(map.Path);
        var path = await teacher.GetAsync(after.Document.QuerySelectorAll(".pupil-links a").Single(a => a.TextContent.Contains("Diallo Inès", StringComparison.Ordinal)).GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Contains("revoir avant le contrôle", after.Document.QuerySelector("#decisions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ton professeur l'a choisie pour toi : revoir avant le contrôle", path.Document.QuerySelector("#next-list li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_skill_map_draws_the_prerequisites_up_to_the_socle_and_refuses_a_cycle_naming_it()
    {
        using var teacher = await server.SignInAsync("teacher");
        var design = await teacher.GetAsync((await teacher.GetAsync("learning/courses")).Document.QuerySelectorAll("#courses a")[1].GetAttribute("href")!);
        var skill = design.Document.QuerySelectorAll("#pre-skill option").Single(o => o.TextContent == "le vocabulaire des fractions").GetAttribute("value")!;
        var needs = design.Document.QuerySelectorAll("#pre-needs option").Single(o => o.TextContent == "comparer des fractions").GetAttribute("value")!;

        var refused = await teacher.SubmitAsync(design, new Dictionary<string, string> { ["skill"] = skill, ["prerequisite"] = needs }, "#add-prerequisite");

        Assert.Equal(3, design.Document.QuerySelectorAll("#skill-graph line").Length); // two prerequisites, and the top skill to its socle component
        Assert.Equal(3, design.Document.QuerySelectorAll("#skill-graph rect.skill").Length);
        Assert.Equal("Socle D1.3", design.Document.QuerySelectorAll("#skill-graph g").Single(g => g.QuerySelector("rect.socle") is not null).QuerySelector("text")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("comparer des fractions → le vocabulaire des fractions → fractions égales → comparer des fractions", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pupils_profile_selects_how_the_content_is_shown()
    {
        using var pupil = await server.SignInAsync("pupil");
        var mine = await pupil.GetAsync("learning/me");
        var profile = await pupil.GetAsync(mine.Document.QuerySelector(".profile-link")!.GetAttribute("href")!);
        var path = await PathAsync(pupil);
        var reading = path.Document.QuerySelectorAll("#done-list a").Single(a => a.TextContent.Contains("Lecture", StringComparison.Ordinal)).GetAttribute("href")!;
        var before = await pupil.GetAsync(reading);

        var saved = await pupil.SubmitAsync(profile, new Dictionary<string, string> { ["dyslexia"] = "true", ["simplified"] = "true" });
        var after = await pupil.GetAsync(reading);

        Assert.Contains("Une fraction partage une unité", before.Document.QuerySelector("#content")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Contains("dyslexia", after.Document.QuerySelector("#content")!.ClassName, StringComparison.Ordinal);
        Assert.Contains("On coupe un gâteau en 4 parts pareilles", after.Document.QuerySelector("#content")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(after.Document.QuerySelectorAll("#others-list a"), a => a.GetAttribute("hreflang") == "uk");
        await pupil.PostAsync(profile.Path, [KeyValuePair.Create("language", string.Empty)]); // the demo's profile again: every box unticked
    }

    [Fact]
    public async Task The_accessibility_report_counts_who_needs_what_the_content_lacks()
    {
        using var teacher = await server.SignInAsync("teacher");

        var report = await teacher.GetAsync((await teacher.GetAsync("learning/courses")).Document.QuerySelectorAll("#courses a")[2].GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains(report.Document.QuerySelectorAll("#missing-table tr"), tr => tr.TextContent.Contains("Lecture : fractions et partages", StringComparison.Ordinal) && tr.TextContent.Contains("un enregistrement audio", StringComparison.Ordinal));
    }
}
