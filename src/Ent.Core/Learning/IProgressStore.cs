using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Core.Learning;

/// <summary>Where learners' progress is kept. Trusted infrastructure: <see cref="ILearnerRecords"/> checks rights.</summary>
public interface IProgressStore
{
    /// <summary>Reads a learner's progress on an activity.</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="activity">The activity.</param>
    ActivityProgress? Find(PersonId learner, ActivityId activity);

    /// <summary>Reads a learner's progress on several activities.</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="activities">The activities.</param>
    IReadOnlyDictionary<ActivityId, ActivityProgress> FindAll(PersonId learner, IEnumerable<ActivityId> activities);

    /// <summary>Saves a learner's progress on an activity, replacing what was there.</summary>
    /// <param name="progress">The progress.</param>
    void Save(ActivityProgress progress);
}

/// <summary>A thread-safe progress store held in memory.</summary>
public sealed class InMemoryProgressStore : IProgressStore
{
    private readonly ConcurrentDictionary<(PersonId, ActivityId), ActivityProgress> _progress = new();

    /// <inheritdoc />
    public ActivityProgress? Find(PersonId learner, ActivityId activity) => _progress.GetValueOrDefault((learner, activity));

    /// <inheritdoc />
    public IReadOnlyDictionary<ActivityId, ActivityProgress> FindAll(PersonId learner, IEnumerable<ActivityId> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var found = ImmutableDictionary.CreateBuilder<ActivityId, ActivityProgress>();
        foreach (var activity in activities)
        {
            if (_progress.TryGetValue((learner, activity), out var progress))
            {
                found[activity] = progress;
            }
        }

        return found.ToImmutable();
    }

    /// <inheritdoc />
    public void Save(ActivityProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress[(progress.Learner, progress.Activity)] = progress;
    }
}
