using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;

namespace Ent.Core.Tests.Timetable;

/// <summary>
/// A school's timetable gives its sessions on the school's days only, week A and week B alternating over the weeks it teaches,
/// within each slot's dates, with the day's changes applied. The calendar: zone C, the Toussaint holidays 17 October to 1 November 2026.
/// </summary>
public sealed class SchoolTimetableTests
{
    private static readonly Subject Maths = new("MATHS", "Mathématiques");
    private static readonly DateOnly FirstWeekA = new(2026, 9, 7); // a Monday
    private readonly TestWorld _world = new();

    private TimetableSlot Slot(DayOfWeek day, TeachingWeeks weeks = TeachingWeeks.Every, DateRange? valid = null) =>
        new(TimetableSlotId.New(), _world.School.Id, CourseAudience.ForClass(_world.Class5B.Id), Maths, _world.Teacher.Id, "B12",
            day, new(8, 0), new(9, 0), weeks, valid ?? new DateRange(new(2026, 9, 1), new(2027, 7, 4)));

    private SchoolTimetable Timetable(TimetableSlot[] slots, params SessionChange[] changes) => new(_world.School.Id, FirstWeekA, [.. slots], [.. changes]);

    [Fact]
    public void A_weekly_slot_gives_a_session_on_its_weekday_of_each_school_week_and_none_in_the_holidays()
    {
        var monday = Slot(DayOfWeek.Monday);

        var sessions = Timetable([monday]).SessionsBetween(_world.Calendar, new(2026, 10, 5), new(2026, 11, 8));

        Assert.Equal([new(2026, 10, 5), new(2026, 10, 12), new(2026, 11, 2)], sessions.Select(s => s.Date));
        Assert.All(sessions, s => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(9, 0), "B12", _world.Teacher.Id), (s.Start, s.End, s.Room, s.Teacher)));
    }

    [Fact]
    public void Week_A_and_week_B_alternate_over_the_weeks_the_school_teaches()
    {
        var timetable = Timetable([]);

        // 7 September is week A; five teaching weeks later, 12 October is B; the two holiday weeks do not count, so 2 November is A.
        Assert.Equal(TeachingWeeks.WeekA, timetable.WeekOf(_world.Calendar, new(2026, 9, 9)));
        Assert.Equal(TeachingWeeks.WeekB, timetable.WeekOf(_world.Calendar, new(2026, 9, 14)));
        Assert.Equal(TeachingWeeks.WeekB, timetable.WeekOf(_world.Calendar, new(2026, 10, 12)));
        Assert.Equal(TeachingWeeks.WeekA, timetable.WeekOf(_world.Calendar, new(2026, 11, 2)));
        Assert.Equal(TeachingWeeks.WeekB, timetable.WeekOf(_world.Calendar, new(2026, 9, 1))); // the week before the first week A
    }

    [Fact]
    public void A_week_A_slot_and_a_week_B_slot_share_the_weeks_between_them()
    {
        var weekA = Slot(DayOfWeek.Tuesday, TeachingWeeks.WeekA);
        var weekB = Slot(DayOfWeek.Tuesday, TeachingWeeks.WeekB);

        var sessions = Timetable([weekA, weekB]).SessionsBetween(_world.Calendar, new(2026, 10, 5), new(2026, 11, 15));

        Assert.Equal([(new DateOnly(2026, 10, 6), weekA.Id), (new DateOnly(2026, 10, 13), weekB.Id), (new DateOnly(2026, 11, 3), weekA.Id), (new DateOnly(2026, 11, 10), weekB.Id)],
            sessions.Select(s => (s.Date, s.Slot)));
    }

    [Fact]
    public void A_slot_gives_no_session_outside_its_dates()
    {
        var fromOctober = Slot(DayOfWeek.Monday, valid: new DateRange(new(2026, 10, 12), new(2026, 11, 2)));

        var sessions = Timetable([fromOctober]).SessionsBetween(_world.Calendar, new(2026, 9, 28), new(2026, 11, 30));

        Assert.Equal([new(2026, 10, 12), new(2026, 11, 2)], sessions.Select(s => s.Date));
    }

    [Fact]
    public void A_cancelled_session_is_not_taught()
    {
        var monday = Slot(DayOfWeek.Monday);

        var sessions = Timetable([monday], new SessionChange(monday.Id, new(2026, 10, 12), cancelled: true)).SessionsBetween(_world.Calendar, new(2026, 10, 5), new(2026, 10, 16));

        Assert.Equal([new(2026, 10, 5)], sessions.Select(s => s.Date));
    }

    [Fact]
    public void A_moved_session_is_taught_on_its_new_day_and_time_with_the_id_of_the_day_it_was_scheduled()
    {
        var monday = Slot(DayOfWeek.Monday);
        var timetable = Timetable([monday], new SessionChange(monday.Id, new(2026, 10, 12), movedTo: new(2026, 10, 14), start: new(10, 0), end: new(11, 0), room: "CDI"));

        var moved = Assert.Single(timetable.SessionsBetween(_world.Calendar, new(2026, 10, 14), new(2026, 10, 14))); // moved in from outside the days asked
        var week = timetable.SessionsBetween(_world.Calendar, new(2026, 10, 12), new(2026, 10, 16));

        Assert.Equal((new DateOnly(2026, 10, 14), new TimeOnly(10, 0), new TimeOnly(11, 0), "CDI", new DateOnly(2026, 10, 12), true),
            (moved.Date, moved.Start, moved.End, moved.Room, moved.ScheduledOn, moved.Moved));
        Assert.Equal(SessionId.Of(monday.Id, new(2026, 10, 12)), moved.Id);
        Assert.Equal([moved.Id], week.Select(s => s.Id));
        Assert.Empty(timetable.SessionsBetween(_world.Calendar, new(2026, 10, 12), new(2026, 10, 13))); // moved out of the Monday
    }

    [Fact]
    public void A_replacement_teacher_teaches_the_session()
    {
        var monday = Slot(DayOfWeek.Monday);

        var session = Assert.Single(Timetable([monday], new SessionChange(monday.Id, new(2026, 10, 12), replacement: _world.Staff.Id))
            .SessionsBetween(_world.Calendar, new(2026, 10, 12), new(2026, 10, 12)));

        Assert.Equal((_world.Staff.Id, true, false), (session.Teacher, session.Replaced, session.Moved));
    }

    [Fact]
    public void A_session_has_the_same_id_however_the_timetable_is_read()
    {
        var monday = Slot(DayOfWeek.Monday);
        var timetable = Timetable([monday]);

        var october = timetable.SessionsBetween(_world.Calendar, new(2026, 10, 1), new(2026, 10, 31)).Single(s => s.Date == new DateOnly(2026, 10, 12));
        var oneDay = Assert.Single(timetable.SessionsBetween(_world.Calendar, new(2026, 10, 12), new(2026, 10, 12)));

        Assert.Equal(october.Id, oneDay.Id);
        Assert.NotEqual(october.Id, SessionId.Of(monday.Id, new(2026, 10, 5)));
    }

    [Fact]
    public void A_sessions_id_does_not_depend_on_the_culture_it_is_derived_in()
    {
        var slot = TimetableSlotId.New();
        var invariant = SessionId.Of(slot, new(2026, 10, 12));
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH"); // a Buddhist-era calendar
            Assert.Equal(invariant, SessionId.Of(slot, new(2026, 10, 12)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_slot_that_ends_before_it_starts_is_refused_naming_its_times()
    {
        var error = Assert.Throws<ArgumentException>(() => new TimetableSlot(TimetableSlotId.New(), _world.School.Id, CourseAudience.ForClass(_world.Class5B.Id), Maths,
            _world.Teacher.Id, null, DayOfWeek.Monday, new(10, 0), new(9, 0), TeachingWeeks.Every, new DateRange(new(2026, 9, 1))));

        Assert.Contains("10:00–09:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slot_on_a_sunday_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Slot(DayOfWeek.Sunday));
    }

    [Fact]
    public void A_change_that_cancels_and_moves_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SessionChange(TimetableSlotId.New(), new(2026, 10, 12), cancelled: true, room: "CDI"));
    }

    [Fact]
    public void Two_changes_to_one_session_are_refused()
    {
        var monday = Slot(DayOfWeek.Monday);

        var error = Assert.Throws<ArgumentException>(() => Timetable([monday],
            new SessionChange(monday.Id, new(2026, 10, 12), room: "CDI"), new SessionChange(monday.Id, new(2026, 10, 12), cancelled: true)));

        Assert.Contains("2026-10-12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_that_would_end_the_session_before_it_starts_is_refused()
    {
        var monday = Slot(DayOfWeek.Monday); // 8:00–9:00

        Assert.Throws<ArgumentException>(() => Timetable([monday], new SessionChange(monday.Id, new(2026, 10, 12), start: new(9, 30))));
    }

    [Fact]
    public void A_slot_of_another_school_is_refused()
    {
        var other = new TimetableSlot(TimetableSlotId.New(), _world.OtherSchool.Id, CourseAudience.ForClass(_world.Class5B.Id), Maths, _world.Teacher.Id, null,
            DayOfWeek.Monday, new(8, 0), new(9, 0), TeachingWeeks.Every, new DateRange(new(2026, 9, 1)));

        Assert.Throws<ArgumentException>(() => Timetable([other]));
    }
}
