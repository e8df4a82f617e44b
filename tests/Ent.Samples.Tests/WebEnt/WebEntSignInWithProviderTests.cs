using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// Signing in through the department's identity provider, end to end: the ENT sends the person there, the provider vouches
/// for them, the ENT finds them in its directory by their external id and opens their session; nobody else gets in.
/// </summary>
public sealed class WebEntSignInWithProviderTests(ProviderWebEntServer server) : IClassFixture<ProviderWebEntServer>
{
    [Fact]
    public async Task A_teacher_signs_in_through_the_provider_and_is_the_directorys_person_with_that_external_id()
    {
        server.Provider.Subject = "demo.teacher";
        using var browser = new Browser(server.Address);

        var signIn = await browser.GetAsync("sign-in");
        var arrived = await browser.GetAsync(Link(signIn, "#sign-in-provider"));

        Assert.Contains("ÉduConnect (test)", signIn, StringComparison.Ordinal);
        Assert.Equal(new Uri(server.Address, "/"), browser.Last);
        Assert.Contains("Bonjour, Marie Curie", arrived, StringComparison.Ordinal);
        Assert.Contains("Mes classes et cours", await browser.GetAsync("grading/courses"), StringComparison.Ordinal);
        Assert.True(server.Provider.TokensIssued > 0); // the code was exchanged, with the client's secret, at the provider
    }

    [Fact]
    public async Task A_person_the_directory_does_not_know_is_refused_and_not_signed_in()
    {
        server.Provider.Subject = "somebody.else";
        using var browser = new Browser(server.Address);

        var refused = await browser.GetAsync("sign-in/oidc");

        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
        Assert.Contains("Compte inconnu", refused, StringComparison.Ordinal);
        await browser.GetAsync("grading/courses");
        Assert.StartsWith(new Uri(server.Address, "/sign-in").ToString(), browser.Last.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_return_address_after_sign_in_stays_within_the_ent()
    {
        server.Provider.Subject = "demo.lina";
        using var browser = new Browser(server.Address);

        await browser.GetAsync("sign-in/oidc?return=https://evil.example/");

        Assert.Equal(server.Address.Authority, browser.Last.Authority);
    }

    private static string Link(string page, string selector) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector(selector)!.GetAttribute("href")!;

    /// <summary>A client that follows redirects across the ENT and the provider, as a browser does, keeping each site's cookies.</summary>
    private sealed class Browser(Uri address) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true, MaxAutomaticRedirections = 10 }) { BaseAddress = address };

        public Uri Last { get; private set; } = address;

        public HttpStatusCode Status { get; private set; }

        public async Task<string> GetAsync(string path)
        {
            using var response = await _http.GetAsync(path.TrimStart('/'));
            (Last, Status) = (response.RequestMessage!.RequestUri!, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        public void Dispose() => _http.Dispose();
    }
}
