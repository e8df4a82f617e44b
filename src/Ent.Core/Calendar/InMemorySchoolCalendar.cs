using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Calendar;

/// <summary>
/// The calendar held in memory: what every host reads from. Changes are checked (rights, overlaps), handed to the journal
/// (a storage engine's, which writes them) and only then applied. Without a storage engine nothing survives the process.
/// </summary>
public sealed class InMemorySchoolCalendar : ISchoolCalendar
{
    /// <summary>The morning ends at noon unless a school says otherwise.</summary>
    public static readonly TimeOnly DefaultMorningEnd = HalfDay.DefaultMidday;

    private readonly IOrganisationDirectory _directory;
    private readonly IAccessControl _access;
    private readonly TimeProvider _time;
    private readonly ICalendarJournal? _journal;
    private readonly Lock _gate = new();
    private readonly Dictionary<DepartmentId, DepartmentCalendar> _departments = [];

    /// <summary>Creates an empty calendar.</summary>
    /// <param name="directory">Where schools are found.</param>
    /// <param name="access">Checks who may change the calendar.</param>
    /// <param name="time">The clock.</param>
    /// <param name="zone">The department's time zone.</param>
    /// <param name="journal">Writes each change before it is applied; null in memory.</param>
    public InMemorySchoolCalendar(IOrganisationDirectory directory, IAccessControl access, TimeProvider time, TimeZoneInfo zone, ICalendarJournal? journal = null)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        TimeZone = zone ?? throw new ArgumentNullException(nameof(zone));
        _journal = journal;
    }

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; }

    /// <inheritdoc />
    public DateOnly Today => SchoolTime.Today(_time, TimeZone);

    /// <inheritdoc />
    public AcademicYear? YearOf(SchoolId school, DateOnly day)
    {
        var department = _directory.SchoolOf(school).Department;
        lock (_gate)
        {
            if (!_departments.TryGetValue(department, out var calendar))
            {
                return null;
            }

            return calendar.Years.FirstOrDefault(y => y.School == school && y.Year.Dates.Contains(day)).Year
                ?? calendar.Years.FirstOrDefault(y => y.School is null && y.Year.Dates.Contains(day)).Year;
        }
    }

    /// <inheritdoc />
    public Period? PeriodOf(SchoolId school, DateOnly day) => YearOf(school, day)?.PeriodOf(day);

    /// <inheritdoc />
    public Period Period(DepartmentId department, PeriodId period)
    {
        lock (_gate)
        {
            return (_departments.TryGetValue(department, out var calendar) ? calendar.Years.SelectMany(y => y.Year.Periods).FirstOrDefault(p => p.Id == period) : null)
                ?? throw new UnknownReferenceException("period", period.Value);
        }
    }

    /// <inheritdoc />
    public SchoolHoliday? HolidayOn(SchoolId school, DateOnly day)
    {
        var department = _directory.SchoolOf(school).Department;
        lock (_gate)
        {
            return _departments.TryGetValue(department, out var calendar)
                ? calendar.Holidays.Values.FirstOrDefault(h => h.Contains(day) && (h.School == school || (h.School is null && (h.Zone is null || h.Zone == calendar.Zone))))
                : null;
        }
    }

    /// <inheritdoc />
    public bool IsSchoolDay(SchoolId school, DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && YearOf(school, day) is not null && HolidayOn(school, day) is null;

    /// <inheritdoc />
    public TimeOnly MorningEndsAt(SchoolId school)
    {
        var department = _directory.SchoolOf(school).Department;
        lock (_gate)
        {
            return _departments.TryGetValue(department, out var calendar) && calendar.MorningEnds.TryGetValue(school, out var end) ? end : DefaultMorningEnd;
        }
    }

    /// <inheritdoc />
    public HalfDay HalfDayOf(SchoolId school, DateTimeOffset instant) => HalfDay.Of(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime, MorningEndsAt(school));

    /// <inheritdoc />
    public HolidayZone? ZoneOf(DepartmentId department)
    {
        lock (_gate)
        {
            return _departments.TryGetValue(department, out var calendar) ? calendar.Zone : null;
        }
    }

    /// <inheritdoc />
    public async Task SaveYearAsync(Actor actor, AcademicYear year, SchoolId? school = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(year);
        Demand(actor, school);
        lock (_gate)
        {
            CheckYear(actor.Department, year, school);
        }

        if (_journal is not null)
        {
            await _journal.YearSavedAsync(actor.Department, school, year, cancellationToken).ConfigureAwait(false);
        }

        RestoreYear(actor.Department, school, year);
    }

    /// <inheritdoc />
    public async Task SaveHolidayAsync(Actor actor, SchoolHoliday holiday, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(holiday);
        Demand(actor, holiday.School);
        var id = Guid.CreateVersion7();
        if (_journal is not null)
        {
            await _journal.HolidaySavedAsync(actor.Department, id, holiday, cancellationToken).ConfigureAwait(false);
        }

        RestoreHoliday(actor.Department, id, holiday);
    }

    /// <inheritdoc />
    public async Task SetZoneAsync(Actor actor, HolidayZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(zone))
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, $"{(int)zone} is not a holiday zone (A, B or C).");
        }

        Demand(actor, school: null);
        if (_journal is not null)
        {
            await _journal.ZoneSetAsync(actor.Department, zone, cancellationToken).ConfigureAwait(false);
        }

        RestoreZone(actor.Department, zone);
    }

    /// <inheritdoc />
    public async Task SetMorningEndAsync(Actor actor, SchoolId school, TimeOnly morningEnds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (morningEnds < new TimeOnly(10, 0) || morningEnds > new TimeOnly(15, 0))
        {
            throw new ArgumentOutOfRangeException(nameof(morningEnds), morningEnds, $"A morning ends between 10:00 and 15:00; {morningEnds:HH\\:mm} is not.");
        }

        Demand(actor, school);
        if (_journal is not null)
        {
            await _journal.MorningEndSetAsync(actor.Department, school, morningEnds, cancellationToken).ConfigureAwait(false);
        }

        RestoreMorningEnd(actor.Department, school, morningEnds);
    }

    /// <summary>Applies a stored year without checks or journal: for a storage engine loading what it stored.</summary>
    /// <param name="department">The department.</param>
    /// <param name="school">The school whose own year it is, or null.</param>
    /// <param name="year">The year.</param>
    public void RestoreYear(DepartmentId department, SchoolId? school, AcademicYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        lock (_gate)
        {
            var calendar = For(department);
            calendar.Years.RemoveAll(y => y.Year.Id == year.Id);
            calendar.Years.Add((school, year));
        }
    }

    /// <summary>Applies a stored holiday: for a storage engine loading what it stored.</summary>
    /// <param name="department">The department.</param>
    /// <param name="id">The holiday's stored id.</param>
    /// <param name="holiday">The holiday.</param>
    public void RestoreHoliday(DepartmentId department, Guid id, SchoolHoliday holiday)
    {
        lock (_gate)
        {
            For(department).Holidays[id] = holiday;
        }
    }

    /// <summary>Applies a stored zone: for a storage engine loading what it stored.</summary>
    /// <param name="department">The department.</param>
    /// <param name="zone">The zone.</param>
    public void RestoreZone(DepartmentId department, HolidayZone zone)
    {
        lock (_gate)
        {
            For(department).Zone = zone;
        }
    }

    /// <summary>Applies a stored morning end: for a storage engine loading what it stored.</summary>
    /// <param name="department">The department.</param>
    /// <param name="school">The school.</param>
    /// <param name="morningEnds">The hour.</param>
    public void RestoreMorningEnd(DepartmentId department, SchoolId school, TimeOnly morningEnds)
    {
        lock (_gate)
        {
            For(department).MorningEnds[school] = morningEnds;
        }
    }

    private void Demand(Actor actor, SchoolId? school)
    {
        if (school is { } id)
        {
            var known = _directory.SchoolOf(id);
            if (known.Department != actor.Department)
            {
                throw new UnknownReferenceException("school", id.Value); // another department's school is none of this actor's
            }

            _access.Demand(actor, Capabilities.ManageCalendar, AccessScope.OfSchool(actor.Department, id));
            return;
        }

        _access.Demand(actor, Capabilities.ManageCalendar, AccessScope.OfDepartment(actor.Department));
    }

    private void CheckYear(DepartmentId department, AcademicYear year, SchoolId? school)
    {
        if (!_departments.TryGetValue(department, out var calendar))
        {
            return;
        }

        foreach (var (scope, other) in calendar.Years.Where(y => y.Year.Id != year.Id))
        {
            if (scope == school && other.Dates.Begin <= year.Dates.End && year.Dates.Begin <= other.Dates.End)
            {
                throw new ArgumentException($"The academic year {year.Label} ({year.Dates}) overlaps {other.Label} ({other.Dates}) of the same {(school is null ? "department" : "school")}; nothing was stored.", nameof(year));
            }

            if (other.Periods.FirstOrDefault(p => year.Periods.Any(q => q.Id == p.Id)) is { } shared)
            {
                throw new ArgumentException($"Period '{shared.Name}' ({shared.Id.Value}) belongs to the year {other.Label} already; a period has one year. Nothing was stored.", nameof(year));
            }
        }
    }

    private DepartmentCalendar For(DepartmentId department) =>
        _departments.TryGetValue(department, out var calendar) ? calendar : _departments[department] = new DepartmentCalendar();

    private sealed class DepartmentCalendar
    {
        public List<(SchoolId? School, AcademicYear Year)> Years { get; } = [];

        public Dictionary<Guid, SchoolHoliday> Holidays { get; } = [];

        public Dictionary<SchoolId, TimeOnly> MorningEnds { get; } = [];

        public HolidayZone? Zone { get; set; }
    }
}
