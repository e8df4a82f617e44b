using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Sessions;

namespace Ent.Plugins.FlippedClassroom.Tests.Sessions;

public class SessionTimingTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static Session Maths(DateOnly day, int start) => new(new SessionId(Guid.NewGuid()), new TimetableSlotId(Guid.NewGuid()), SchoolId.New(), CourseAudience.ForClass(ClassId.New()),
        new Subject("MATHS", "Mathématiques"), PersonId.New(), "B12", day, new TimeOnly(start, 0), new TimeOnly(start + 1, 0), Thursday, null);

    [Fact]
    public void The_readiness_check_is_due_the_chosen_hours_before_the_session_in_the_departments_time()
    {
        var timing = SessionTiming.Of(Maths(Thursday, 10), hoursBefore: 12, exitTicketDays: 2, SchoolTime.Paris);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), timing.Starts); // 10:00 in Paris, winter time
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero), timing.ReadinessDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 22, 59, 0, TimeSpan.Zero), timing.ExitTicketCloses);
    }

    [Fact]
    public void A_session_moved_in_the_timetable_moves_its_deadlines()
    {
        var moved = Maths(Thursday.AddDays(1), 14) with { ScheduledOn = Thursday };

        var timing = SessionTiming.Of(moved, hoursBefore: 12, exitTicketDays: 2, SchoolTime.Paris);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero), timing.ReadinessDue); // 12 hours before Friday 14:00
    }

    [Fact]
    public void The_phases_follow_each_other_from_the_deadline_to_the_end_of_the_session()
    {
        var timing = SessionTiming.Of(Maths(Thursday, 10), 12, 2, SchoolTime.Paris);

        Assert.Equal(SessionPhase.Before, timing.PhaseAt(timing.ReadinessDue.AddMinutes(-1)));
        Assert.Equal(SessionPhase.During, timing.PhaseAt(timing.ReadinessDue));
        Assert.Equal(SessionPhase.During, timing.PhaseAt(timing.Ends.AddMinutes(-1)));
        Assert.Equal(SessionPhase.After, timing.PhaseAt(timing.Ends));
        Assert.False(timing.TakesReadinessAnswers(timing.ReadinessDue));
        Assert.False(timing.TakesExitTicketAnswers(timing.Starts.AddMinutes(-1)));
        Assert.True(timing.TakesExitTicketAnswers(timing.Ends));
    }

    [Theory]
    [InlineData(0, 2, "hoursBefore")]
    [InlineData(73, 2, "hoursBefore")]
    [InlineData(12, 15, "exitTicketDays")]
    public void Hours_or_days_outside_their_range_are_refused_naming_them(int hours, int days, string named)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SessionTiming.Of(Maths(Thursday, 10), hours, days, SchoolTime.Paris));

        Assert.Equal(named, error.ParamName);
    }
}
