using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;

namespace Ent.Core.Tests.Timetable;

/// <summary>
/// The schools' timetables: a school's staff import its timetable for a year as one change and change one session at a time;
/// nobody else may, and nothing wrong is kept. Sessions are read by school and day across the years.
/// </summary>
public sealed class TimetablesTests
{
    private static readonly Subject Maths = new("MATHS", "Mathématiques");
    private readonly TestWorld _world = new();
    private readonly InMemoryTimetables _timetables;

    public TimetablesTests() => _timetables = new InMemoryTimetables(_world.Directory, _world.AccessControl(), _world.Calendar);

    private TimetableSlot Slot(DayOfWeek day, PersonId? teacher = null, CourseAudience? audience = null, SchoolId? school = null, DateOnly? from = null) =>
        new(TimetableSlotId.New(), school ?? _world.School.Id, audience ?? CourseAudience.ForClass(_world.Class5B.Id), Maths, teacher ?? _world.Teacher.Id, "B12",
            day, new(8, 0), new(9, 0), TeachingWeeks.Every, new DateRange(from ?? new(2026, 9, 1), new(2027, 7, 4)));

    private SchoolTimetable Timetable(params TimetableSlot[] slots) => new(_world.School.Id, new(2026, 9, 7), [.. slots], []);

    [Fact]
    public async Task The_schools_staff_import_its_timetable_and_its_sessions_are_read_by_day()
    {
        var monday = Slot(DayOfWeek.Monday);

        await _timetables.ImportAsync(TestWorld.As(_world.Staff), _world.Year.Id, Timetable(monday));

        var sessions = _timetables.SessionsBetween(_world.School.Id, new(2026, 11, 30), new(2026, 12, 6));
        var session = Assert.Single(sessions);
        Assert.Equal((monday.Id, new DateOnly(2026, 11, 30)), (session.Slot, session.Date));
        Assert.Equal(session, _timetables.Find(_world.School.Id, new(2026, 11, 30), session.Id));
        Assert.Null(_timetables.Find(_world.School.Id, new(2026, 12, 1), session.Id));
    }

