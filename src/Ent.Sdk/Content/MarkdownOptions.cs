namespace Ent.Sdk.Content;

/// <summary>The limits of the shared Markdown pipeline, checked before any content is parsed.</summary>
public sealed class MarkdownOptions
{
    /// <summary>The longest content accepted, in characters (1,000,000 by default: a long course text).</summary>
    public int MaxInputLength { get; set; } = 1_000_000;

    /// <summary>The deepest nesting accepted: quotes, lists and brackets within each other (32 by default).</summary>
    public int MaxNestingDepth { get; set; } = 32;
}
