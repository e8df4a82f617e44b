namespace Ent.Sdk.Content;

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

    /// <summary>Creates the exception for content the Markdown parser itself refused, past a limit Ent did not measure.</summary>
    /// <param name="limit">Which limit, e.g. "nesting depth".</param>
    /// <param name="maximum">Ent's limit of that kind.</param>
    /// <param name="innerException">The parser's refusal.</param>
    public ContentLimitException(string limit, long maximum, Exception innerException)
        : base($"The content's {limit} is over what the Markdown parser accepts (Ent's limit is {maximum}): {innerException?.Message} Nothing was rendered.", innerException)
    {
        Limit = limit;
        Actual = -1;
        Maximum = maximum;
    }

    /// <summary>Which limit.</summary>
    public string Limit { get; }

    /// <summary>The content's value, or -1 when the parser refused the content before Ent could measure it.</summary>
    public long Actual { get; }

    /// <summary>The limit's value.</summary>
    public long Maximum { get; }
}
