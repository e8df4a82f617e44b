using Ent.Core.Calendar;

namespace Ent.Core.Tests.Calendar;

public sealed class SchoolTimeTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public void A_local_day_and_time_is_the_instant_of_the_zones_offset_that_day()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 17, 30, 0, TimeSpan.FromHours(2)), SchoolTime.At(new(2026, 10, 16), new(17, 30), SchoolTime.Paris));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1)), SchoolTime.At(new(2026, 11, 2), new(8, 0), SchoolTime.Paris));
    }

    [Fact]
    public void The_school_days_between_two_days_leave_out_weekends_and_holidays()
    {
        var days = _world.Calendar.SchoolDaysBetween(_world.School.Id, new(2026, 10, 15), new(2026, 11, 3));

        Assert.Equal([new(2026, 10, 15), new(2026, 10, 16), new(2026, 11, 2), new(2026, 11, 3)], days);
        Assert.Empty(_world.Calendar.SchoolDaysBetween(_world.School.Id, new(2026, 11, 3), new(2026, 11, 2)));
    }

    [Theory]
    [InlineData("2026-09-01", "2026-09-07")] // a Tuesday: the next Monday
    [InlineData("2026-09-07", "2026-09-07")] // a Monday: itself
    [InlineData("2026-09-06", "2026-09-07")] // a Sunday
    public void The_first_monday_from_a_day_is_that_day_or_the_next_monday(string day, string monday)
    {
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), SchoolTime.FirstMondayFrom(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(DayOfWeek.Monday, SchoolTime.FirstMondayFrom(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).DayOfWeek);
    }
}
