using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>Attendance in Chromium: a teacher takes a roll call on a phone with one tap per pupil not present; a parent declares an absence with a proof and the CPE accepts it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendanceInBrowserTests(BrowserSession session)
{
    [SkippableFact]
    public async Task A_teacher_takes_the_roll_call_on_a_phone_with_one_tap_for_the_pupil_who_is_not_there()
    {
        var page = await session.NewPageAsync(phone: true);
        await page.StepsAsync(nameof(A_teacher_takes_the_roll_call_on_a_phone_with_one_tap_for_the_pupil_who_is_not_there), async () =>
        {
            await page.SignInAsync("teacher");
            await page.FollowMenuAsync("Appel");
            await page.GetByRole(AriaRole.Link, new() { Name = "Jour suivant →" }).ClickAsync(); // Friday 27 November
            await page.Locator("#sessions a").First.ClickAsync();

            await page.Locator(".roll > li", new() { HasText = "Martin Hugo" }).GetByText("Absent", new() { Exact = true }).TapAsync();
            var button = page.Locator("#save-roll-call");
            Assert.True((await button.BoundingBoxAsync())!.Height >= 40, "the button to save is large enough to tap");
            await button.TapAsync();

            await Assertions.Expect(page.Locator("#taken")).ToContainTextAsync("Appel fait par Marie Curie");
            await Assertions.Expect(page.Locator(".roll > li", new() { HasText = "Martin Hugo" }).Locator("input[value=absent]")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator(".roll > li", new() { HasText = "Benali Lina" }).Locator("input[value=present]")).ToBeCheckedAsync();
        });
    }

    [SkippableFact]
    public async Task A_parent_declares_an_absence_with_a_certificate_and_the_CPE_accepts_it()
    {
        var parent = await session.NewPageAsync();
        await parent.StepsAsync(nameof(A_parent_declares_an_absence_with_a_certificate_and_the_CPE_accepts_it), async () =>
        {
            await parent.SignInAsync("parent");
            await parent.FollowMenuAsync("Absences");
            await parent.Locator("#declare").ClickAsync();
            await parent.GetByLabel("Jour").First.FillAsync("2026-12-07");
            await parent.GetByLabel("Jour").Nth(1).FillAsync("2026-12-07");
            await parent.GetByLabel("Motif").SelectOptionAsync("maladie-certificat");
            await parent.GetByLabel("Commentaire").FillAsync("Angine");
            await parent.Locator("#proof").SetInputFilesAsync(new FilePayload { Name = "certificat.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 certificat"u8.ToArray() });
            await parent.Locator("#send-declaration").ClickAsync();
            await Assertions.Expect(parent.Locator("#declarations-list")).ToContainTextAsync("En attente de la vie scolaire");

            var cpe = await session.NewPageAsync();
            await cpe.SignInAsync("cpe");
            await cpe.FollowMenuAsync("Vie scolaire");
            await cpe.Locator("#declarations-list a", new() { HasText = "07/12/2026" }).ClickAsync();
            await Assertions.Expect(cpe.Locator("#proof")).ToHaveTextAsync("certificat.pdf");
            await cpe.Locator("#review").ClickAsync(); // accepted is the first choice

            await parent.ReloadAsync();
            await Assertions.Expect(parent.Locator("#declarations-list")).ToContainTextAsync("Acceptée");
        });
    }
}
