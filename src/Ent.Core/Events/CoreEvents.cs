using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Organisation;

namespace Ent.Core.Events;

/// <summary>A learner was enrolled in a class or group.</summary>
/// <param name="Actor">Who enrolled them.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Enrolment">The enrolment.</param>
public sealed record LearnerEnrolled(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, Enrolment Enrolment)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("enrolment", Enrolment.Id.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Administration;
}

/// <summary>A learner's progress on an activity was recorded.</summary>
/// <param name="Actor">Who recorded it (the learner or a teacher).</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Progress">The recorded progress.</param>
public sealed record ActivityProgressRecorded(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, ActivityProgress Progress)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("activity", Progress.Activity.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}
