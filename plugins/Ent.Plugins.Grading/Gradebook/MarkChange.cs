using Ent.Core.Identifiers;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>One change of a pupil's mark: who, when, the old and new values, and why.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Actor">Who changed it.</param>
/// <param name="At">When.</param>
/// <param name="OldValue">Before (points or a code), or null when the mark was created.</param>
/// <param name="NewValue">After, or null when the mark was deleted.</param>
/// <param name="Reason">Why (required in a closed period).</param>
public sealed record MarkChange(Guid Assessment, PersonId Pupil, PersonId Actor, DateTimeOffset At, string? OldValue, string? NewValue, string? Reason)
{
    /// <summary>The assessment's version this change made: orders an assessment's changes exactly, whatever the clock says.</summary>
    internal long Version { get; init; }
}

/// <summary>One change in a pupil's mark history, with the assessment it belongs to.</summary>
/// <param name="Assessment">The assessment (title, date, scale).</param>
/// <param name="Change">The change.</param>
public sealed record MarkHistoryEntry(Assessment Assessment, MarkChange Change);

/// <summary>A change to a closed period refused: only the head of school may, with a reason.</summary>
public sealed class ClosedPeriodException(string message) : InvalidOperationException(message);
