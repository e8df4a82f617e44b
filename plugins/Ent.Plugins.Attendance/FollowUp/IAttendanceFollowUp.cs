using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance.FollowUp;

/// <summary>
/// The CPE's follow-up of the school's attendance and a pupil's record: the day's absences, the roll calls not yet taken, the
/// declarations to review and the open alerts; a pupil's absences and months; absences justified by the school; the school's
/// thresholds. The platform checks every call's rights: the school's staff and head for the school, a pupil their own record, a
/// parent their children's, a teacher their classes' pupils.
/// </summary>
public interface IAttendanceFollowUp
{
    /// <summary>The school's day as the CPE follows it.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="AccessDeniedException">The actor does not follow this school's attendance.</exception>
    Task<SchoolDay> DayAsync(Actor actor, SchoolId school, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>A pupil's record over some days: each absence and lateness with its reason and standing, and each month's half-days.</summary>
    /// <param name="actor">The pupil, a parent, a teacher of the pupil's class, the school's staff or head.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day (at most a year after the first).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's attendance.</exception>
    Task<PupilRecord> PupilAsync(Actor actor, PersonId pupil, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Gives a reason to a pupil's absences between two times, as the school decides it: justified when the reason is legitimate (and its proof received when it needs one).</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="from">The first day and time.</param>
    /// <param name="to">The last day and time.</param>
    /// <param name="reason">The reason's code.</param>
    /// <param name="proofReceived">Whether the school has the proof the reason needs.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many absences and lateness changed.</returns>
    /// <exception cref="ArgumentException">The reason is unknown, or the times reversed; the message names it.</exception>
    Task<int> JustifyAsync(Actor actor, PersonId pupil, (DateOnly Day, TimeOnly Time) from, (DateOnly Day, TimeOnly Time) to, string reason, bool proofReceived, CancellationToken cancellationToken = default);

    /// <summary>The school's thresholds: its own, or the department's.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="school">The school.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task<SchoolThresholds> ThresholdsAsync(Actor actor, SchoolId school, CancellationToken cancellationToken = default);

    /// <summary>Sets the school's own thresholds, for the months to come (alerts already raised stay).</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="school">The school.</param>
    /// <param name="thresholds">Half-days and lateness in a month, each 1 to 62.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside 1–62; the message names it.</exception>
    Task SetThresholdsAsync(Actor actor, SchoolId school, SchoolThresholds thresholds, CancellationToken cancellationToken = default);
}

/// <summary>A school's thresholds for a month.</summary>
/// <param name="HalfDays">Half-days missed without a legitimate reason (the law's is 4).</param>
/// <param name="Lateness">Lateness.</param>
/// <param name="Own">Whether the school set them (else they are the department's).</param>
public sealed record SchoolThresholds(int HalfDays, int Lateness, bool Own = true);

/// <summary>The school's day as the CPE follows it.</summary>
/// <param name="School">The school.</param>
/// <param name="Day">The day.</param>
/// <param name="Absences">The day's absences and lateness, by pupil then time.</param>
/// <param name="NotTaken">The sessions begun whose roll call is not taken, by time.</param>
/// <param name="Declarations">The declarations waiting for the CPE (pending or waiting for the family), oldest first.</param>
/// <param name="Alerts">The school's alerts not closed, newest first.</param>
public sealed record SchoolDay(SchoolId School, DateOnly Day, IReadOnlyList<PupilAbsence> Absences, IReadOnlyList<Session> NotTaken, IReadOnlyList<Declaration> Declarations, IReadOnlyList<Alert> Alerts);

/// <summary>An absence, lateness or early leaving of a pupil.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Family name then given name.</param>
/// <param name="ClassName">The pupil's class that day.</param>
/// <param name="Date">The day.</param>
/// <param name="Start">From.</param>
/// <param name="End">Until.</param>
/// <param name="Kind">Absent, late or left early.</param>
/// <param name="Minutes">The minutes late, or missed.</param>
/// <param name="Reason">The reason's code, if any.</param>
/// <param name="State">Where its justification stands.</param>
public sealed record PupilAbsence(PersonId Pupil, string Name, string? ClassName, DateOnly Date, TimeOnly Start, TimeOnly End, AttendanceEffect Kind, int Minutes, string? Reason, Justification State);

/// <summary>A pupil's figures for a month.</summary>
/// <param name="Month">The month's first day.</param>
/// <param name="UnjustifiedHalfDays">Half-days missed without a legitimate reason accepted (awaiting included).</param>
/// <param name="AwaitingHalfDays">Of those, the half-days with an absence awaiting justification.</param>
/// <param name="JustifiedHalfDays">Half-days missed, all justified.</param>
/// <param name="Late">Lateness.</param>
/// <param name="MissedSessions">Sessions missed (the raw count beside the half-days).</param>
/// <param name="MissedMinutes">Minutes missed.</param>
public sealed record MonthFigures(DateOnly Month, int UnjustifiedHalfDays, int AwaitingHalfDays, int JustifiedHalfDays, int Late, int MissedSessions, int MissedMinutes);

/// <summary>A pupil's record.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Family name then given name.</param>
/// <param name="Absences">Their absences and lateness, newest first.</param>
/// <param name="Months">Each month's figures, in order.</param>
public sealed record PupilRecord(PersonId Pupil, string Name, IReadOnlyList<PupilAbsence> Absences, IReadOnlyList<MonthFigures> Months);
