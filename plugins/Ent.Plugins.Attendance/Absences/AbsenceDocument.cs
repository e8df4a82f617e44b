using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance.Absences;

/// <summary>
/// A pupil's absence from a session, lateness or early leaving, as a roll call recorded it (its id is the session's), with its
/// reason and where its justification stands. <paramref name="Month"/> is <c>yyyyMM</c>; <paramref name="Afternoon"/> is the half-day it falls in.
/// </summary>
internal sealed record AbsenceDocument(
    PersonId Pupil, int Month, Guid Id, SchoolId School, ClassId? Class, PeriodId? Period, DateOnly Date, TimeOnly Start, TimeOnly End, bool Afternoon,
    AttendanceEffect Kind, int Minutes, SessionId? Session, Guid? Declaration, string? Reason, Justification State, PersonId RecordedBy, DateTimeOffset RecordedAt,
    PersonId? JustifiedBy, DateTimeOffset? JustifiedAt);

/// <summary>
/// A pupil's month, summed from its absences: the half-days missed as bit masks (bit <c>2 × (day − 1)</c> the morning, the next
/// the afternoon), those not justified (awaiting included) and those justified only, the lateness, the sessions and minutes missed.
/// </summary>
internal sealed record PupilMonthDocument(PersonId Pupil, int Month, SchoolId School, ulong Unjustified, ulong Awaiting, ulong Justified, int Late, int MissedSessions, int MissedMinutes)
{
    /// <summary>Half-days missed without a legitimate reason accepted (the count article L131-8 speaks of).</summary>
    public int UnjustifiedHalfDays => System.Numerics.BitOperations.PopCount(Unjustified);

    /// <summary>Half-days missed, all justified.</summary>
    public int JustifiedHalfDays => System.Numerics.BitOperations.PopCount(Justified);
}

/// <summary>A school's month for the DEPP's absenteeism indicator: how many of its pupils missed at least 4 half-days in it without a legitimate reason.</summary>
internal sealed record SchoolMonthDocument(SchoolId School, int Month, int PupilsAtThreshold);
