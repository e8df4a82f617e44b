using Ent.Core.Events;
using Ent.Core.Identifiers;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>A mark created, changed or deleted: the audit trail of a pupil's marks.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Assessment">The assessment.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="OldValue">The mark before (points or code), or null when created.</param>
/// <param name="NewValue">The mark after, or null when deleted.</param>
/// <param name="Reason">Why, when the period was closed (required then), or as the teacher gave it.</param>
public sealed record MarkChanged(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, Guid Assessment, PersonId Pupil, string? OldValue, string? NewValue, string? Reason)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.grading.assessment", Assessment))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}

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
