using Ent.Core.Organisation;

namespace Ent.Core.Tests.Organisation;

public sealed class DateRangeTests
{
    [Fact]
    public void Contains_both_of_its_ends()
    {
        var range = new DateRange(new(2026, 9, 1), new(2026, 9, 30));

        Assert.True(range.Contains(new(2026, 9, 1)));
        Assert.True(range.Contains(new(2026, 9, 30)));
        Assert.False(range.Contains(new(2026, 10, 1)));
        Assert.False(range.Contains(new(2026, 8, 31)));
    }

    [Fact]
    public void An_open_range_contains_every_later_day()
    {
        Assert.True(new DateRange(new(2026, 9, 1)).Contains(new(2040, 1, 1)));
    }

    [Fact]
    public void Refuses_to_end_before_it_begins_naming_both_dates()
    {
        var error = Assert.Throws<ArgumentException>(() => new DateRange(new(2026, 9, 1), new(2026, 8, 31)));

        Assert.Contains("2026-08-31", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-09-01", error.Message, StringComparison.Ordinal);
    }
}
