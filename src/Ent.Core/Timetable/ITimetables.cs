using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Timetable;

/// <summary>
/// The schools' timetables, one per school and academic year, and the sessions they give: what the attendance and
/// flipped-classroom plugins read their sessions from. Reads are in memory; an import (a whole timetable, replacing the one
/// before) and a session's one-off change are rights-checked (<see cref="Capabilities.ManageTimetable"/> in the school) and kept
/// by the host's storage engine.
/// </summary>
public interface ITimetables
{
    /// <summary>A school's timetable for an academic year; null until one is imported.</summary>
    /// <param name="school">The school.</param>
    /// <param name="year">The academic year.</param>
    SchoolTimetable? Of(SchoolId school, AcademicYearId year);

    /// <summary>The sessions a school teaches from one day to another (across academic years), in order of day and time.</summary>
    /// <param name="school">The school.</param>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    /// <exception cref="Organisation.UnknownReferenceException">The school is not in the directory.</exception>
    IReadOnlyList<Session> SessionsBetween(SchoolId school, DateOnly first, DateOnly last);

    /// <summary>A session taught at a school on a day, by its id; null when the school teaches no such session that day.</summary>
    /// <param name="school">The school.</param>
    /// <param name="date">The day it is taught (after a move, the day it was moved to).</param>
    /// <param name="session">The session's id.</param>
    Session? Find(SchoolId school, DateOnly date, SessionId session);

    /// <summary>
    /// Stores a school's timetable for a year, replacing the one before as one change. The changes of the timetable given are
    /// kept; so are the stored changes to sessions of slots that stay (a slot's id derives from what makes it), unless the
    /// timetable given changes the same session.
    /// </summary>
    /// <param name="actor">Who imports it: the school's staff or head, or a department administrator.</param>
    /// <param name="year">The academic year it is for; every slot's validity begins in it.</param>
    /// <param name="timetable">The timetable.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="AccessDeniedException">The actor may not manage the school's timetable.</exception>
    /// <exception cref="ArgumentException">A slot is outside the year, names a class, group or teacher the school does not have; nothing is stored.</exception>
    Task ImportAsync(Actor actor, AcademicYearId year, SchoolTimetable timetable, CancellationToken cancellationToken = default);

    /// <summary>Cancels or moves one session, or names its replacement teacher; a change already made to that session is replaced.</summary>
    /// <param name="actor">Who changes it: the school's staff or head, or a department administrator.</param>
    /// <param name="school">The school.</param>
    /// <param name="year">The academic year of the timetable.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="AccessDeniedException">The actor may not manage the school's timetable.</exception>
    /// <exception cref="ArgumentException">No timetable for that year, the slot is not in it, or it gives no session that day; nothing is stored.</exception>
    Task ChangeSessionAsync(Actor actor, SchoolId school, AcademicYearId year, SessionChange change, CancellationToken cancellationToken = default);

    /// <summary>Undoes a session's one-off change: the session is taught as its slot says.</summary>
    /// <param name="actor">Who undoes it.</param>
    /// <param name="school">The school.</param>
    /// <param name="year">The academic year of the timetable.</param>
    /// <param name="slot">The session's slot.</param>
    /// <param name="scheduledOn">The day its slot gives it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether there was a change to undo.</returns>
    Task<bool> UndoChangeAsync(Actor actor, SchoolId school, AcademicYearId year, TimetableSlotId slot, DateOnly scheduledOn, CancellationToken cancellationToken = default);
}

/// <summary>Receives each timetable change once checked, before it is applied: a durable store writes it; if it throws, nothing changes.</summary>
public interface ITimetableJournal
{
    /// <summary>A school's timetable for a year was imported or one of its sessions changed: the store writes what differs.</summary>
    /// <param name="department">The school's department.</param>
    /// <param name="year">The academic year.</param>
    /// <param name="before">The timetable as it was; null for the first import.</param>
    /// <param name="after">The timetable as it is now, with its whole list of changes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task TimetableSavedAsync(DepartmentId department, AcademicYearId year, SchoolTimetable? before, SchoolTimetable after, CancellationToken cancellationToken);
}
