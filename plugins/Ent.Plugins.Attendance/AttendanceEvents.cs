using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.Statuses;

namespace Ent.Plugins.Attendance;

/// <summary>A session's roll call taken or corrected.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Session">The session.</param>
/// <param name="Date">The day it is taught.</param>
/// <param name="Revision">1 when taken, more for a correction.</param>
/// <param name="Absent">How many pupils were absent (or left early).</param>
/// <param name="Late">How many were late.</param>
public sealed record RollCallSaved(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, SessionId Session, DateOnly Date, int Revision, int Absent, int Late)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.attendance.roll-call", Session.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.VieScolaire;
}

/// <summary>A pupil recorded absent, late or gone early by a roll call (a correction that makes them so included).</summary>
/// <param name="Actor">Who took the roll call.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Session">The session.</param>
/// <param name="Date">Its day.</param>
/// <param name="Start">Its start.</param>
/// <param name="Subject">Its subject's name.</param>
/// <param name="Kind">Absent, late or left early.</param>
/// <param name="State">Where its justification stands (unjustified when the school knew nothing of it).</param>
public sealed record AbsenceRecorded(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, PersonId Pupil, SessionId Session, DateOnly Date, TimeOnly Start, string Subject,
    AttendanceEffect Kind, Justification State)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.attendance.absence", Session.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.VieScolaire;
}

/// <summary>A pupil's month reached the school's threshold (article L131-8 for absences): an alert for the head of school, a task in the CPE's list.</summary>
/// <param name="Actor">Whose action made it reach it.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Month">The month, <c>yyyyMM</c>.</param>
/// <param name="Kind">Absences or lateness.</param>
/// <param name="Count">The half-days (or lateness) counted.</param>
/// <param name="Threshold">The school's threshold.</param>
public sealed record AttendanceThresholdReached(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, PersonId Pupil, int Month, AlertKind Kind, int Count, int Threshold)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.attendance.alert", Pupil.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.VieScolaire;
}

/// <summary>An absence declared (by a family or the school's staff), or a declaration reviewed by the CPE.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Declaration">The declaration.</param>
/// <param name="State">Where it stands now.</param>
public sealed record DeclarationChanged(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, PersonId Pupil, Guid Declaration, DeclarationState State)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.attendance.declaration", Declaration))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.VieScolaire;
}

/// <summary>Absences given a reason or a justification by the school.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Absences">How many absences changed.</param>
/// <param name="Reason">The reason's code.</param>
/// <param name="State">Where they stand now.</param>
public sealed record AbsencesJustified(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, PersonId Pupil, int Absences, string? Reason, Justification State)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.attendance.pupil", Pupil.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.VieScolaire;
}

/// <summary>The letter of an alert sent to the family, or the alert closed.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Month">The month, <c>yyyyMM</c>.</param>
/// <param name="Kind">Absences or lateness.</param>
/// <param name="State">Where the alert stands now.</param>
public sealed record AlertHandled(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, PersonId Pupil, int Month, AlertKind Kind, AlertState State)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.attendance.alert", Pupil.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.VieScolaire;
}
