using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// The flipped-classroom pages of the web ENT over HTTP, on the demonstration's flipped session « Les fractions égales » (Friday's maths,
/// its check due Thursday at 21:00, answered by Lina and Hugo, not yet by Inès; groups made from mastery): the teacher's sessions, plan,
/// live readiness and printable groups, the editor, the pupil's list, session and resources; each seen only by those it is for.
/// </summary>
public sealed class WebEntFlippedTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    /// <summary>The demo's flipped session's plan, found from the teacher's sessions.</summary>
    private static async Task<WebClient.WebPage> PlanAsync(WebClient teacher)
    {
        var sessions = await teacher.GetAsync("flipped/sessions");
        var link = sessions.Document.QuerySelectorAll("#sessions a").First(a => a.TextContent.Contains("Les fractions égales", StringComparison.Ordinal));
        return await teacher.GetAsync(link.GetAttribute("href")!);
    }

    /// <summary>The demo's flipped session as the pupil prepares it, found from "to prepare".</summary>
    private static async Task<WebClient.WebPage> PreparationAsync(WebClient pupil)
    {
        var list = await pupil.GetAsync("flipped/prepare");
        var link = list.Document.QuerySelectorAll("#to-prepare a").First(a => a.TextContent.Contains("Les fractions égales", StringComparison.Ordinal));
        return await pupil.GetAsync(link.GetAttribute("href")!);
    }

    [Fact]
    public async Task The_teacher_sees_before_class_who_prepared_the_most_missed_question_and_what_to_do_with_it()
    {
        using var teacher = await server.SignInAsync("teacher");

        var plan = await PlanAsync(teacher);

        Assert.Equal(HttpStatusCode.OK, plan.Status);
        Assert.Contains("vendredi 27 novembre à 9h00", plan.Document.QuerySelector("#session-header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("avant le jeudi 26 novembre à 21h00", plan.Document.QuerySelector("#due")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("N'ont pas préparé : Diallo Inès", plan.Document.QuerySelector("#not-prepared")!.TextContent, StringComparison.Ordinal);
        var first = plan.Document.QuerySelector("#questions tbody tr")!;
        Assert.Contains("Quelle fraction est égale à 1/2 ?", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("2/3 (1)", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("discuter en binômes", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("img", plan.Document.QuerySelector("#distribution")!.GetAttribute("role"));
        Assert.Contains("Les familles ne sont pas prévenues", plan.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_personalised_learning_on_the_groups_are_made_from_mastery_and_print_on_their_own_page()
    {
        using var teacher = await server.SignInAsync("teacher");
        var plan = await PlanAsync(teacher);

        var print = await teacher.GetAsync(plan.Document.QuerySelector("#print")!.GetAttribute("href")!);

        Assert.Contains("d'après la maîtrise du cours", plan.Document.QuerySelector("#groups-basis")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, plan.Document.QuerySelectorAll("#groups-list li").Length);
        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Equal(3, print.Document.QuerySelectorAll("#printable-groups .group li").Length);
        Assert.Contains("@media print", print.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_readiness_page_loads_itself_again_every_30_seconds_once_the_teacher_asks_and_without_a_script()
    {
        using var teacher = await server.SignInAsync("teacher");
        var plan = await PlanAsync(teacher);

        var live = await teacher.GetAsync(plan.Document.QuerySelector("#live")!.GetAttribute("href")!);
        var auto = await teacher.GetAsync(live.Document.QuerySelector("#auto")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Null(live.Document.QuerySelector("head meta[http-equiv=refresh]")); // nothing moves under a reader who did not ask for it
        Assert.Equal("30", auto.Document.QuerySelector("head meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Contains("Arrêter la mise à jour automatique", auto.Document.QuerySelector("#auto")!.TextContent, StringComparison.Ordinal);
        Assert.Null(auto.Document.QuerySelector("script"));
        Assert.Null(plan.Document.QuerySelector("head meta[http-equiv=refresh]")); // the plan has forms: it does not reload under the teacher's hands
    }

    [Fact]
    public async Task The_teacher_makes_groups_keeping_two_pupils_apart()
    {
        using var teacher = await server.SignInAsync("teacher");
        var plan = await PlanAsync(teacher);
        var options = plan.Document.QuerySelectorAll("#apart-0-first option").Where(o => o.GetAttribute("value") is { Length: > 0 }).ToArray();
        var (lina, hugo) = (options.Single(o => o.TextContent == "Benali Lina").GetAttribute("value")!, options.Single(o => o.TextContent == "Martin Hugo").GetAttribute("value")!);

        var made = await teacher.SubmitAsync(plan, new Dictionary<string, string> { ["mode"] = "homogeneous", ["size"] = "2", ["apart[0.first]"] = lina, ["apart[0.second]"] = hugo }, "#groups-form");
        var after = await teacher.GetAsync(plan.Path);

        Assert.Equal(HttpStatusCode.SeeOther, made.Status);
        Assert.DoesNotContain(after.Document.QuerySelectorAll("#groups-list li"), li => li.TextContent.Contains("Benali Lina", StringComparison.Ordinal) && li.TextContent.Contains("Martin Hugo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pupil_prepares_from_their_list_and_the_teacher_sees_the_new_answers()
    {
        using var pupil = await server.SignInAsync("pupil");
        using var teacher = await server.SignInAsync("teacher");
        var list = await pupil.GetAsync("flipped/prepare");
        var preparation = await PreparationAsync(pupil);
        var question = preparation.Document.QuerySelector("#check-form input[type=radio]")!.GetAttribute("name")!;

        var sent = await pupil.SubmitAsync(preparation, new Dictionary<string, string> { [question] = "1" }, "#check-form");
        var again = await pupil.GetAsync(preparation.Path);

        Assert.Contains("À faire avant le jeudi 26 novembre à 21h00", list.Document.QuerySelector("#to-prepare")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        Assert.NotNull(again.Document.QuerySelector($"#check-form input[name='{question}'][value='1'][checked]"));
        Assert.Contains("3 question(s) répondue(s)", again.Document.QuerySelector("#answered")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Benali Lina", (await PlanAsync(teacher)).Document.QuerySelector("#pupils")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_opens_a_written_resource_rendered_safely_and_says_when_they_are_done()
    {
        using var pupil = await server.SignInAsync("pupil");
        var preparation = await PreparationAsync(pupil);
        var sheet = preparation.Document.QuerySelectorAll("#resource-list a").Single(a => a.TextContent.StartsWith("Fiche", StringComparison.Ordinal));

        var resource = await pupil.GetAsync(sheet.GetAttribute("href")!);
        var done = await pupil.SubmitAsync(resource, new Dictionary<string, string>());

        Assert.Equal("égales", resource.Document.QuerySelector("#resource-text strong")!.TextContent);
        Assert.Equal(HttpStatusCode.SeeOther, done.Status);
        Assert.EndsWith("#resources", done.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_number_is_shown_again_with_its_error_and_nothing_is_lost()
    {
        using var pupil = await server.SignInAsync("pupil");
        var preparation = await PreparationAsync(pupil);
        var number = preparation.Document.QuerySelector("#check-form input[inputmode=decimal]")!;

        var refused = await pupil.SubmitAsync(preparation, new Dictionary<string, string> { [number.GetAttribute("name")!] = "six" }, "#check-form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("« six » ne répond pas à « Combien font les 3/4 de 8 ? »", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("six", refused.Document.QuerySelector($"#check-form input[name='{number.GetAttribute("name")}']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Neither_a_parent_nor_a_pupil_opens_the_teachers_plan_and_a_parent_does_not_see_what_their_child_prepared()
    {
        using var pupil = await server.SignInAsync("pupil");
        using var parent = await server.SignInAsync("parent");
        using var teacher = await server.SignInAsync("teacher");
        var plan = await PlanAsync(teacher);
        var preparation = await PreparationAsync(pupil);

        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync(plan.Path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(plan.Path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(preparation.Path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("flipped/prepare")).Status);
    }

    [Fact]
    public async Task The_teacher_flips_another_session_with_the_editor_a_wrong_question_being_shown_again_named()
    {
        using var teacher = await server.SignInAsync("teacher");
        var sessions = await teacher.GetAsync("flipped/sessions");
        var flip = sessions.Document.QuerySelectorAll("#sessions a").Last(a => a.TextContent == "Inverser cette séance"); // a session whose check can still be answered
        var editor = await teacher.GetAsync(flip.GetAttribute("href")!);
        var fields = new Dictionary<string, string>
        {
            ["title"] = "Comparer des fractions",
            ["hoursBefore"] = "24",
            ["check[0.kind]"] = "choice",
            ["check[0.prompt]"] = "Quelle fraction est la plus grande ?",
            ["check[0.options]"] = "2/3\n3/5",
            ["check[0.right]"] = "3",
        };

        var refused = await teacher.SubmitAsync(editor, fields, "#session-form");
        fields["check[0.right]"] = "1";
        var saved = await teacher.SubmitAsync(editor, fields, "#session-form");
        var plan = await teacher.GetAsync(saved.Location!);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("'Quelle fraction est la plus grande ?': the right option is a number from 1 to 2; '3' is not that", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Comparer des fractions", refused.Document.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Contains("Les élèves ne voient pas encore cette séance", plan.Main, StringComparison.Ordinal);
        Assert.NotNull(plan.Document.QuerySelector("#publish"));
    }

    [Fact]
    public async Task The_head_of_school_reads_the_weeks_readiness_and_a_teacher_does_not()
    {
        using var head = await server.SignInAsync("head");
        using var teacher = await server.SignInAsync("teacher");

        var week = await head.GetAsync("flipped/week");

        Assert.Equal(HttpStatusCode.OK, week.Status);
        var row = week.Document.QuerySelectorAll("#week tbody tr").Single(r => r.TextContent.Contains("Les fractions égales", StringComparison.Ordinal));
        Assert.Contains("2/3 (67 %)", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("flipped/week")).Status);
    }
}

/// <summary>
/// The web ENT with the plugin folders of the build except personalised learning's: the flipped classroom's optional dependency absent,
/// its groups are made from the readiness check.
/// </summary>
public sealed class WebEntWithoutLearningServer : WebEntServer
{
    private readonly string _plugins = Directory.CreateTempSubdirectory("ent-plugins-").FullName;

    /// <inheritdoc />
    protected override string Plugins => _plugins;

    public override Task InitializeAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(PluginArtifacts).Where(f => Path.GetFileName(f) != "Ent.Plugins.PersonalisedLearning"))
        {
            Copy(folder, Path.Combine(_plugins, Path.GetFileName(folder)));
        }

        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_plugins, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

/// <summary>The flipped classroom from real plugin folders without the personalised-learning plugin.</summary>
public sealed class WebEntFlippedWithoutLearningTests(WebEntWithoutLearningServer server) : IClassFixture<WebEntWithoutLearningServer>
{
    [Fact]
    public async Task Without_the_personalised_learning_plugin_the_groups_are_made_from_the_readiness_check()
    {
        using var teacher = await server.SignInAsync("teacher");
        var sessions = await teacher.GetAsync("flipped/sessions");
        var plan = await teacher.GetAsync(sessions.Document.QuerySelectorAll("#sessions a").First(a => a.TextContent.Contains("Les fractions égales", StringComparison.Ordinal)).GetAttribute("href")!);

        Assert.DoesNotContain("ent.personalised-learning 0.1.0", server.Output, StringComparison.Ordinal);
        Assert.Contains("d'après le test de préparation", plan.Document.QuerySelector("#groups-basis")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, plan.Document.QuerySelectorAll("#groups-list li").Length);
    }
}

/// <summary>The web ENT on a data folder its caller keeps, on a clock the caller chooses: to start it again the next day.</summary>
internal sealed class KeptDataServer(string dataFolder, DateTimeOffset now) : WebEntServer(signInAttemptsPerMinute: 1000, dataFolder)
{
    /// <inheritdoc />
    protected override DateTimeOffset Now => now;
}

/// <summary>After class: the demonstration's flipped session, started again the day it is taught once class has begun.</summary>
public sealed class WebEntFlippedAfterClassTests
{
    [Fact]
    public async Task After_class_the_pupil_answers_the_exit_ticket_on_her_page_and_the_teacher_reads_its_results()
    {
        var data = Directory.CreateTempSubdirectory("ent-web-").FullName;
        try
        {
            var thursday = new KeptDataServer(data, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
            await thursday.InitializeAsync(); // the demonstration flips Friday's 9:00 session
            await thursday.DisposeAsync();

            var friday = new KeptDataServer(data, new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero)); // 10:30 in Paris: class has begun
            await friday.InitializeAsync();
            try
            {
                using var pupil = await friday.SignInAsync("pupil");
                using var teacher = await friday.SignInAsync("teacher");
                var list = await pupil.GetAsync("flipped/prepare");
                var session = await pupil.GetAsync(list.Document.QuerySelectorAll("#to-prepare a").First(a => a.TextContent.Contains("Les fractions égales", StringComparison.Ordinal)).GetAttribute("href")!);
                var option = session.Document.QuerySelector("#exit-form input[type=radio]")!;

                var sent = await pupil.SubmitAsync(session, new Dictionary<string, string> { [option.GetAttribute("name")!] = "0" }, "#exit-form");
                var after = await pupil.GetAsync(session.Path);
                var sessions = await teacher.GetAsync("flipped/sessions");
                var plan = await teacher.GetAsync(sessions.Document.QuerySelectorAll("#sessions a").First(a => a.TextContent.Contains("Les fractions égales", StringComparison.Ordinal)).GetAttribute("href")!);

                Assert.Contains("Ticket de sortie ouvert", list.Document.QuerySelector("#to-prepare")!.TextContent, StringComparison.Ordinal);
                Assert.Contains("le test est fermé", session.Document.QuerySelector("#check")!.ParentElement!.TextContent, StringComparison.OrdinalIgnoreCase);
                Assert.NotNull(session.Document.QuerySelector("#my-group"));
                Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
                Assert.NotNull(after.Document.QuerySelector($"#exit-form input[name='{option.GetAttribute("name")}'][value='0'][checked]"));
                Assert.Contains("1 élève(s) sur 3 ont répondu au ticket de sortie", plan.Document.QuerySelector("#exit-prepared-count")!.TextContent, StringComparison.Ordinal);
            }
            finally
            {
                await friday.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
