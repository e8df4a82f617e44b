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
}
