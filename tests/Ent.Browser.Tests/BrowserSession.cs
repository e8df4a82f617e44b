using Ent.Samples.Tests.WebEnt;
using Ent.TestSupport;
using Microsoft.Playwright;

namespace Ent.Browser.Tests;

/// <summary>
/// One web ENT and one headless Chromium (Debian's, driven by Playwright) for the browser tests. Without Chromium the tests
/// report themselves skipped with the reason (or fail, when servers are required, as in CI).
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private Exception? _missing;

    /// <summary>The web ENT.</summary>
    public WebEntServer Server { get; } = new();

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of failures go: the test run's output, never the repository.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        string chromium;
        try
        {
            chromium = TestServers.Chromium();
        }
        catch (Exception exception)
        {
            _missing = exception; // said by each test
            return;
        }

        await Server.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A new page in a fresh browser context (no cookies), in French unless told otherwise, on this session's web ENT or another; on a phone's screen (390 × 844, touch) when asked.</summary>
    public async Task<IPage> NewPageAsync(string locale = "fr-FR", WebEntServer? server = null, bool phone = false)
    {
        if (_missing is not null)
        {
            throw _missing is Xunit.SkipException ? new Xunit.SkipException(_missing.Message) : new InvalidOperationException(_missing.Message, _missing);
        }

        var options = new BrowserNewContextOptions { BaseURL = (server ?? Server).Address.ToString(), Locale = locale };
        if (phone)
        {
            (options.ViewportSize, options.IsMobile, options.HasTouch) = (new ViewportSize { Width = 390, Height = 844 }, true, true);
        }

        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
            await Server.DisposeAsync();
        }
    }
}

/// <summary>The browser tests share one web ENT and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "the web ENT in a browser";
}
