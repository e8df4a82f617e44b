using Ent.Sdk.Pages;

namespace Ent.Sdk.Hosting;

/// <summary>
/// The pages the plugins (and the host) contribute, for a web adapter to map: each with its route, and one call that
/// answers a request the adapter has matched, host-neutral. The platform does the plumbing there: the plugin's
/// enablement in the viewer's school today (a page of a plugin that is off does not exist: not found), the viewer's
/// capability in their school (forbidden), the binding of route values and form fields, the form's validation, the
/// errors the page's services raise (refused: forbidden; unknown: not found; bad input on a post: the form again), the
/// rendering of its view in the viewer's school and language, and a failing page answered as a failure, logged, never
/// taking the host down.
/// </summary>
public interface IEntPages
{
    /// <summary>Every page, in the plugins' order; a route registered twice is kept once (the first), with a warning.</summary>
    IReadOnlyList<PageRegistration> Pages { get; }

    /// <summary>The navigation of a viewer: the entries of the pages that are on in their school and whose capability they hold there, in order.</summary>
    /// <param name="viewer">The signed-in person, their school and language.</param>
    IReadOnlyList<NavigationItem> NavigationFor(PageViewer viewer);

    /// <summary>Answers a request matched to a page.</summary>
    /// <param name="request">The page, the viewer and what they sent.</param>
    /// <param name="cancellationToken">Cancelled when the viewer goes away.</param>
    Task<PageResponse> DispatchAsync(PageRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Who views a page: the signed-in person, the school they work in (null: department-wide), their language.</summary>
/// <param name="Actor">The person.</param>
/// <param name="School">Their current school, or null.</param>
/// <param name="Language">Their language.</param>
public sealed record PageViewer(Ent.Core.Access.Actor Actor, Ent.Core.Organisation.School? School, string Language);

/// <summary>An entry of the navigation.</summary>
/// <param name="Label">The label, in the viewer's language.</param>
/// <param name="Route">The page's route (a path without the host's base).</param>
/// <param name="PluginId">The plugin the page belongs to, or null for the host's.</param>
public sealed record NavigationItem(string Label, string Route, string? PluginId);

/// <summary>A request an adapter matched to a page.</summary>
/// <param name="Page">The page.</param>
/// <param name="Viewer">Who views it.</param>
/// <param name="IsPost">Whether it posts the page's form (the adapter has checked its antiforgery token).</param>
/// <param name="RouteValues">The route's values as matched, by placeholder name (any case).</param>
public sealed record PageRequest(PageRegistration Page, PageViewer Viewer, bool IsPost, IReadOnlyDictionary<string, string?> RouteValues)
{
    /// <summary>The posted fields (the first value of each name).</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    /// <summary>The query string's values (the first of each name).</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>The files a multipart form sent, by field name (the host has refused any above its upload limit).</summary>
    public IReadOnlyDictionary<string, PostedFile> Files { get; init; } = new Dictionary<string, PostedFile>();

    /// <summary>Where the host serves Ent, e.g. <c>""</c> or <c>/ent</c>.</summary>
    public string PathBase { get; init; } = string.Empty;
}

/// <summary>What a page answered, for the adapter to write.</summary>
/// <param name="Status">The outcome.</param>
public sealed record PageResponse(PageStatus Status)
{
    /// <summary>The page's title, for a page.</summary>
    public string? Title { get; init; }

    /// <summary>How often the browser should load the page again, or null (for <see cref="PageStatus.Page"/>).</summary>
    public TimeSpan? Refresh { get; init; }

    /// <summary>The page's content: sanitised HTML to place in the layout (for <see cref="PageStatus.Page"/> and <see cref="PageStatus.InvalidForm"/>).</summary>
    public string? Html { get; init; }

    /// <summary>The JSON document, for <see cref="PageStatus.Json"/>.</summary>
    public string? Json { get; init; }

    /// <summary>The document's media type, for <see cref="PageStatus.File"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The document's content, for <see cref="PageStatus.File"/>.</summary>
    public string? Content { get; init; }

    /// <summary>A binary file's bytes (<see cref="PageStatus.File"/> with no <see cref="Content"/>).</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>The name to save the document under, or null to show it.</summary>
    public string? FileName { get; init; }

    /// <summary>Where to go, a path without the host's base, for <see cref="PageStatus.Redirect"/>.</summary>
    public string? Location { get; init; }

    /// <summary>Why it was refused or failed, for the log (never shown as such to the viewer).</summary>
    public string? Reason { get; init; }
}

/// <summary>The outcome of a page request.</summary>
public enum PageStatus
{
    /// <summary>The page (200).</summary>
    Page,

    /// <summary>The form again with its errors (400).</summary>
    InvalidForm,

    /// <summary>A JSON document (200).</summary>
    Json,

    /// <summary>A document served as it is (200): a CSV export, an SVG chart.</summary>
    File,

    /// <summary>A redirect after a post (303).</summary>
    Redirect,

    /// <summary>Nothing here, or a plugin off in the viewer's school (404).</summary>
    NotFound,

    /// <summary>The viewer may not (403).</summary>
    Forbidden,

    /// <summary>The page failed (500); logged.</summary>
    Failed,
}
