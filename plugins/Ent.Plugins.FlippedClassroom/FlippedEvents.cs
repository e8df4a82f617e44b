using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Sessions;

namespace Ent.Plugins.FlippedClassroom;

/// <summary>A teacher flipped a session, rewrote it, published it, made its groups or un-flipped it.</summary>
/// <param name="Actor">The teacher.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Session">The timetable session.</param>
/// <param name="Change">What changed, in a word (<c>saved</c>, <c>published</c>, <c>groups</c>, <c>removed</c>).</param>
public sealed record FlippedSessionPlanned(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, SessionId Session, string Change)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.flipped-classroom.session", Session.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}

/// <summary>A pupil answered a flipped session's readiness check or exit ticket.</summary>
/// <param name="Actor">The pupil.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Session">The timetable session.</param>
/// <param name="Part">The check or the exit ticket.</param>
/// <param name="Answered">How many questions they answered.</param>
public sealed record FlippedCheckAnswered(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, SessionId Session, CheckPart Part, int Answered)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.flipped-classroom.session", Session.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}
