using Ent.Core.Events;
using Ent.Core.Identifiers;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>A period closed for a class after its class council.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Class">The class.</param>
/// <param name="Period">The period.</param>
public sealed record PeriodClosed(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, ClassId Class, PeriodId Period)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.grading.period", Period.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Administration;
}

/// <summary>A teacher's comment on a pupil written, changed or removed (the text stays in the gradebook, out of the log).</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Period">The period.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Removed">Whether the comment was removed.</param>
/// <param name="Reason">Why, when the period was closed (required then).</param>
public sealed record CommentRecorded(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, PeriodId Period, PersonId Pupil, bool Removed, string? Reason)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.grading.course", Course.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}

/// <summary>Evaluations of the socle's components recorded in a course.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Course">The course.</param>
/// <param name="Period">The period.</param>
/// <param name="Evaluations">How many evaluations.</param>
/// <param name="Reason">Why, when the period was closed (required then).</param>
public sealed record CompetenciesEvaluated(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, CourseId Course, PeriodId Period, int Evaluations, string? Reason)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.grading.course", Course.Value))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}
