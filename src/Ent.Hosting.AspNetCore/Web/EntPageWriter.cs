using System.Text.RegularExpressions;
using Ent.Core.Organisation;
using Ent.Sdk.Hosting;
using Ent.Sdk.Localization;
using Ent.Sdk.Views;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ent.Hosting.AspNetCore.Web;

/// <summary>
/// Writes HTML answers: a page's content inside the department's layout (<c>ent/layout</c>: navigation, the person, the school,
/// the language switch, the demonstration banner), the status pages (<c>ent/status</c>), and an antiforgery token in every form
/// that posts, so that no template has to remember it.
/// </summary>
internal sealed partial class EntPageWriter(IViewRenderer views, ILocalizedStrings strings, IEntPages pages, EntViewers viewers, IAntiforgery antiforgery, IOptions<EntWebOptions> options)
{
    /// <summary>The form field of the antiforgery token.</summary>
    public const string AntiforgeryField = "__ent_antiforgery";

    /// <summary>Where a page's content goes in the layout.</summary>
    private const string ContentMarker = "%%ent-content%%";

    /// <summary>Writes a page inside the layout.</summary>
    public async Task WritePageAsync(HttpContext context, PageViewer? viewer, string title, string content, int status, string? route = null, TimeSpan? refresh = null)
    {
        var language = viewer?.Language ?? viewers.LanguageOf(context);
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        var layout = views.Render("ent/layout", LayoutOf(context, viewer, title, language, pathBase, route) with { Refresh = refresh is { } every ? (int)every.TotalSeconds : null }, new ViewScope(viewer?.School?.Uai.Value, language));
        var html = WithTokens(context, layout.Replace(ContentMarker, content, StringComparison.Ordinal));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a status page (403, 404, 400, 413, 429, 500) in the viewer's language; <paramref name="reason"/> names a more precise text (<c>status.&lt;reason&gt;</c>).</summary>
    public Task WriteStatusAsync(HttpContext context, PageViewer? viewer, int status, string? reason = null)
    {
        var language = viewer?.Language ?? viewers.LanguageOf(context);
        var key = reason ?? status switch { 403 => "forbidden", 404 => "not-found", 400 => "bad-request", 413 => "too-large", 429 => "too-many", _ => "failed" };
        var content = views.Render("ent/status", new StatusModel(status, strings.Get("ent", $"status.{key}.title", language), strings.Get("ent", $"status.{key}.text", language),
            (context.Request.PathBase.Value ?? string.Empty) + "/"), new ViewScope(viewer?.School?.Uai.Value, language));
        return WritePageAsync(context, viewer, strings.Get("ent", $"status.{key}.title", language), content, status);
    }

    /// <summary>Puts an antiforgery token in every form that posts.</summary>
    private string WithTokens(HttpContext context, string html)
    {
        if (!html.Contains("<form", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        var field = $"<input type=\"hidden\" name=\"{AntiforgeryField}\" value=\"{System.Net.WebUtility.HtmlEncode(token)}\">";
        return PostingForm().Replace(html, match => match.Value + field);
    }

    private LayoutModel LayoutOf(HttpContext context, PageViewer? viewer, string title, string language, string pathBase, string? route)
    {
        var current = context.Request.Path.Value ?? "/";
        var languages = EntViewers.Languages.Select(code => new LanguageLink(code, strings.Get("ent", $"language.{code}", code), $"{pathBase}/language/{code}?return={Uri.EscapeDataString(pathBase + current)}", code == language)).ToArray();
        if (viewer is null)
        {
            return new LayoutModel(language, title, ContentMarker, options.Value.Demo, null, null, null, [], languages, pathBase + "/", pathBase + "/sign-out");
        }

        var navigation = pages.NavigationFor(viewer).Select(item => new NavigationLink(item.Label, $"{pathBase}/{item.Route}", item.Route == route)).ToArray();
        var roles = string.Join(", ", viewers.RolesOf(viewer.Actor.Person).Select(r => strings.Get("ent", $"role.{r}", language)));
        return new LayoutModel(language, title, ContentMarker, options.Value.Demo, viewers.NameOf(viewer.Actor.Person), roles, viewer.School is School school ? $"{school.Name} ({school.Uai})" : null,
            navigation, languages, pathBase + "/", pathBase + "/sign-out");
    }

    [GeneratedRegex("<form\\b[^>]*\\bmethod=\"post\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostingForm();

    private sealed record LayoutModel(string Lang, string Title, string Content, bool Demo, string? PersonName, string? Roles, string? School,
        IReadOnlyList<NavigationLink> Navigation, IReadOnlyList<LanguageLink> Languages, string Home, string SignOut)
    {
        /// <summary>Every how many seconds the browser loads the page again, or null.</summary>
        public int? Refresh { get; init; }
    }

    private sealed record NavigationLink(string Label, string Href, bool Current);

    private sealed record LanguageLink(string Code, string Label, string Href, bool Current);

    private sealed record StatusModel(int Status, string Title, string Text, string Home);
}
