using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;

namespace Ent.Plugins.Grading.Contracts;

/// <summary>A mark created, changed or deleted: the audit trail of a pupil's marks, and what other plugins learn from as marks arrive.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Department">The department.</param>
/// <param name="School">The school.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Assessment">The assessment.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="OldValue">The mark before (points or code), or null when created.</param>
/// <param name="NewValue">The mark after, or null when deleted.</param>
/// <param name="Reason">Why, when the period was closed (required then), or as the teacher gave it.</param>
/// <param name="Course">The assessment's course.</param>
/// <param name="Result">The new mark on the assessment's scale; null when deleted or a code (absent, exempt) rather than points.</param>
public sealed record MarkChanged(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, Guid Assessment, PersonId Pupil, string? OldValue, string? NewValue, string? Reason,
    CourseId Course, Score? Result)
    : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("ent.grading.assessment", Assessment))
{
    /// <inheritdoc />
    public override UsageCategory Category => UsageCategory.Pedagogical;
}
