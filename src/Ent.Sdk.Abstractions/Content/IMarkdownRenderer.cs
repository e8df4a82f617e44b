namespace Ent.Sdk.Content;

/// <summary>
/// The one Markdown pipeline for course content: tables, task lists, footnotes, emphasis extras,
/// figures, mathematics (as markup for a client-side renderer) and heading ids. Its output cannot
/// carry script: raw HTML is escaped, link and image URLs are limited to safe schemes, and the HTML
/// goes through a sanitiser. Thread-safe; resolve it from the host's services.
/// </summary>
public interface IMarkdownRenderer
{
    /// <summary>Renders Markdown to safe HTML, with accessibility warnings for the author.</summary>
    /// <param name="markdown">The content, from a person or a plugin: untrusted.</param>
    /// <exception cref="ContentLimitException">The content is longer or nested deeper than the limits.</exception>
    RenderedContent Render(string markdown);
}
