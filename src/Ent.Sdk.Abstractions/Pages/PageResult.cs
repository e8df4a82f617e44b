namespace Ent.Sdk.Pages;

/// <summary>What a page answers. Build one with the static methods.</summary>
public abstract record PageResult
{
    private protected PageResult()
    {
    }

    /// <summary>The page: an overridable view (an HTML fragment) rendered in the viewer's school and language, inside the department's layout.</summary>
    /// <param name="view">The view's name, e.g. <c>grading/pages/gradebook</c>.</param>
    /// <param name="model">The view's model.</param>
    /// <param name="title">The page's title, in the viewer's language.</param>
    public static PageResult View(string view, object? model, string title) => new ViewPageResult(view, model, title);

    /// <summary>
    /// The page, which the browser loads again every so often while it is open (a teacher's readiness board as pupils answer), with no
    /// script: the host's layout asks for the refresh.
    /// </summary>
    /// <param name="view">The view's name.</param>
    /// <param name="model">The view's model.</param>
    /// <param name="title">The page's title, in the viewer's language.</param>
    /// <param name="refreshEvery">How often, from 10 seconds to 1 hour.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is outside 10 seconds to 1 hour.</exception>
    public static PageResult View(string view, object? model, string title, TimeSpan refreshEvery) =>
        refreshEvery < TimeSpan.FromSeconds(10) || refreshEvery > TimeSpan.FromHours(1)
            ? throw new ArgumentOutOfRangeException(nameof(refreshEvery), refreshEvery, $"A page refreshes every 10 seconds to 1 hour; {refreshEvery} is not that.")
            : new ViewPageResult(view, model, title) { RefreshEvery = refreshEvery };

    /// <summary>A JSON document (an endpoint for scripts and other systems).</summary>
    /// <param name="value">The value, serialised with camel-cased names.</param>
    public static PageResult Json(object? value) => new JsonPageResult(value);

    /// <summary>A redirect to another page of the host (after a post: the page that shows the result).</summary>
    /// <param name="path">The page's path, without the host's base (e.g. <c>grading/courses</c>).</param>
    public static PageResult Redirect(string path) => new RedirectPageResult(path);

    /// <summary>The form was not valid: the page is shown again with these errors and the posted values.</summary>
    /// <param name="errors">The errors.</param>
    public static PageResult Invalid(params FormError[] errors) => new InvalidFormPageResult(errors);

    /// <summary>A document to download or embed (a CSV export, an SVG chart), served as it is.</summary>
    /// <param name="contentType">Its media type, e.g. <c>text/csv; charset=utf-8</c>.</param>
    /// <param name="content">Its content.</param>
    /// <param name="fileName">The name to save it under (letters, digits, '-', '_' and '.'), or null to show it in the browser.</param>
    public static PageResult File(string contentType, string content, string? fileName = null) => new FilePageResult(contentType, content, fileName);

    /// <summary>A binary file to download (a scanned proof, a PDF), with its type and, to save it rather than show it, its name.</summary>
    /// <param name="contentType">Its media type, e.g. <c>application/pdf</c>.</param>
    /// <param name="content">Its bytes.</param>
    /// <param name="fileName">A name to save it under (letters, digits, '-', '_' and '.'), or null to show it.</param>
    public static PageResult File(string contentType, byte[] content, string? fileName = null) => new BinaryFilePageResult(contentType, content, fileName);

    /// <summary>Nothing here (the host answers with its 404 page in the viewer's language).</summary>
    public static PageResult NotFound() => new NotFoundPageResult();
}

/// <summary>A view rendered in the layout.</summary>
/// <param name="ViewName">The view's name.</param>
/// <param name="Model">The view's model.</param>
/// <param name="Title">The page's title.</param>
public sealed record ViewPageResult(string ViewName, object? Model, string Title) : PageResult
{
    /// <summary>How often the browser loads the page again, or null for never.</summary>
    public TimeSpan? RefreshEvery { get; init; }
}

/// <summary>A JSON document.</summary>
/// <param name="Value">The value.</param>
public sealed record JsonPageResult(object? Value) : PageResult;

/// <summary>A document served as it is.</summary>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">Its content.</param>
/// <param name="FileName">The name to save it under, or null.</param>
public sealed record FilePageResult(string ContentType, string Content, string? FileName) : PageResult;

/// <summary>A binary file served as it is.</summary>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="FileName">The name to save it under, or null.</param>
public sealed record BinaryFilePageResult(string ContentType, byte[] Content, string? FileName) : PageResult;

/// <summary>A redirect within the host.</summary>
/// <param name="Path">The path, without the host's base.</param>
public sealed record RedirectPageResult(string Path) : PageResult;

/// <summary>A form to show again with its errors.</summary>
/// <param name="Errors">The errors.</param>
public sealed record InvalidFormPageResult(IReadOnlyList<FormError> Errors) : PageResult;

/// <summary>Nothing here.</summary>
public sealed record NotFoundPageResult : PageResult;
