using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Tests.Calendar;

/// <summary>The department's calendar: years and periods by school and day, holidays by zone and school, the half-day boundary, and who may change them.</summary>
public sealed class SchoolCalendarTests
{
    private readonly TestWorld _world = new();

    private ISchoolCalendar Calendar => _world.Calendar;

    [Fact]
    public void A_schools_period_on_a_day_comes_from_its_departments_year()
    {
        Assert.Equal("Trimestre 1", Calendar.PeriodOf(_world.School.Id, new DateOnly(2026, 11, 30))!.Name);
        Assert.Equal("Trimestre 2", Calendar.PeriodOf(_world.School.Id, new DateOnly(2026, 12, 1))!.Name);
        Assert.Null(Calendar.PeriodOf(_world.School.Id, new DateOnly(2027, 8, 1)));
    }

    [Fact]
    public void A_period_is_found_by_its_id_with_its_dates()
    {
        var second = _world.Year.Periods[1];

        var found = Calendar.Period(_world.Department.Id, second.Id);

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 7)), (found.First, found.Last));
    }

    [Fact]
    public void A_period_of_another_department_is_unknown()
    {
        var error = Assert.Throws<UnknownReferenceException>(() => Calendar.Period(_world.OtherDepartment.Id, _world.Year.Periods[0].Id));

        Assert.Equal(_world.Year.Periods[0].Id.Value, error.Id);
    }

    [Fact]
    public async Task A_school_with_semesters_of_its_own_reads_them_and_the_others_keep_the_departments_trimesters()
    {
        var semesters = AcademicYear.WithSemesters("2026-2027", new(2026, 9, 1), new(2027, 1, 25), new(2027, 7, 4));

        await Calendar.SaveYearAsync(TestWorld.As(_world.Head), semesters, _world.School.Id);

        Assert.Equal("Semestre 1", Calendar.PeriodOf(_world.School.Id, new DateOnly(2026, 12, 15))!.Name);
        Assert.Equal("Trimestre 2", Calendar.PeriodOf(_world.OtherSchool.Id, new DateOnly(2026, 12, 15))!.Name);
    }

    [Fact]
    public async Task A_year_overlapping_another_of_the_same_scope_is_refused_naming_both()
    {
        var overlapping = AcademicYear.WithTrimesters("2026-2027 bis", new(2027, 6, 1), new(2027, 9, 1), new(2027, 12, 1), new(2028, 3, 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Calendar.SaveYearAsync(TestWorld.As(_world.Admin), overlapping));

        Assert.Contains("2026-2027 bis", error.Message, StringComparison.Ordinal);
        Assert.Contains("overlaps 2026-2027", error.Message, StringComparison.Ordinal);
        Assert.Equal("Trimestre 3", Calendar.PeriodOf(_world.School.Id, new DateOnly(2027, 6, 15))!.Name);
    }

    [Fact]
    public async Task Only_those_who_manage_the_calendar_change_it_and_a_head_only_for_their_school()
    {
        var next = AcademicYear.WithTrimesters("2027-2028", new(2027, 9, 1), new(2027, 12, 1), new(2028, 3, 6), new(2028, 7, 4));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.SaveYearAsync(TestWorld.As(_world.Teacher), next));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.SaveYearAsync(TestWorld.As(_world.Head), next)); // the department's year
        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.SaveYearAsync(TestWorld.As(_world.HeadOfOtherSchool), next, _world.School.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.SetMorningEndAsync(TestWorld.As(_world.Teacher), _world.School.Id, new TimeOnly(12, 30)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.SetZoneAsync(TestWorld.As(_world.Head), HolidayZone.A));
        Assert.Null(Calendar.YearOf(_world.School.Id, new DateOnly(2027, 10, 1)));
    }

    [Fact]
    public void A_zones_holiday_applies_to_the_department_in_that_zone()
    {
        Assert.Equal("Vacances de Noël", Calendar.HolidayOn(_world.School.Id, new DateOnly(2026, 12, 24))!.Name);
        Assert.False(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2026, 12, 24)));
        Assert.True(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public async Task A_holiday_of_another_zone_does_not_apply()
    {
        await Calendar.SaveHolidayAsync(TestWorld.As(_world.Admin), new SchoolHoliday("Vacances d'hiver (zone A)", new(2027, 2, 6), new(2027, 2, 21), HolidayZone.A));

        Assert.Null(Calendar.HolidayOn(_world.School.Id, new DateOnly(2027, 2, 10)));
        Assert.True(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2027, 2, 10)));
    }

    [Fact]
    public async Task A_schools_own_day_off_applies_to_that_school_only()
    {
        await Calendar.SaveHolidayAsync(TestWorld.As(_world.Head), new SchoolHoliday("Journée pédagogique", new(2027, 1, 15), new(2027, 1, 15), school: _world.School.Id));

        Assert.False(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2027, 1, 15)));
        Assert.True(Calendar.IsSchoolDay(_world.OtherSchool.Id, new DateOnly(2027, 1, 15)));
    }

    [Fact]
    public void Weekends_and_days_outside_the_year_are_not_school_days()
    {
        Assert.False(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2026, 11, 28))); // a Saturday
        Assert.False(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2026, 8, 31)));
        Assert.True(Calendar.IsSchoolDay(_world.School.Id, new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public async Task The_half_day_boundary_is_each_schools_in_the_departments_time_zone()
    {
        await Calendar.SetMorningEndAsync(TestWorld.As(_world.Head), _world.School.Id, new TimeOnly(12, 30));
        var quarterPastTwelveInParis = new DateTimeOffset(2026, 11, 26, 11, 15, 0, TimeSpan.Zero);

        Assert.Equal(HalfDayPart.Morning, Calendar.HalfDayOf(_world.School.Id, quarterPastTwelveInParis).Part);
        Assert.Equal(HalfDayPart.Afternoon, Calendar.HalfDayOf(_world.OtherSchool.Id, quarterPastTwelveInParis).Part);
    }

    [Fact]
    public async Task A_morning_end_outside_the_school_day_is_refused_naming_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Calendar.SetMorningEndAsync(TestWorld.As(_world.Head), _world.School.Id, new TimeOnly(9, 0)));

        Assert.Contains("09:00", error.Message, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(12, 0), Calendar.MorningEndsAt(_world.School.Id));
    }

    [Fact]
    public void Today_is_the_departments_day()
    {
        _world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 27th in Paris

        Assert.Equal(new DateOnly(2026, 11, 27), Calendar.Today);
    }

    [Fact]
    public void A_holiday_that_ends_before_it_begins_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new SchoolHoliday("Pont", new(2027, 5, 14), new(2027, 5, 13)));

        Assert.Contains("'Pont' ends (2027-05-13) before it begins (2027-05-14)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_of_another_department_is_not_the_actors_to_set()
    {
        var theirs = new School(SchoolId.New(), _world.OtherDepartment.Id, Uai.Parse("0750001U"), "Collège Victor Hugo");
        _world.Directory.Add(theirs);

        await Assert.ThrowsAsync<UnknownReferenceException>(() => Calendar.SetMorningEndAsync(TestWorld.As(_world.Admin), theirs.Id, new TimeOnly(12, 30)));
    }
}
