using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>The web ENT as its people use it, in Chromium: a teacher enters marks, a pupil opens her report card, a parent sees his child, the administrator reads the rollout and the usage.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebEntInBrowserTests(BrowserSession session)
{
    [SkippableFact]
    public async Task A_teacher_signs_in_as_the_demo_persona_enters_a_mark_and_sees_the_class_average()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(A_teacher_signs_in_as_the_demo_persona_enters_a_mark_and_sees_the_class_average), async () =>
        {
            await page.SignInAsync("teacher");
            await page.FollowMenuAsync("Mes classes et cours");
            await page.GetByRole(AriaRole.Link, new() { Name = "Les fractions" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Interrogation écrite" }).ClickAsync();
            var before = await page.Locator("#class-average").TextContentAsync();

            await page.GetByLabel("Benali Lina").FillAsync("10");
            await page.GetByLabel("Diallo Inès").FillAsync("Abs");
            await page.GetByLabel("Martin Hugo").FillAsync("5");
            await page.GetByLabel("Martin Hugo").PressAsync("Enter"); // submitted from the keyboard

            await Assertions.Expect(page.Locator("#class-average")).ToHaveTextAsync("7,50");
            Assert.NotEqual("7,50", before);
            await Assertions.Expect(page.GetByLabel("Diallo Inès")).ToHaveValueAsync("Abs");
        });
    }

    [SkippableFact]
    public async Task A_teacher_signs_in_through_the_departments_openid_connect_provider_and_reaches_her_courses()
    {
        var page = await session.NewPageAsync(); // skips here without Chromium
        var server = new Ent.Samples.Tests.WebEnt.ProviderWebEntServer();
        await server.InitializeAsync();
        try
        {
            server.Provider.Subject = "demo.teacher";
            page = await session.NewPageAsync(server: server);
            await page.StepsAsync(nameof(A_teacher_signs_in_through_the_departments_openid_connect_provider_and_reaches_her_courses), async () =>
            {
                await page.GotoAsync("/");
                await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter avec ÉduConnect (test)" }).ClickAsync();
                await page.WaitForURLAsync(server.Address.ToString());

                await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Bonjour, Marie Curie");
                await page.FollowMenuAsync("Mes classes et cours");
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Les fractions" })).ToBeVisibleAsync();
            });
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_mark_the_teacher_mistypes_is_shown_beside_its_field_and_nothing_is_saved()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(A_mark_the_teacher_mistypes_is_shown_beside_its_field_and_nothing_is_saved), async () =>
        {
            await page.SignInAsync("teacher");
            await page.FollowMenuAsync("Mes classes et cours");
            await page.GetByRole(AriaRole.Link, new() { Name = "Les fractions" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Exercice à la maison" }).ClickAsync();
            var before = await page.GetByLabel("Benali Lina").InputValueAsync();

            await page.GetByLabel("Benali Lina").FillAsync("12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les notes" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("« 12 » n'est pas une note pour Benali Lina");
            await Assertions.Expect(page.GetByLabel("Benali Lina")).ToHaveAttributeAsync("aria-invalid", "true");
            await page.GotoAsync(page.Url);
            await Assertions.Expect(page.GetByLabel("Benali Lina")).ToHaveValueAsync(before);
        });
    }

    [SkippableFact]
    public async Task A_pupil_opens_her_report_card()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(A_pupil_opens_her_report_card), async () =>
        {
            await page.SignInAsync("pupil");
            await page.FollowMenuAsync("Notes");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = BulletinLink() }).ClickAsync();

            await Assertions.Expect(page.Locator(".report-card h2")).ToHaveTextAsync("Lina Benali");
            await Assertions.Expect(page.Locator("#overall")).ToHaveTextAsync(Average());
        });
    }

    [SkippableFact]
    public async Task A_parent_sees_his_childs_marks_but_not_another_pupils()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(A_parent_sees_his_childs_marks_but_not_another_pupils), async () =>
        {
            await page.SignInAsync("parent");
            await page.FollowMenuAsync("Notes");
            await page.GetByRole(AriaRole.Link, new() { Name = "Lina Benali" }).ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Notes de Lina Benali");

            var hugo = await session.Server.Client().SignInAsync("teacher"); // the teacher's gradebook names the class's pupils
            var other = (await OtherPupilAsync(hugo, page.Url.Split('/')[^1]));
            var response = await page.GotoAsync($"/grading/pupils/{other}");

            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Accès refusé");
        });
    }

    [SkippableFact]
    public async Task The_department_admin_sees_the_waves_and_the_usage_dashboard()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(The_department_admin_sees_the_waves_and_the_usage_dashboard), async () =>
        {
            await page.SignInAsync("admin");
            await page.FollowMenuAsync("Déploiement");
            await Assertions.Expect(page.Locator("#schools tbody tr")).ToHaveCountAsync(3);
            await page.GetByLabel("Situation au").FillAsync("2026-08-15");
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
            await Assertions.Expect(page.Locator("#schools tbody tr").First).ToContainTextAsync("aucun");

            await page.FollowMenuAsync("Usages");
            await Assertions.Expect(page.Locator("main svg")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("#by-school line.target")).ToHaveCountAsync(1);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync());
            Assert.StartsWith("usage-", download.SuggestedFilename, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task The_first_tab_reaches_the_skip_link_which_takes_the_keyboard_to_the_content()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(The_first_tab_reaches_the_skip_link_which_takes_the_keyboard_to_the_content), async () =>
        {
            await page.SignInAsync("teacher");

            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Aller au contenu", await page.EvaluateAsync<string>("document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");

            Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        });
    }

    private static async Task<string> OtherPupilAsync(Ent.Samples.Tests.WebEnt.WebClient teacher, string child)
    {
        using (teacher)
        {
            var courses = await teacher.GetAsync("grading/courses");
            var course = await teacher.GetAsync(courses.Document.QuerySelector("main a[href^='/grading/courses/']")!.GetAttribute("href")!);
            var gradebook = await teacher.GetAsync(course.Document.QuerySelector("main a[href*='/assessments/']")!.GetAttribute("href")!);
            return gradebook.Document.QuerySelectorAll("main a[href^='/grading/history/']").Select(a => a.GetAttribute("href")!.Split('/')[^1]).First(p => p != child);
        }
    }

    [GeneratedRegex("^Bulletin du ")]
    private static partial Regex BulletinLink();

    [GeneratedRegex(@"^\d+,\d\d$")]
    private static partial Regex Average();
}
