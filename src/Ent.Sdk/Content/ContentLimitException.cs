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

    /// <summary>Which limit.</summary>
    public string Limit { get; }

    /// <summary>The content's value.</summary>
    public long Actual { get; }

    /// <summary>The limit's value.</summary>
    public long Maximum { get; }
}
