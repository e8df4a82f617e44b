using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Calendar;

/// <summary>
/// The department's calendar: academic years and their periods (for the department, or one school's own division), school
/// holidays (its zone's, its own, a school's), each school's half-day boundary, and "today" in the department's time zone.
/// Reads are in memory; changes are rights-checked (<see cref="Capabilities.ManageCalendar"/>) and kept by the host's storage engine.
/// Services take a period's id and resolve its dates here, never from a caller.
/// </summary>
public interface ISchoolCalendar
{
    /// <summary>The department's time zone.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>Today in the department's time zone.</summary>
    DateOnly Today { get; }

    /// <summary>The academic year a school is in on a day: its own, or else its department's; null outside every year.</summary>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    /// <exception cref="Organisation.UnknownReferenceException">The school is not in the directory.</exception>
    AcademicYear? YearOf(SchoolId school, DateOnly day);

    /// <summary>The period a school is in on a day; null between periods or outside every year.</summary>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    /// <exception cref="Organisation.UnknownReferenceException">The school is not in the directory.</exception>
    Period? PeriodOf(SchoolId school, DateOnly day);

    /// <summary>A period by its id, with its dates, as the department stored it.</summary>
    /// <param name="department">The department.</param>
    /// <param name="period">The period's id.</param>
    /// <exception cref="Organisation.UnknownReferenceException">No year of the department has that period.</exception>
    Period Period(DepartmentId department, PeriodId period);

    /// <summary>The holiday a school is on on a day, or null.</summary>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    SchoolHoliday? HolidayOn(SchoolId school, DateOnly day);

    /// <summary>Whether a school teaches on a day: inside an academic year, Monday to Friday, not on a holiday.</summary>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    bool IsSchoolDay(SchoolId school, DateOnly day);

    /// <summary>The hour that ends a school's morning (12:00 unless the school set another).</summary>
    /// <param name="school">The school.</param>
    TimeOnly MorningEndsAt(SchoolId school);

    /// <summary>The half-day an instant falls in at a school, from its boundary and the department's time zone.</summary>
    /// <param name="school">The school.</param>
    /// <param name="instant">The instant.</param>
    HalfDay HalfDayOf(SchoolId school, DateTimeOffset instant);

    /// <summary>The department's holiday zone, if set.</summary>
    /// <param name="department">The department.</param>
    HolidayZone? ZoneOf(DepartmentId department);

    /// <summary>Stores an academic year with its periods, for the department or for one school (its own division).</summary>
    /// <param name="actor">Who sets it: a department administrator, or the school's head for the school's own.</param>
    /// <param name="year">The year.</param>
    /// <param name="school">The school whose own year it is; null for the department's.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="AccessDeniedException">The actor may not set the calendar there.</exception>
    /// <exception cref="ArgumentException">The year overlaps another of the same scope, or reuses a period id; nothing is stored.</exception>
    Task SaveYearAsync(Actor actor, AcademicYear year, SchoolId? school = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a holiday of the actor's department (or of one of its schools).</summary>
    /// <param name="actor">Who sets it.</param>
    /// <param name="holiday">The holiday.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SaveHolidayAsync(Actor actor, SchoolHoliday holiday, CancellationToken cancellationToken = default);

    /// <summary>Sets the actor's department's holiday zone.</summary>
    /// <param name="actor">A department administrator.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SetZoneAsync(Actor actor, HolidayZone zone, CancellationToken cancellationToken = default);

    /// <summary>Sets the hour that ends a school's morning, for counting half-days.</summary>
    /// <param name="actor">The school's head or a department administrator.</param>
    /// <param name="school">The school.</param>
    /// <param name="morningEnds">Between 10:00 and 15:00.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentOutOfRangeException">The hour is outside 10:00–15:00; the message names it.</exception>
    Task SetMorningEndAsync(Actor actor, SchoolId school, TimeOnly morningEnds, CancellationToken cancellationToken = default);
}

/// <summary>Receives each calendar change once checked, before it is applied: a durable store writes it; if it throws, nothing changes.</summary>
public interface ICalendarJournal
{
    /// <summary>A year was stored.</summary>
    Task YearSavedAsync(DepartmentId department, SchoolId? school, AcademicYear year, CancellationToken cancellationToken);

    /// <summary>A holiday was stored.</summary>
    Task HolidaySavedAsync(DepartmentId department, Guid id, SchoolHoliday holiday, CancellationToken cancellationToken);

    /// <summary>The department's zone was set.</summary>
    Task ZoneSetAsync(DepartmentId department, HolidayZone zone, CancellationToken cancellationToken);

    /// <summary>A school's morning end was set.</summary>
    Task MorningEndSetAsync(DepartmentId department, SchoolId school, TimeOnly morningEnds, CancellationToken cancellationToken);
}
