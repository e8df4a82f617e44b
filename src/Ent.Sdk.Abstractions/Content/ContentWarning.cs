namespace Ent.Sdk.Content;

/// <summary>
/// Something an author should fix for the content to be accessible (Universal Design for Learning):
/// the content still renders.
/// </summary>
/// <param name="Code">A stable code: <c>image-without-alt</c>, <c>heading-skips-level</c>.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Message">What to fix, in French and English.</param>
public sealed record ContentWarning(string Code, int Line, string Message)
{
    /// <summary>An image has no alternative text.</summary>
    public const string ImageWithoutAlt = "image-without-alt";

    /// <summary>A heading skips a level (a level 3 heading right after a level 1).</summary>
    public const string HeadingSkipsLevel = "heading-skips-level";
}

/// <summary>Markdown rendered to HTML that can carry no script, with the warnings for its author.</summary>
/// <param name="Html">The sanitised HTML.</param>
/// <param name="Warnings">The accessibility warnings, in document order.</param>
public sealed record RenderedContent(string Html, IReadOnlyList<ContentWarning> Warnings);
