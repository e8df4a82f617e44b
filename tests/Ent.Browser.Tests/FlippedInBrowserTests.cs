using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>
/// The flipped classroom in Chromium, on the demonstration's flipped session « Les fractions égales »: a pupil studies a resource, says
/// she is done and answers the readiness check from her "to prepare" list; the teacher reads the class's readiness, marks a short
/// answer, makes groups keeping two pupils apart and prints them; the teacher flips another session with the editor and publishes it,
/// which the pupil then finds in her list; a parent does not see what their child prepared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FlippedInBrowserTests(BrowserSession session)
{
    [SkippableFact]
    public async Task A_pupil_studies_a_resource_and_answers_the_readiness_check_from_her_list()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(A_pupil_studies_a_resource_and_answers_the_readiness_check_from_her_list), async () =>
        {
            await page.SignInAsync("pupil");
            await page.FollowMenuAsync("À préparer");
            await Assertions.Expect(page.Locator("#to-prepare")).ToContainTextAsync("À faire avant le jeudi 26 novembre à 21h00");
            await page.Locator("#to-prepare a", new() { HasText = "Les fractions égales" }).ClickAsync();

            await page.Locator("#resource-list a", new() { HasText = "Fiche" }).ClickAsync();
            await Assertions.Expect(page.Locator("#resource-text strong")).ToHaveTextAsync("égales");
            await page.Locator("#done").ClickAsync();

            await page.GetByLabel("3/6").CheckAsync();
            await page.GetByLabel("Combien font les 3/4 de 8 ?").FillAsync("6");
            await page.GetByLabel("Explique avec tes mots ce que dit le dénominateur.").FillAsync("En combien de parts égales on coupe l'unité.");
            await page.Locator("#send-check").ClickAsync();
            await Assertions.Expect(page.Locator("#answered")).ToContainTextAsync("3 question(s) répondue(s)");
            await Assertions.Expect(page.GetByLabel("3/6")).ToBeCheckedAsync();
        });
    }

    [SkippableFact]
    public async Task The_teacher_reads_the_readiness_marks_a_short_answer_and_prints_groups_keeping_two_pupils_apart()
    {
        var teacher = await session.NewPageAsync();
        await teacher.StepsAsync(nameof(The_teacher_reads_the_readiness_marks_a_short_answer_and_prints_groups_keeping_two_pupils_apart), async () =>
        {
            await teacher.SignInAsync("teacher");
            await teacher.FollowMenuAsync("Classe inversée");
            await teacher.Locator("#sessions a", new() { HasText = "Les fractions égales" }).ClickAsync();
            await Assertions.Expect(teacher.Locator("#not-prepared")).ToContainTextAsync("Diallo Inès");
            await Assertions.Expect(teacher.Locator("#distribution rect")).ToHaveCountAsync(4);

            await teacher.Locator("#short-answers tr", new() { HasText = "Martin Hugo" }).GetByRole(AriaRole.Button, new() { Name = "Juste" }).ClickAsync();
            await Assertions.Expect(teacher.Locator("#short-answers tr", new() { HasText = "Martin Hugo" })).ToContainTextAsync("juste");

            await teacher.Locator("#mode").SelectOptionAsync("homogeneous");
            await teacher.Locator("#size").FillAsync("2");
            await teacher.Locator("#apart-0-first").SelectOptionAsync(new SelectOptionValue { Label = "Benali Lina" });
            await teacher.Locator("#apart-0-second").SelectOptionAsync(new SelectOptionValue { Label = "Martin Hugo" });
            await teacher.Locator("#make-groups").ClickAsync();
            await Assertions.Expect(teacher.Locator("#groups-list li")).ToHaveCountAsync(2);
            await Assertions.Expect(teacher.Locator("#groups-list li", new() { HasText = "Benali Lina" })).Not.ToContainTextAsync("Martin Hugo");

            await teacher.Locator("#print").ClickAsync();
            await Assertions.Expect(teacher.Locator("#printable-groups .group")).ToHaveCountAsync(2);
            await teacher.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(teacher.Locator("header.top")).ToBeHiddenAsync();
            await Assertions.Expect(teacher.Locator("#printable-groups")).ToBeVisibleAsync();
        });
    }

    [SkippableFact]
    public async Task The_teacher_flips_a_session_with_the_editor_and_publishes_it_and_the_pupil_finds_it_to_prepare()
    {
        var teacher = await session.NewPageAsync();
        await teacher.StepsAsync(nameof(The_teacher_flips_a_session_with_the_editor_and_publishes_it_and_the_pupil_finds_it_to_prepare), async () =>
        {
            await teacher.SignInAsync("teacher");
            await teacher.FollowMenuAsync("Classe inversée");
            await teacher.Locator("#sessions tr", new() { HasText = "mardi 8 décembre" }).GetByRole(AriaRole.Link, new() { Name = "Inverser cette séance" }).ClickAsync();
            await teacher.GetByLabel("Titre de la séance").FillAsync("Ranger des fractions");
            await teacher.Locator("#resource-0-title").FillAsync("Vidéo : ranger des fractions");
            await teacher.Locator("#resource-0-url").FillAsync("https://fr.wikipedia.org/wiki/Fraction");
            await teacher.Locator("#check-0-prompt").FillAsync("Quelle fraction est la plus grande ?");
            await teacher.Locator("#check-0-options").FillAsync("2/3\n3/5");
            await teacher.Locator("#check-0-right").FillAsync("1");
            await teacher.Locator("#check-1-kind").SelectOptionAsync("numeric");
            await teacher.Locator("#check-1-prompt").FillAsync("Combien de sixièmes dans 2/3 ?");
            await teacher.Locator("#check-1-right").FillAsync("4");
            await teacher.Locator("#save-session").ClickAsync();
            await Assertions.Expect(teacher.Locator("#draft")).ToBeVisibleAsync();
            await teacher.Locator("#publish").ClickAsync();
            await Assertions.Expect(teacher.Locator("#draft")).ToHaveCountAsync(0);
            await Assertions.Expect(teacher.Locator("#remind")).ToBeVisibleAsync();

            var pupil = await session.NewPageAsync();
            await pupil.SignInAsync("pupil");
            await pupil.FollowMenuAsync("À préparer");
            await pupil.Locator("#to-prepare a", new() { HasText = "Ranger des fractions" }).ClickAsync();
            await Assertions.Expect(pupil.GetByLabel("Combien de sixièmes dans 2/3 ?")).ToBeVisibleAsync();
            await Assertions.Expect(pupil.Locator("#resource-list")).ToContainTextAsync("Vidéo : ranger des fractions");
        });
    }

    [SkippableFact]
    public async Task A_parent_does_not_see_what_their_child_prepared()
    {
        var parent = await session.NewPageAsync();
        await parent.StepsAsync(nameof(A_parent_does_not_see_what_their_child_prepared), async () =>
        {
            await parent.SignInAsync("parent");
            await Assertions.Expect(parent.Locator("nav.menu")).Not.ToContainTextAsync("À préparer");

            var refused = await parent.GotoAsync("/flipped/prepare");
            Assert.Equal(403, refused!.Status);
        });
    }
}
