namespace Ent.Core.Organisation;

/// <summary>An inclusive range of dates; an open end means "until further notice".</summary>
public readonly record struct DateRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="begin">The first day of the range.</param>
    /// <param name="end">The last day of the range, or null when open.</param>
    /// <exception cref="ArgumentException">The end is before the beginning.</exception>
    public DateRange(DateOnly begin, DateOnly? end = null)
    {
        if (end is { } last && last < begin)
        {
            throw new ArgumentException($"A date range cannot end ({last:yyyy-MM-dd}) before it begins ({begin:yyyy-MM-dd}).", nameof(end));
        }

        Begin = begin;
        End = end;
    }

    /// <summary>The first day of the range.</summary>
    public DateOnly Begin { get; }

    /// <summary>The last day of the range, or null when the range is open.</summary>
    public DateOnly? End { get; }

    /// <summary>Whether the range includes a day.</summary>
    /// <param name="day">The day to test.</param>
    public bool Contains(DateOnly day) => day >= Begin && (End is null || day <= End.Value);

    /// <inheritdoc />
    public override string ToString() => End is { } end ? $"{Begin:yyyy-MM-dd}..{end:yyyy-MM-dd}" : $"{Begin:yyyy-MM-dd}..";
}
