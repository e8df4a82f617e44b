using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// The department's web ENT as its people use it, over HTTP on loopback: demonstration sign-in, each role's navigation and pages,
/// marks typed in a gradebook, a pupil's and a parent's views, the English version, and the security every answer carries.
/// </summary>
public sealed class WebEntTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    [Fact]
    public void The_main_command_prints_its_loopback_address_and_says_it_is_a_demonstration()
    {
        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Contains($"{server.Address} (démonstration / demonstration)", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_the_sign_in_page_which_lists_the_demonstration_personas()
    {
        using var visitor = server.Client();

        var home = await visitor.GetAsync("/");
        var signIn = await visitor.GetAsync("sign-in");

        Assert.Equal((HttpStatusCode.SeeOther, "/sign-in?return=%2F"), (home.Status, home.Location));
        Assert.Equal(["teacher", "pupil", "parent", "cpe", "head", "admin"], signIn.Document.QuerySelectorAll("input[name=persona]").Select(i => i.GetAttribute("value")));
        Assert.Contains("Démonstration", signIn.Document.QuerySelector(".demo")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teacher", "Appel|Cours|Mes classes et cours|Parcours|Classe inversée")]
    [InlineData("pupil", "Cours|Notes|À préparer|Mes parcours|Absences")]
    [InlineData("parent", "Notes|Mes parcours|Absences")]
    [InlineData("cpe", "Appel|Cours|Vie scolaire|Emploi du temps")]
    [InlineData("head", "Appel|Cours|Vie scolaire|Mes classes et cours|Parcours|Classe inversée|Préparation des séances|Conseils de classe|Absentéisme|Emploi du temps|Déploiement|Usages")]
    [InlineData("admin", "Absentéisme|Emploi du temps|Déploiement|Usages")]
    public async Task Each_role_sees_the_navigation_of_what_is_on_for_them_in_their_school(string persona, string expected)
    {
        using var client = await server.SignInAsync(persona);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(expected, string.Join('|', home.Document.QuerySelectorAll("nav.menu a").Skip(1).Select(a => a.TextContent)));
        Assert.NotNull(home.Document.QuerySelector(".demo")); // every page says it is a demonstration
    }

    [Fact]
    public async Task Every_page_answers_each_role_as_its_rights_say_and_nobody_reaches_another_pupil_by_changing_the_id()
    {
        var pages = await DemoPagesAsync();
        var expected = new Dictionary<string, string>
        {
            // courses course gradebook my-marks lina lina-card lina-history hugo councils council | my-courses course-content rollout usage
            ["teacher"] = "200 200 200 403 200 200 200 200 403 200 200 200 403 403",
            ["pupil"] = "403 403 403 303 200 200 200 403 403 403 200 200 403 403",
            ["parent"] = "403 403 403 200 200 200 200 403 403 403 403 403 403 403",
            ["head"] = "200 200 200 403 200 200 200 200 200 200 200 200 200 200",
            ["admin"] = "404 404 404 404 404 404 404 404 404 404 403 403 200 200", // no school: grading is on in none of theirs
        };
        foreach (var (persona, statuses) in expected)
        {
            using var client = await server.SignInAsync(persona);
            var answers = new List<int>();
            foreach (var page in pages)
            {
                answers.Add((int)(await client.GetAsync(page)).Status);
            }

            Assert.Equal($"{persona}: {statuses}", $"{persona}: {string.Join(' ', answers)}");
        }
    }

    [Fact]
    public async Task A_teacher_types_marks_and_codes_in_french_and_sees_the_class_average()
    {
        using var teacher = await server.SignInAsync("teacher");
        var gradebook = await GradebookAsync(teacher, "Interrogation écrite");
        var fields = gradebook.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("name")!).ToArray();

        var saved = await teacher.SubmitAsync(gradebook, new Dictionary<string, string> { [fields[0]] = "7,5", [fields[1]] = "Abs", [fields[2]] = "9" });
        var after = await teacher.GetAsync(saved.Location!);

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Equal("8,25", after.Document.QuerySelector("#class-average")!.TextContent); // (7.5 + 9) / 2: an absence is left out
        Assert.Equal(["7,5", "Abs", "9"], after.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task A_mark_above_the_scale_shows_the_gradebook_again_naming_it_and_records_none_of_the_marks()
    {
        using var teacher = await server.SignInAsync("teacher");
        var gradebook = await GradebookAsync(teacher, "Exercice à la maison");
        var before = gradebook.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("value")).ToArray();
        var fields = gradebook.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("name")!).ToArray();

        var refused = await teacher.SubmitAsync(gradebook, new Dictionary<string, string> { [fields[0]] = "4", [fields[1]] = "7" });
        var again = await teacher.GetAsync(gradebook.Path);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("« 7 » n'est pas une note pour", refused.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", refused.Document.QuerySelector($"input[name='{fields[1]}']")!.GetAttribute("aria-invalid"));
        Assert.Equal("7", refused.Document.QuerySelector($"input[name='{fields[1]}']")!.GetAttribute("value")); // what was typed is kept
        Assert.Equal(before, again.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Two_teachers_saving_one_gradebook_keep_each_others_marks_and_a_mark_both_changed_is_shown_not_overwritten()
    {
        using var one = await server.SignInAsync("teacher");
        using var other = await server.SignInAsync("head");
        var sheetOfOne = await GradebookAsync(one, "Contrôle : fractions");
        var sheetOfOther = await other.GetAsync(sheetOfOne.Path);
        var pupils = sheetOfOne.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("name")!).ToArray();

        var first = await one.SubmitAsync(sheetOfOne, new Dictionary<string, string> { [pupils[0]] = "3", [pupils[2]] = "17" });
        var second = await other.SubmitAsync(sheetOfOther, new Dictionary<string, string> { [pupils[1]] = "8" }); // from the sheet as it was
        var clash = await other.SubmitAsync(sheetOfOther, new Dictionary<string, string> { [pupils[0]] = "4" });
        var after = await one.GetAsync(sheetOfOne.Path);

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.BadRequest), (first.Status, second.Status, clash.Status));
        Assert.Equal(["3", "8", "17"], after.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("value")));
        Assert.Contains("modifiée entre-temps par quelqu'un d'autre (elle est maintenant « 3 »)", clash.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assessments_figures_are_a_json_endpoint_for_its_teacher_and_its_class_but_not_for_a_stranger_to_it()
    {
        using var teacher = await server.SignInAsync("teacher");
        using var pupil = await server.SignInAsync("pupil");
        using var admin = await server.SignInAsync("admin");
        var gradebook = await GradebookAsync(teacher, "Interrogation écrite");
        var endpoint = $"grading/api{gradebook.Path["/grading".Length..]}/statistics";

        var figures = await teacher.GetAsync(endpoint);
        var json = System.Text.Json.JsonDocument.Parse(figures.Body).RootElement;

        Assert.Equal("application/json; charset=utf-8", figures.Headers["Content-Type"]);
        Assert.True(json.GetProperty("count").GetInt32() > 0);
        Assert.True(json.TryGetProperty("average", out _));
        Assert.Equal(HttpStatusCode.OK, (await pupil.GetAsync(endpoint)).Status); // published: the class's pupils see the figures
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(endpoint)).Status); // no school: grading is on in none of theirs
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"grading/api/courses/{Guid.NewGuid()}/assessments/{Guid.NewGuid()}/statistics")).Status);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var teacher = await server.SignInAsync("teacher");
        var gradebook = await GradebookAsync(teacher, "Contrôle : fractions");
        var field = gradebook.Document.QuerySelector("input[name^='marks[']")!;

        var forged = await teacher.PostAsync(gradebook.Path, [KeyValuePair.Create(field.GetAttribute("name")!, "0")]);
        var after = await teacher.GetAsync(gradebook.Path);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(field.GetAttribute("value"), after.Document.QuerySelector($"input[name='{field.GetAttribute("name")}']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_teacher_writes_a_sequences_content_in_markdown_and_her_pupils_read_it_rendered_with_nothing_executable()
    {
        using var teacher = await server.SignInAsync("teacher");
        using var pupil = await server.SignInAsync("pupil");
        var page = await teacher.GetAsync((await teacher.GetAsync("courses")).Document.QuerySelector("main .cards a")!.GetAttribute("href")!);

        var saved = await teacher.SubmitAsync(page, new Dictionary<string, string> { ["content"] = "## Pour lundi\n\nLire **la page 12**.\n\n<script>alert(1)</script>\n\n![](schema.png)" });
        var read = await pupil.GetAsync(page.Path);
        var edited = await teacher.GetAsync(page.Path);

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Equal("Pour lundi", read.Document.QuerySelector("main .content h2")!.TextContent);
        Assert.Equal("la page 12", read.Document.QuerySelector("main .content strong")!.TextContent);
        Assert.Empty(read.Document.QuerySelectorAll("script"));
        Assert.Null(read.Document.QuerySelector("main form")); // pupils read, teachers edit
        Assert.Contains("texte alternatif", edited.Document.QuerySelector("main .errors")!.TextContent, StringComparison.OrdinalIgnoreCase); // the image without alt text is pointed out to its author
    }

    [Fact]
    public async Task A_pupil_opens_her_report_card_with_her_average_and_the_classs()
    {
        using var pupil = await server.SignInAsync("pupil");
        var marks = await pupil.GetAsync((await pupil.GetAsync("grading/marks")).Location!);

        var card = await pupil.GetAsync(marks.Document.QuerySelector("a[href*='/report-cards/']")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Contains("Lina Benali", card.Document.QuerySelector(".report-card h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 rue de l'Exemple, 93200 Saint-Denis", card.Document.QuerySelector("#school-address")!.TextContent); // from the department's file
        Assert.Contains("UAI 0930001W", card.Document.QuerySelector(".report-card h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Année scolaire 2026-2027", card.Document.QuerySelector(".report-card .bilan")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Marie Curie", card.Document.QuerySelector(".report-card .teacher")!.TextContent);
        Assert.NotNull(card.Document.QuerySelector("#provisional"));
        Assert.Contains("Mathématiques", card.Main, StringComparison.Ordinal);
        Assert.Matches(@"^\d+,\d\d$", card.Document.QuerySelector("#overall")!.TextContent);
    }

    [Fact]
    public async Task A_parent_sees_each_of_his_children_and_their_marks()
    {
        using var parent = await server.SignInAsync("parent");

        var children = await parent.GetAsync("grading/marks");
        var lina = await parent.GetAsync(children.Document.QuerySelector("main .cards a")!.GetAttribute("href")!);

        Assert.Equal(["Lina Benali"], children.Document.QuerySelectorAll("main .cards a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.OK, lina.Status);
        Assert.Contains("Contrôle : fractions", lina.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_version_is_one_click_away_and_kept_for_the_session()
    {
        using var teacher = await server.SignInAsync("teacher");
        var home = await teacher.GetAsync("/");

        var switched = await teacher.GetAsync(home.Document.QuerySelector("nav.languages a[lang=en]")!.GetAttribute("href")!);
        var courses = await teacher.GetAsync("grading/courses");

        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("en", courses.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("My classes and courses", courses.Document.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task A_403_and_a_404_are_pages_in_the_viewers_language()
    {
        using var pupil = await server.SignInAsync("pupil");

        var forbidden = await pupil.GetAsync("grading/courses");
        var missing = await pupil.GetAsync("grading/nowhere");

        Assert.Equal((HttpStatusCode.Forbidden, "Accès refusé"), (forbidden.Status, forbidden.Document.QuerySelector("main h1")!.TextContent));
        Assert.Equal((HttpStatusCode.NotFound, "Page introuvable"), (missing.Status, missing.Document.QuerySelector("main h1")!.TextContent));
    }

    [Fact]
    public async Task Every_answer_carries_a_policy_without_scripts_no_framing_and_no_sniffing_and_the_session_cookie_is_http_only_and_same_site()
    {
        using var visitor = server.Client();
        var signIn = await visitor.GetAsync("sign-in");
        var form = signIn.Document.QuerySelector("form")!;

        var signedIn = await visitor.PostAsync(form.GetAttribute("action")!, WebClient.Fields(form));

        foreach (var answer in new[] { signIn, signedIn })
        {
            Assert.Contains("script-src 'none'", answer.Headers["Content-Security-Policy"], StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline' ;", answer.Headers["Content-Security-Policy"].Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", answer.Headers["Content-Security-Policy"], StringComparison.Ordinal);
            Assert.Equal("nosniff", answer.Headers["X-Content-Type-Options"]);
        }

        var session = Assert.Single(signedIn.SetCookies, c => c.StartsWith("ent.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var teacher = await server.SignInAsync("teacher");
        var home = await teacher.GetAsync("/");

        var signedOut = await teacher.SubmitAsync(home, new Dictionary<string, string>(), "form.sign-out");
        var after = await teacher.GetAsync("grading/courses");

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.Status);
        Assert.Equal(HttpStatusCode.SeeOther, after.Status);
        Assert.StartsWith("/sign-in", after.Location, StringComparison.Ordinal);
    }

    /// <summary>The demonstration's pages, found by following links as its people would.</summary>
    private async Task<string[]> DemoPagesAsync()
    {
        using var teacher = await server.SignInAsync("teacher");
        var courses = await teacher.GetAsync("grading/courses");
        var course = courses.Document.QuerySelector("main a[href^='/grading/courses/']")!.GetAttribute("href")!;
        var gradebook = (await teacher.GetAsync(course)).Document.QuerySelector("main a[href*='/assessments/']")!.GetAttribute("href")!;
        var pupils = (await teacher.GetAsync(gradebook)).Document.QuerySelectorAll("main a[href^='/grading/history/']").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToArray();
        using var pupil = await server.SignInAsync("pupil");
        var lina = (await pupil.GetAsync("grading/marks")).Location!;
        var linaId = lina.Split('/')[^1];
        var hugo = $"/grading/pupils/{pupils.Single(p => p != linaId && p != pupils[1])}"; // the sheet lists Benali Lina, Diallo Inès, Martin Hugo
        var linaPage = await pupil.GetAsync(lina);
        var card = linaPage.Document.QuerySelector("a[href*='/report-cards/']")!.GetAttribute("href")!;
        var history = linaPage.Document.QuerySelector("a[href^='/grading/history/']")!.GetAttribute("href")!;
        using var head = await server.SignInAsync("head");
        var council = (await head.GetAsync("grading/councils")).Document.QuerySelector("main .cards a")!.GetAttribute("href")!;
        var content = (await teacher.GetAsync("courses")).Document.QuerySelector("main .cards a")!.GetAttribute("href")!;
        return ["grading/courses", course, gradebook, "grading/marks", lina, card, history, hugo, "grading/councils", council, "courses", content, "admin/rollout", "admin/usage"];
    }

    private static async Task<WebClient.WebPage> GradebookAsync(WebClient teacher, string assessment)
    {
        var courses = await teacher.GetAsync("grading/courses");
        var course = await teacher.GetAsync(courses.Document.QuerySelector("main a[href^='/grading/courses/']")!.GetAttribute("href")!);
        var link = course.Document.QuerySelectorAll("main a[href*='/assessments/']").Single(a => a.TextContent == assessment);
        return await teacher.GetAsync(link.GetAttribute("href")!);
    }
}
