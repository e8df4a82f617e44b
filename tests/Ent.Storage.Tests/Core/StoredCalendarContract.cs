using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Storage.Core;
using Ent.Storage.Tests.Engines;
using Ent.TestSupport;

namespace Ent.Storage.Tests.Core;

/// <summary>The calendar kept by a storage engine: years and their periods, holidays, the zone and a school's boundary are there after a restart.</summary>
public abstract class StoredCalendarContract : EngineContract
{
    private readonly TestWorld _world = new();

    private async Task<InMemorySchoolCalendar> OpenAsync()
    {
        var journal = new StoredCalendar(await Engine.OpenRecordStoresAsync([.. StoredCalendar.All.Select(t => t.Schema)]));
        var calendar = new InMemorySchoolCalendar(_world.Directory, new AccessControl(_world.Directory, AccessPolicy.Default, _world.Time, SchoolTime.Paris), _world.Time, SchoolTime.Paris, journal);
        await journal.LoadAsync(calendar, CancellationToken.None);
        return calendar;
    }

    [SkippableFact]
    public async Task The_calendar_set_by_the_department_and_a_school_is_read_back_after_a_restart()
    {
        var calendar = await OpenAsync();
        var admin = TestWorld.As(_world.Admin);
        var head = TestWorld.As(_world.Head);
        var semesters = AcademicYear.WithSemesters("2026-2027", new(2026, 9, 1), new(2027, 1, 25), new(2027, 7, 4));
        await calendar.SaveYearAsync(admin, _world.Year);
        await calendar.SaveYearAsync(head, semesters, _world.School.Id);
        await calendar.SetZoneAsync(admin, HolidayZone.C);
        await calendar.SaveHolidayAsync(admin, new SchoolHoliday("Vacances de Noël", new(2026, 12, 19), new(2027, 1, 3), HolidayZone.C));
        await calendar.SaveHolidayAsync(head, new SchoolHoliday("Journée pédagogique", new(2027, 1, 15), new(2027, 1, 15), school: _world.School.Id));
        await calendar.SetMorningEndAsync(head, _world.School.Id, new TimeOnly(12, 30));
        await calendar.SetMorningEndAsync(head, _world.School.Id, new TimeOnly(12, 15)); // changed: the last one stays

        var reopened = await OpenAsync();

        Assert.Equal("Semestre 1", reopened.PeriodOf(_world.School.Id, new DateOnly(2026, 12, 15))!.Name);
        Assert.Equal("Trimestre 2", reopened.PeriodOf(_world.OtherSchool.Id, new DateOnly(2026, 12, 15))!.Name);
        Assert.Equal(_world.Year.Periods[1], reopened.Period(_world.Department.Id, _world.Year.Periods[1].Id));
        Assert.Equal(HolidayZone.C, reopened.ZoneOf(_world.Department.Id));
        Assert.Equal("Vacances de Noël", reopened.HolidayOn(_world.OtherSchool.Id, new DateOnly(2026, 12, 24))!.Name);
        Assert.False(reopened.IsSchoolDay(_world.School.Id, new DateOnly(2027, 1, 15)));
        Assert.True(reopened.IsSchoolDay(_world.OtherSchool.Id, new DateOnly(2027, 1, 15)));
        Assert.Equal(new TimeOnly(12, 15), reopened.MorningEndsAt(_world.School.Id));
    }

    [SkippableFact]
    public async Task A_refused_change_is_stored_nowhere()
    {
        var calendar = await OpenAsync();
        await calendar.SaveYearAsync(TestWorld.As(_world.Admin), _world.Year);

        await Assert.ThrowsAsync<ArgumentException>(() => calendar.SaveYearAsync(TestWorld.As(_world.Admin),
            AcademicYear.WithTrimesters("2026-2027 bis", new(2027, 6, 1), new(2027, 9, 1), new(2027, 12, 1), new(2028, 3, 1))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => calendar.SetZoneAsync(TestWorld.As(_world.Teacher), HolidayZone.A));

        var reopened = await OpenAsync();
        Assert.Equal("2026-2027", reopened.YearOf(_world.School.Id, new DateOnly(2027, 6, 15))!.Label);
        Assert.Null(reopened.ZoneOf(_world.Department.Id));
    }
}

public sealed class SqliteStoredCalendarTests : StoredCalendarContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlStoredCalendarTests : StoredCalendarContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}
