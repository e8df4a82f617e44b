using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>What a person does in the browser: sign in as a persona, follow the menu; a failure leaves a screenshot in the test output.</summary>
internal static class Browsing
{
    /// <summary>Signs in from the sign-in page by pressing the persona's button.</summary>
    public static async Task SignInAsync(this IPage page, string persona)
    {
        await page.GotoAsync("/");
        await page.Locator($"#persona-{persona}").ClickAsync();
        await page.WaitForURLAsync("**/");
    }

    /// <summary>Follows an entry of the main menu.</summary>
    public static Task FollowMenuAsync(this IPage page, string label) => page.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();

    /// <summary>Runs a test's steps; on failure, saves a screenshot of the page under the run's output and rethrows.</summary>
    public static async Task StepsAsync(this IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception) when (!page.IsClosed)
        {
            Directory.CreateDirectory(BrowserSession.Screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Screenshots, $"{name}.png"), FullPage = true });
            throw;
        }
    }
}
