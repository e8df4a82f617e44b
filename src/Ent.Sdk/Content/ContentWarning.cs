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

/// <summary>Content over one of the pipeline's limits; nothing was rendered.</summary>
public sealed class ContentLimitException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">Which limit: "length" or "nesting depth".</param>
    /// <param name="actual">The content's value.</param>
    /// <param name="maximum">The limit's value.</param>
    public ContentLimitException(string limit, long actual, long maximum)
        : base($"The content's {limit} is {actual}, over the limit of {maximum}; nothing was rendered.")
    {
        Limit = limit;
        Actual = actual;
        Maximum = maximum;
    }

    /// <summary>Which limit.</summary>
    public string Limit { get; }

    /// <summary>The content's value.</summary>
    public long Actual { get; }

    /// <summary>The limit's value.</summary>
    public long Maximum { get; }
}
