using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Storage.Core;
using Ent.Storage.Tests.Engines;
using Ent.TestSupport;

namespace Ent.Storage.Tests.Core;

/// <summary>The timetables kept by a storage engine: an import, its changes and what a later import removed are as they were after a restart.</summary>
public abstract class StoredTimetablesContract : EngineContract
{
    private static readonly Subject Maths = new("MATHS", "Mathématiques");
    private readonly TestWorld _world = new();

    private async Task<InMemoryTimetables> OpenAsync()
    {
        var journal = new StoredTimetables(await Engine.OpenRecordStoresAsync([.. StoredTimetables.All.Select(t => t.Schema)]));
        var timetables = new InMemoryTimetables(_world.Directory, new AccessControl(_world.Directory, AccessPolicy.Default, _world.Time, SchoolTime.Paris), _world.Calendar, journal);
        await journal.LoadAsync(timetables, CancellationToken.None);
        return timetables;
    }

    private TimetableSlot Slot(DayOfWeek day, TeachingWeeks weeks = TeachingWeeks.Every) =>
        new(TimetableSlotId.New(), _world.School.Id, CourseAudience.ForClass(_world.Class5B.Id), Maths, _world.Teacher.Id, "B12",
            day, new(8, 0), new(9, 0), weeks, new DateRange(new(2026, 9, 1), new(2027, 7, 4)));

    [SkippableFact]
    public async Task A_timetable_its_changes_and_a_later_import_are_read_back_after_a_restart()
    {
        var timetables = await OpenAsync();
        var staff = TestWorld.As(_world.Staff);
        var monday = Slot(DayOfWeek.Monday);
        var tuesday = Slot(DayOfWeek.Tuesday, TeachingWeeks.WeekA); // 1 December 2026 is in a week A
        var friday = Slot(DayOfWeek.Friday);
        await timetables.ImportAsync(staff, _world.Year.Id, new SchoolTimetable(_world.School.Id, new(2026, 9, 7), [monday, tuesday], []));
        await timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(monday.Id, new(2026, 11, 30), cancelled: true, reason: "Sortie au musée"));
        await timetables.ChangeSessionAsync(staff, _world.School.Id, _world.Year.Id, new SessionChange(tuesday.Id, new(2026, 12, 1), replacement: _world.Head.Id));
        await timetables.ImportAsync(staff, _world.Year.Id, new SchoolTimetable(_world.School.Id, new(2026, 9, 14), [monday, friday], []));

        var reopened = (await OpenAsync()).Of(_world.School.Id, _world.Year.Id)!;

        Assert.Equal(new DateOnly(2026, 9, 14), reopened.FirstWeekA);
        Assert.Equal([monday, friday], reopened.Slots.OrderBy(s => s.Day));
        var change = Assert.Single(reopened.Changes);
        Assert.Equal(new SessionChange(monday.Id, new(2026, 11, 30), cancelled: true, reason: "Sortie au musée"), change);
    }

    [SkippableFact]
    public async Task A_refused_import_is_stored_nowhere()
    {
        var timetables = await OpenAsync();
        await timetables.ImportAsync(TestWorld.As(_world.Staff), _world.Year.Id, new SchoolTimetable(_world.School.Id, new(2026, 9, 7), [Slot(DayOfWeek.Monday)], []));

        await Assert.ThrowsAsync<AccessDeniedException>(() => timetables.ImportAsync(TestWorld.As(_world.Teacher), _world.Year.Id, new SchoolTimetable(_world.School.Id, new(2026, 9, 7), [], [])));

        Assert.Single((await OpenAsync()).Of(_world.School.Id, _world.Year.Id)!.Slots);
    }
}

public sealed class SqliteStoredTimetablesTests : StoredTimetablesContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlStoredTimetablesTests : StoredTimetablesContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}
