using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;

namespace Ent.Storage.Tests.Events;

/// <summary>Domain events for the storage tests.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

    public static ActivityProgressRecorded Progress(DepartmentId department, SchoolId? school, DateTimeOffset at, decimal? score = null) =>
        new(PersonId.New(), department, school, at, CourseId.New(),
            new ActivityProgress(PersonId.New(), ActivityId.New(), CompletionStatus.Completed, at,
                score is { } s ? [new ScoreEvidence(new Score(s, 20))] : []));

    /// <summary>An administrative event: a roster looked over.</summary>
    public sealed record RosterChecked(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt)
        : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("roster", Guid.NewGuid()))
    {
        public override UsageCategory Category => UsageCategory.Administration;
    }

    public static ActivityProgressRecorded[] Many(int count, DepartmentId department, SchoolId school) =>
        Enumerable.Range(0, count).Select(i => Progress(department, school, Monday.AddMinutes(i))).ToArray();
}
