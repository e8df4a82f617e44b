using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>
/// Personalised learning in Chromium: a pupil follows their path, reads why, opens an activity in the form their profile chooses and
/// hands in their work; the teacher reads the class's heatmap, adds a skill to the map and pins an activity with its reason, which
/// the pupil then sees first; a parent sees their child's path and is refused another pupil's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningInBrowserTests(BrowserSession session)
{
    [SkippableFact]
    public async Task A_pupil_follows_their_path_reads_why_and_hands_in_their_work()
    {
        var page = await session.NewPageAsync();
        await page.StepsAsync(nameof(A_pupil_follows_their_path_reads_why_and_hands_in_their_work), async () =>
        {
            await page.SignInAsync("pupil");
            await page.FollowMenuAsync("Mes parcours");
            await page.Locator(".paths a", new() { HasText = "Les fractions" }).ClickAsync();

            await Assertions.Expect(page.Locator("#next-list li").First).ToContainTextAsync("Atelier en groupes : comparer des fractions");
            await Assertions.Expect(page.Locator("#next-list li .why").First).ToContainTextAsync("tu maîtrises comparer des fractions à");
            await Assertions.Expect(page.Locator("#mastery-picture")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#mastery-picture g")).ToHaveCountAsync(3);

            await page.Locator("#done-list a", new() { HasText = "Lecture : fractions et partages" }).ClickAsync();
            await Assertions.Expect(page.Locator("#content")).ToContainTextAsync("Une fraction partage une unité en parts égales");
            await page.GetByRole(AriaRole.Link, new() { Name = "Traduction (uk)" }).ClickAsync();
            await Assertions.Expect(page.Locator("#content")).ToHaveAttributeAsync("lang", "uk");

            await page.GetByLabel("Réponse écrite").CheckAsync();
            await page.GetByLabel("Ta réponse (ou un mot pour accompagner ton fichier)").FillAsync("3/4 : on partage en 4 et on prend 3 parts.");
            await page.Locator("#hand-in").ClickAsync();
            await Assertions.Expect(page.Locator("#submissions")).ToContainTextAsync("on partage en 4 et on prend 3 parts");
        });
    }

    [SkippableFact]
    public async Task The_teacher_reads_the_heatmap_adds_a_skill_and_pins_an_activity_the_pupil_then_sees_first()
    {
        var teacher = await session.NewPageAsync();
        await teacher.StepsAsync(nameof(The_teacher_reads_the_heatmap_adds_a_skill_and_pins_an_activity_the_pupil_then_sees_first), async () =>
        {
            await teacher.SignInAsync("teacher");
            await teacher.FollowMenuAsync("Parcours");
            await teacher.GetByRole(AriaRole.Link, new() { Name = "Carte de la classe" }).ClickAsync();
            await Assertions.Expect(teacher.Locator("#heatmap rect.cell")).ToHaveCountAsync(9);
            await Assertions.Expect(teacher.Locator("#groups-list li")).ToHaveCountAsync(3);

            await teacher.Locator("#activity").SelectOptionAsync(new SelectOptionValue { Label = "Lecture : fractions et partages" });
            await teacher.Locator("#kind").SelectOptionAsync("pin");
            await teacher.GetByLabel("Benali Lina").CheckAsync();
            await teacher.GetByLabel("Pourquoi (l'élève le verra)").FillAsync("relis-la avant jeudi");
            await teacher.Locator("#save-decision").ClickAsync();
            await Assertions.Expect(teacher.Locator("#decisions")).ToContainTextAsync("relis-la avant jeudi");

            await teacher.FollowMenuAsync("Parcours");
            await teacher.GetByRole(AriaRole.Link, new() { Name = "Carte des compétences" }).ClickAsync();
            await teacher.Locator("#skill-name").FillAsync("ranger des fractions");
            await teacher.Locator("#add-skill").GetByLabel("comparer des fractions").CheckAsync();
            await teacher.Locator("#save-skill").ClickAsync();
            await Assertions.Expect(teacher.Locator("#skill-graph rect.skill")).ToHaveCountAsync(4);
            await Assertions.Expect(teacher.Locator("#skills-table")).ToContainTextAsync("ranger des fractions");

            var pupil = await session.NewPageAsync();
            await pupil.SignInAsync("pupil");
            await pupil.FollowMenuAsync("Mes parcours");
            await pupil.Locator(".paths a", new() { HasText = "Les fractions" }).ClickAsync();
            await Assertions.Expect(pupil.Locator("#next-list li").First).ToContainTextAsync("Ton professeur l'a choisie pour toi : relis-la avant jeudi");

            await teacher.FollowMenuAsync("Parcours");
            await teacher.GetByRole(AriaRole.Link, new() { Name = "Carte de la classe" }).ClickAsync();
            await teacher.Locator("#decisions tr", new() { HasText = "relis-la avant jeudi" }).GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
            await Assertions.Expect(teacher.Locator("#decisions")).ToHaveCountAsync(0);
        });
    }

    [SkippableFact]
    public async Task A_parent_sees_their_childs_path_and_is_refused_another_pupils()
    {
        var parent = await session.NewPageAsync();
        await parent.StepsAsync(nameof(A_parent_sees_their_childs_path_and_is_refused_another_pupils), async () =>
        {
            await parent.SignInAsync("parent");
            await parent.FollowMenuAsync("Mes parcours");
            await parent.Locator(".paths a", new() { HasText = "Les fractions" }).ClickAsync();
            await Assertions.Expect(parent.Locator("h1")).ToContainTextAsync("Benali Lina");

            var teacher = await session.NewPageAsync();
            await teacher.SignInAsync("teacher");
            await teacher.FollowMenuAsync("Parcours");
            await teacher.GetByRole(AriaRole.Link, new() { Name = "Carte de la classe" }).ClickAsync();
            var hugo = await teacher.Locator(".pupil-links a", new() { HasText = "Martin Hugo" }).GetAttributeAsync("href");

            var refused = await parent.GotoAsync(hugo!);
            Assert.Equal(403, refused!.Status);
        });
    }
}