    [Fact]
    public async Task A_new_import_replaces_the_timetable_and_keeps_the_changes_of_the_slots_that_stay()
    {
        var monday = Slot(DayOfWeek.Monday);
        var tuesday = Slot(DayOfWeek.Tuesday);
        var staff = TestWorld.As(_world.Staff);
        await _timetables.ImportAsync(staff, _world.Year.Id, Timetable(monday, tuesday));
        await _timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(monday.Id, new(2026, 11, 30), cancelled: true, reason: "Sortie"));
        await _timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(tuesday.Id, new(2026, 12, 1), room: "C3"));

        await _timetables.ImportAsync(staff, _world.Year.Id, Timetable(monday));

        var timetable = _timetables.Of(_world.School.Id, _world.Year.Id)!;
        Assert.Equal([monday.Id], timetable.Slots.Select(s => s.Id));
        Assert.Equal([new(2026, 11, 30)], timetable.Changes.Select(c => c.ScheduledOn));
        Assert.Empty(_timetables.SessionsBetween(_world.School.Id, new(2026, 11, 30), new(2026, 12, 1)));
    }

    [Fact]
    public async Task A_change_to_a_session_replaces_the_one_before_and_can_be_undone()
    {
        var monday = Slot(DayOfWeek.Monday);
        var staff = TestWorld.As(_world.Staff);
        await _timetables.ImportAsync(staff, _world.Year.Id, Timetable(monday));
        await _timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(monday.Id, new(2026, 11, 30), room: "C3"));
        await _timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(monday.Id, new(2026, 11, 30), replacement: _world.Head.Id, reason: "Absence de l'enseignante"));

        var replaced = Assert.Single(_timetables.SessionsBetween(_world.School.Id, new(2026, 11, 30), new(2026, 11, 30)));
        Assert.Equal((_world.Head.Id, "B12"), (replaced.Teacher, replaced.Room));

        Assert.True(await _timetables.UndoChangeAsync(staff, _world.School.Id, _world.Year.Id, monday.Id, new(2026, 11, 30)));
        Assert.False(await _timetables.UndoChangeAsync(staff, _world.School.Id, _world.Year.Id, monday.Id, new(2026, 11, 30)));
        Assert.Equal(_world.Teacher.Id, Assert.Single(_timetables.SessionsBetween(_world.School.Id, new(2026, 11, 30), new(2026, 11, 30))).Teacher);
    }

    [Fact]
    public async Task A_teacher_a_parent_and_another_schools_head_may_not_change_a_timetable()
    {
        var timetable = Timetable(Slot(DayOfWeek.Monday));

        foreach (var outsider in new[] { _world.Teacher, _world.Parent, _world.Learner, _world.HeadOfOtherSchool })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => _timetables.ImportAsync(TestWorld.As(outsider), _world.Year.Id, timetable));
        }

        await Assert.ThrowsAsync<UnknownReferenceException>(() => _timetables.ImportAsync(TestWorld.As(_world.OtherDepartmentAdmin), _world.Year.Id, timetable));
        Assert.Null(_timetables.Of(_world.School.Id, _world.Year.Id));
    }

    [Fact]
    public async Task A_session_may_be_changed_only_by_the_schools_staff()
    {
        var monday = Slot(DayOfWeek.Monday);
        await _timetables.ImportAsync(TestWorld.As(_world.Head), _world.Year.Id, Timetable(monday));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _timetables.ChangeSessionAsync(TestWorld.As(_world.Teacher), _world.School.Id, _world.Year.Id,
            new SessionChange(monday.Id, new(2026, 11, 30), cancelled: true)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _timetables.UndoChangeAsync(TestWorld.As(_world.HeadOfOtherSchool), _world.School.Id, _world.Year.Id, monday.Id, new(2026, 11, 30)));
        Assert.Empty(_timetables.Of(_world.School.Id, _world.Year.Id)!.Changes);
    }

    [Fact]
    public async Task A_slot_of_another_schools_class_an_unknown_teacher_or_outside_the_year_is_refused_naming_it()
    {
        var staff = TestWorld.As(_world.Staff);
        var otherClass = new SchoolClass(ClassId.New(), _world.OtherSchool.Id, _world.Year.Id, "6e C");
        _world.Directory.Add(otherClass);
        var stranger = PersonId.New();

        var wrongClass = await Assert.ThrowsAsync<ArgumentException>(() => _timetables.ImportAsync(staff, _world.Year.Id, Timetable(Slot(DayOfWeek.Monday, audience: CourseAudience.ForClass(otherClass.Id)))));
        var wrongTeacher = await Assert.ThrowsAsync<ArgumentException>(() => _timetables.ImportAsync(staff, _world.Year.Id, Timetable(Slot(DayOfWeek.Monday, teacher: stranger))));
        var wrongYear = await Assert.ThrowsAsync<ArgumentException>(() => _timetables.ImportAsync(staff, _world.Year.Id, Timetable(Slot(DayOfWeek.Monday, from: new(2027, 8, 1)))));

        Assert.Contains("6e C", wrongClass.Message);
        Assert.Contains(stranger.Value.ToString(), wrongTeacher.Message);
        Assert.Contains("2027-08-01", wrongYear.Message);
        Assert.Null(_timetables.Of(_world.School.Id, _world.Year.Id));
    }

    [Fact]
    public async Task A_change_to_a_session_the_slot_does_not_give_or_to_a_holiday_is_refused_and_nothing_changes()
    {
        var monday = Slot(DayOfWeek.Monday);
        var staff = TestWorld.As(_world.Staff);
        await _timetables.ImportAsync(staff, _world.Year.Id, Timetable(monday));

        var notGiven = await Assert.ThrowsAsync<ArgumentException>(() => _timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(monday.Id, new(2026, 12, 1), cancelled: true)));
        var toHoliday = await Assert.ThrowsAsync<ArgumentException>(() => _timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(monday.Id, new(2026, 11, 30), movedTo: new(2026, 12, 23))));

        Assert.Contains("2026-12-01", notGiven.Message);
        Assert.Contains("2026-12-23", toHoliday.Message);
        Assert.Empty(_timetables.Of(_world.School.Id, _world.Year.Id)!.Changes);
    }

    [Fact]
    public async Task A_change_before_any_import_names_the_missing_timetable()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _timetables.ChangeSessionAsync(TestWorld.As(_world.Staff), _world.School.Id, _world.Year.Id,
            new SessionChange(TimetableSlotId.New(), new(2026, 11, 30), cancelled: true)));

        Assert.Contains("no timetable", error.Message);
    }

    [Fact]
    public void A_school_without_a_timetable_has_no_sessions()
    {
        Assert.Empty(_timetables.SessionsBetween(_world.School.Id, new(2026, 9, 1), new(2027, 7, 4)));
    }
}
