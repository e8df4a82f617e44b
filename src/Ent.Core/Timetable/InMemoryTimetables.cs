using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Timetable;

/// <summary>
/// The timetables held in memory: what every host reads from. Changes are checked (rights, the directory, the calendar), handed
/// to the journal (a storage engine's, which writes them) and only then applied; writes are made one at a time.
/// Without a storage engine nothing survives the process.
/// </summary>
public sealed class InMemoryTimetables : ITimetables
{
    private readonly IOrganisationDirectory _directory;
    private readonly IAccessControl _access;
    private readonly ISchoolCalendar _calendar;
    private readonly ITimetableJournal? _journal;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<(SchoolId School, AcademicYearId Year), SchoolTimetable> _timetables = [];

    /// <summary>Creates the timetables, empty.</summary>
    /// <param name="directory">Where schools, classes, groups and teachers are found.</param>
    /// <param name="access">Checks who may change a timetable.</param>
    /// <param name="calendar">The department's calendar: years, holidays.</param>
    /// <param name="journal">Writes each change before it is applied; null in memory.</param>
    public InMemoryTimetables(IOrganisationDirectory directory, IAccessControl access, ISchoolCalendar calendar, ITimetableJournal? journal = null)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _journal = journal;
    }

    /// <inheritdoc />
    public SchoolTimetable? Of(SchoolId school, AcademicYearId year)
    {
        lock (_gate)
        {
            return _timetables.GetValueOrDefault((school, year));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Session> SessionsBetween(SchoolId school, DateOnly first, DateOnly last)
    {
        _ = _directory.SchoolOf(school);
        var sessions = new List<Session>();
        var day = first;
        while (day <= last)
        {
            if (_calendar.YearOf(school, day) is not { } year)
            {
                day = day.AddDays(1);
                continue;
            }

            var end = year.Dates.End is { } yearEnd && yearEnd < last ? yearEnd : last;
            if (Of(school, year.Id) is { } timetable)
            {
                sessions.AddRange(timetable.SessionsBetween(_calendar, day, end));
            }

            day = end.AddDays(1);
        }

        return sessions;
    }

    /// <inheritdoc />
    public Session? Find(SchoolId school, DateOnly date, SessionId session)
    {
        foreach (var taught in SessionsBetween(school, date, date))
        {
            if (taught.Id == session)
            {
                return taught;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async Task ImportAsync(Actor actor, AcademicYearId year, SchoolTimetable timetable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(timetable);
        var school = Demand(actor, timetable.School);
        foreach (var slot in timetable.Slots)
        {
            CheckSlot(school, year, slot);
        }

        foreach (var change in timetable.Changes)
        {
            CheckChange(school, timetable, change);
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = Of(school.Id, year);
            var changes = timetable.Changes;
            if (before is not null)
            {
                var given = changes.Select(c => SessionId.Of(c.Slot, c.ScheduledOn)).ToHashSet();
                changes = changes.AddRange(before.Changes.Where(c => timetable.Slot(c.Slot) is not null && !given.Contains(SessionId.Of(c.Slot, c.ScheduledOn))));
            }

            await SaveAsync(actor.Department, year, before, changes == timetable.Changes ? timetable : timetable.WithChanges(changes), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public async Task ChangeSessionAsync(Actor actor, SchoolId school, AcademicYearId year, SessionChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var known = Demand(actor, school);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = Existing(school, year);
            CheckChange(known, before, change);
            var session = SessionId.Of(change.Slot, change.ScheduledOn);
            var changes = before.Changes.RemoveAll(c => SessionId.Of(c.Slot, c.ScheduledOn) == session).Add(change);
            await SaveAsync(actor.Department, year, before, before.WithChanges(changes), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> UndoChangeAsync(Actor actor, SchoolId school, AcademicYearId year, TimetableSlotId slot, DateOnly scheduledOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Demand(actor, school);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = Existing(school, year);
            var changes = before.Changes.RemoveAll(c => c.Slot == slot && c.ScheduledOn == scheduledOn);
            if (changes.Length == before.Changes.Length)
            {
                return false;
            }

            await SaveAsync(actor.Department, year, before, before.WithChanges(changes), cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Applies a stored timetable: for a storage engine loading what it stored.</summary>
    /// <param name="year">The academic year.</param>
    /// <param name="timetable">The timetable.</param>
    public void Restore(AcademicYearId year, SchoolTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        lock (_gate)
        {
            _timetables[(timetable.School, year)] = timetable;
        }
    }

    private async Task SaveAsync(DepartmentId department, AcademicYearId year, SchoolTimetable? before, SchoolTimetable after, CancellationToken cancellationToken)
    {
        if (_journal is not null)
        {
            await _journal.TimetableSavedAsync(department, year, before, after, cancellationToken).ConfigureAwait(false);
        }

        Restore(year, after);
    }

    private School Demand(Actor actor, SchoolId school)
    {
        var known = _directory.SchoolOf(school);
        if (known.Department != actor.Department)
        {
            throw new UnknownReferenceException("school", school.Value); // another department's school is none of this actor's
        }

        _access.Demand(actor, Capabilities.ManageTimetable, AccessScope.OfSchool(actor.Department, school));
        return known;
    }

    private SchoolTimetable Existing(SchoolId school, AcademicYearId year) =>
        Of(school, year) ?? throw new ArgumentException($"The school {school.Value} has no timetable for the year {year.Value}: import one first. Nothing was stored.", nameof(year));

    private void CheckSlot(School school, AcademicYearId year, TimetableSlot slot)
    {
        var where = $"The slot {slot.Id.Value} ({slot.Day} {slot.Start:HH\\:mm})";
        if (_calendar.YearOf(school.Id, slot.Valid.Begin) is not { } begins || begins.Id != year)
        {
            throw new ArgumentException($"{where} begins on {slot.Valid.Begin:yyyy-MM-dd}, outside the academic year {year.Value} of {school.Name}. Nothing was stored.", nameof(slot));
        }

        var (unitSchool, unitYear, unit) = slot.Audience.Class is { } classId
            ? _directory.FindClass(classId) is { } c ? (c.School, c.Year, $"class {c.Name}") : throw new ArgumentException($"{where} is taught to the class {classId.Value}, which is not in the directory. Nothing was stored.", nameof(slot))
            : _directory.FindGroup(slot.Audience.Group!.Value) is { } g ? (g.School, g.Year, $"group {g.Name}") : throw new ArgumentException($"{where} is taught to the group {slot.Audience.Group!.Value.Value}, which is not in the directory. Nothing was stored.", nameof(slot));
        if (unitSchool != school.Id || unitYear != year)
        {
            throw new ArgumentException($"{where} is taught to the {unit}, which is not a {(unitSchool != school.Id ? "class or group of " + school.Name : "class or group of that year")}. Nothing was stored.", nameof(slot));
        }

        CheckTeacher(school, slot.Teacher, where);
    }

    private void CheckChange(School school, SchoolTimetable timetable, SessionChange change)
    {
        var where = $"The change to the session of {change.ScheduledOn:yyyy-MM-dd} of the slot {change.Slot.Value}";
        if (!timetable.Schedules(_calendar, change.Slot, change.ScheduledOn))
        {
            throw new ArgumentException($"{where} is to a session the timetable does not give that day. Nothing was stored.", nameof(change));
        }

        if (change.MovedTo is { } to && !_calendar.IsSchoolDay(school.Id, to))
        {
            throw new ArgumentException($"{where} moves it to {to:yyyy-MM-dd}, which is not a school day at {school.Name}. Nothing was stored.", nameof(change));
        }

        if (change.Replacement is { } replacement)
        {
            CheckTeacher(school, replacement, where);
        }
    }

    private void CheckTeacher(School school, PersonId teacher, string where)
    {
        if (_directory.FindPerson(teacher) is not { } person || person.Department != school.Department)
        {
            throw new ArgumentException($"{where} names the teacher {teacher.Value}, who is not in the department's directory. Nothing was stored.", nameof(teacher));
        }
    }
}
