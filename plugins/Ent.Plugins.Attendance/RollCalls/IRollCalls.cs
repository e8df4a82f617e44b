using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance.RollCalls;

/// <summary>
/// Roll calls (l'appel). A teacher takes the roll call of a session they teach in one action: every pupil of the class or group
/// that day is present unless marked otherwise. Who took it and when is kept, and every later change of a pupil's status is kept
/// with who, when and why. The school's staff (vie scolaire) and head take or correct any session's roll call of their school.
/// The platform checks the actor's rights and that attendance is on in the school for every call.
/// </summary>
public interface IRollCalls
{
    /// <summary>The sessions the actor teaches on a day (their own, and those they replace), in every school where they teach, each with whether its roll call is taken.</summary>
    /// <param name="actor">The teacher.</param>
    /// <param name="day">The day.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task<IReadOnlyList<SessionToCall>> SessionsOfAsync(Actor actor, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>A session's roll call as the teacher fills it: its pupils that day, each with their status (the one saved, else the one known in advance, else present).</summary>
    /// <param name="actor">The session's teacher, or the school's staff or head.</param>
    /// <param name="school">The school.</param>
    /// <param name="date">The day it is taught.</param>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="AccessDeniedException">The actor may not take this session's roll call.</exception>
    /// <exception cref="ArgumentException">The school teaches no such session that day; the message names it.</exception>
    Task<RollCallSheet> SheetAsync(Actor actor, SchoolId school, DateOnly date, SessionId session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a session's roll call in one transaction, with the pupils' absences and lateness. Saving what is already saved changes
    /// nothing. A roll call already taken is changed only by whoever saw its last revision (<see cref="RollCallSubmission.BasedOnRevision"/>),
    /// each changed pupil kept as a correction; otherwise the call fails with <see cref="RollCallConflictException"/>, and nothing is lost.
    /// </summary>
    /// <param name="actor">The session's teacher, or the school's staff or head.</param>
    /// <param name="submission">The roll call.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The roll call as saved.</returns>
    /// <exception cref="AccessDeniedException">The actor may not take this session's roll call.</exception>
    /// <exception cref="ArgumentException">No such session, a pupil not in the class or group that day, an unknown status, minutes out of range, a correction without a reason; the message names it. Nothing is saved.</exception>
    /// <exception cref="RollCallConflictException">Someone else saved another roll call of the session since the actor saw it.</exception>
    Task<RollCall> SaveAsync(Actor actor, RollCallSubmission submission, CancellationToken cancellationToken = default);
}

/// <summary>A session of a teacher's day and whether its roll call is taken.</summary>
/// <param name="Session">The session.</param>
/// <param name="Audience">The class's or group's name.</param>
/// <param name="Taken">Whether its roll call is saved.</param>
public sealed record SessionToCall(Session Session, string Audience, bool Taken);

/// <summary>A pupil's status in a roll call: present unless said otherwise.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Status">The status's code (<c>present</c>, <c>absent</c>, <c>late</c>, <c>left-early</c>, <c>exempt</c>, <c>off-site</c>, or the department's).</param>
/// <param name="LateMinutes">For a lateness, the minutes (1 to the session's length).</param>
/// <param name="LeftAt">For an early leaving, the time the pupil left (within the session).</param>
public sealed record PupilAttendance(PersonId Pupil, string Status, int? LateMinutes = null, TimeOnly? LeftAt = null);

/// <summary>A roll call to save.</summary>
/// <param name="School">The school.</param>
/// <param name="Date">The day the session is taught.</param>
/// <param name="Session">The session.</param>
/// <param name="Marks">The pupils not simply present (a pupil not listed is present).</param>
/// <param name="BasedOnRevision">The revision the actor saw when correcting a roll call already taken; null for a first roll call.</param>
/// <param name="Why">Why it is corrected: required unless whoever took it corrects it the same day.</param>
public sealed record RollCallSubmission(SchoolId School, DateOnly Date, SessionId Session, IReadOnlyList<PupilAttendance> Marks, int? BasedOnRevision = null, string? Why = null);

/// <summary>A saved roll call.</summary>
/// <param name="Session">The session.</param>
/// <param name="Roster">The pupils it counted: those of the class or group that day.</param>
/// <param name="Marks">The pupils not simply present.</param>
/// <param name="TakenBy">Who took it first.</param>
/// <param name="TakenAt">When.</param>
/// <param name="Revision">1 when taken, one more with each correction.</param>
/// <param name="ChangedBy">Who saved the last revision.</param>
/// <param name="ChangedAt">When.</param>
public sealed record RollCall(Session Session, ImmutableArray<PersonId> Roster, ImmutableArray<PupilAttendance> Marks, PersonId TakenBy, DateTimeOffset TakenAt, int Revision, PersonId ChangedBy, DateTimeOffset ChangedAt)
{
    /// <summary>A pupil's status (present when not marked).</summary>
    /// <param name="pupil">The pupil.</param>
    public PupilAttendance Of(PersonId pupil) => Marks.FirstOrDefault(m => m.Pupil == pupil) ?? new PupilAttendance(pupil, AttendanceStatus.Present.Code);
}

/// <summary>A session's roll call as the teacher fills it.</summary>
/// <param name="Session">The session.</param>
/// <param name="Audience">The class's or group's name.</param>
/// <param name="Lines">Its pupils that day, by name.</param>
/// <param name="Taken">The roll call saved, or null.</param>
/// <param name="Corrections">Its corrections, oldest first.</param>
/// <param name="Statuses">The statuses the department offers.</param>
public sealed record RollCallSheet(Session Session, string Audience, IReadOnlyList<RollCallLine> Lines, RollCall? Taken, IReadOnlyList<RollCallCorrection> Corrections, IReadOnlyList<AttendanceStatus> Statuses);

/// <summary>A pupil's line on a roll call.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Family name then given name.</param>
/// <param name="Mark">Their status.</param>
/// <param name="KnownAbsence">When the school knew of the absence in advance (a declaration), its reason's code; the status is then absent unless the roll call says otherwise.</param>
public sealed record RollCallLine(PersonId Pupil, string Name, PupilAttendance Mark, string? KnownAbsence);

/// <summary>One pupil's status changed after the roll call was taken.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Before">The status before.</param>
/// <param name="After">The status after.</param>
/// <param name="Actor">Who changed it.</param>
/// <param name="At">When.</param>
/// <param name="Why">Why, as they said (none for a change the same day by whoever took it).</param>
/// <param name="Revision">The roll call's revision it made.</param>
public sealed record RollCallCorrection(PersonId Pupil, string Before, string After, PersonId Actor, DateTimeOffset At, string? Why, int Revision);

/// <summary>Someone else saved another roll call of the session since the actor saw it: read it again (<see cref="Current"/>) and correct it if needed.</summary>
public sealed class RollCallConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="current">The roll call as saved now.</param>
    public RollCallConflictException(RollCall current)
        : base($"The roll call of this session was saved by person {current?.ChangedBy.Value} at {current?.ChangedAt:HH:mm} (revision {current?.Revision}) with other statuses: read it again, and correct it if it is wrong. Nothing was saved.")
    {
        Current = current ?? throw new ArgumentNullException(nameof(current));
    }

    /// <summary>The roll call as saved now.</summary>
    public RollCall Current { get; }
}
