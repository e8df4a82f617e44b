using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>A client that keeps its cookies (a browser's, shared with another client when given), follows nothing by itself, and reads pages as a browser parses them.</summary>
public sealed class WebClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public WebClient(Uri address, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    /// <summary>The client's cookies.</summary>
    public CookieContainer Cookies { get; }

    public void Dispose() => _http.Dispose();

    /// <summary>Signs in as a persona from the sign-in page's buttons (each a form with its antiforgery token).</summary>
    public async Task<WebClient> SignInAsync(string persona)
    {
        var page = await GetAsync("sign-in");
        var form = page.Document.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=persona]")?.GetAttribute("value") == persona);
        var response = await PostAsync(form.GetAttribute("action")!, Fields(form));
        return response.Status == HttpStatusCode.SeeOther ? this : throw new InvalidOperationException($"Signing in as {persona} answered {response.Status}.");
    }

    /// <summary>Gets a page.</summary>
    public async Task<WebPage> GetAsync(string path)
    {
        using var response = await _http.GetAsync(Relative(path));
        return await WebPage.ReadAsync(response);
    }

    /// <summary>Posts fields to a path.</summary>
    public async Task<WebPage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(Relative(path), content);
        return await WebPage.ReadAsync(response);
    }

    /// <summary>Posts fields and files as a multipart form, as a browser does for a form with a file field.</summary>
    public async Task<WebPage> PostMultipartAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, string contentType, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        using var response = await _http.PostAsync(Relative(path), form);
        return await WebPage.ReadAsync(response);
    }

    /// <summary>Fills the page's first posting form (its fields as served, changed by <paramref name="changes"/>) and posts it where it posts.</summary>
    public async Task<WebPage> SubmitAsync(WebPage page, IReadOnlyDictionary<string, string> changes, string? formSelector = null)
    {
        var form = page.Document.QuerySelectorAll(formSelector ?? "main form[method=post]").First();
        var fields = Fields(form).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : page.Path, fields);
    }

    /// <summary>A form's fields as a browser would post them (unticked boxes left out).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Fields(IElement form) =>
        form.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "radio") || i.HasAttribute("checked"))
            .Where(i => i.GetAttribute("type") != "file")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.LocalName switch
            {
                "select" => i.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty,
                "textarea" => i.TextContent,
                _ => i.GetAttribute("value") ?? string.Empty,
            }));

    private static string Relative(string path) => path.TrimStart('/');

    /// <summary>An answer: its status, where it redirects, its headers (all values joined), and the document parsed.</summary>
    public sealed record WebPage(HttpStatusCode Status, string Path, IDocument Document, string Body, string? Location, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> SetCookies)
    {
        /// <summary>The main content's text.</summary>
        public string Main => Document.QuerySelector("main")?.TextContent ?? string.Empty;

        public static async Task<WebPage> ReadAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToArray() : [];
            return new WebPage(response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath, Parser.ParseDocument(body), body, response.Headers.Location?.ToString(), headers, cookies);
        }
    }
}
