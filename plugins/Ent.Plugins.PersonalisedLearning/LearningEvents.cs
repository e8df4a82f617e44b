using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning;

/// <summary>A piece of evidence of a pupil's learning recorded (an answer, a score, a mark), or replaced by a corrected one.</summary>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Score">The score, scaled from 0 to 1.</param>
public sealed record LearningEvidenceRecorded(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, PersonId Pupil, EvidenceSource Source, double Score)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.personalised-learning.course", Course.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}

/// <summary>A course's path designed: its school's skills, its plan, or a skill's parameters changed.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Change">What changed, in a few words (<c>skill</c>, <c>plan</c>, <c>parameters</c>).</param>
public sealed record LearningPathDesigned(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, string Change)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.personalised-learning.course", Course.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}

/// <summary>A teacher pinned, skipped or assigned an activity for a pupil, or took the decision back.</summary>
/// <param name="Actor">The teacher.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Kind">The decision, or null when taken back.</param>
public sealed record LearningPathOverridden(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, PersonId Pupil, ActivityId Activity, OverrideKind? Kind)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.personalised-learning.course", Course.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}
