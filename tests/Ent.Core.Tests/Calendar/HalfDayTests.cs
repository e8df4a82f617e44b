using Ent.Core.Calendar;

namespace Ent.Core.Tests.Calendar;

public sealed class HalfDayTests
{
    [Theory]
    [InlineData(8, 0, HalfDayPart.Morning)]
    [InlineData(11, 59, HalfDayPart.Morning)]
    [InlineData(12, 0, HalfDayPart.Afternoon)]
    [InlineData(16, 30, HalfDayPart.Afternoon)]
    public void A_time_belongs_to_the_morning_before_midday_and_to_the_afternoon_from_midday(int hour, int minute, HalfDayPart part)
    {
        Assert.Equal(part, HalfDay.Of(new DateTime(2026, 11, 26, hour, minute, 0)).Part);
    }

    [Fact]
    public void The_midday_boundary_can_be_set_per_school()
    {
        Assert.Equal(HalfDayPart.Morning, HalfDay.Of(new DateTime(2026, 11, 26, 12, 15, 0), new TimeOnly(12, 30)).Part);
    }

    [Fact]
    public void The_afternoon_is_followed_by_the_next_morning()
    {
        var afternoon = new HalfDay(new(2026, 11, 26), HalfDayPart.Afternoon);

        Assert.Equal(new HalfDay(new(2026, 11, 27), HalfDayPart.Morning), afternoon.Next());
        Assert.True(afternoon < afternoon.Next());
    }
}
