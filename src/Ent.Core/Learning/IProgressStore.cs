using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Core.Learning;

/// <summary>
/// Where learners' progress is kept, department by department. Trusted infrastructure:
/// <see cref="ILearnerRecords"/> checks rights.
/// </summary>
public interface IProgressStore
{
    /// <summary>Reads a learner's progress on an activity.</summary>
    /// <param name="department">The learner's department.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ActivityProgress?> FindAsync(DepartmentId department, PersonId learner, ActivityId activity, CancellationToken cancellationToken = default);

    /// <summary>Reads a learner's progress on several activities; activities without progress are left out.</summary>
    /// <param name="department">The learner's department.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="activities">The activities.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyDictionary<ActivityId, ActivityProgress>> FindAllAsync(DepartmentId department, PersonId learner, IEnumerable<ActivityId> activities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a learner's progress on an activity atomically: <paramref name="change"/> gets what is
    /// stored (or null) and returns the new progress; if another writer changed it meanwhile, the store
    /// calls <paramref name="change"/> again on the fresh value, so that no evidence is lost.
    /// </summary>
    /// <param name="department">The learner's department.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="change">Computes the new progress from the stored one; it may run more than once.</param>
    /// <param name="cancellationToken">Cancels the change before it is saved.</param>
    /// <returns>The progress saved.</returns>
    Task<ActivityProgress> UpdateAsync(DepartmentId department, PersonId learner, ActivityId activity, Func<ActivityProgress?, ActivityProgress> change, CancellationToken cancellationToken = default);
}

/// <summary>A thread-safe progress store held in memory.</summary>
public sealed class InMemoryProgressStore : IProgressStore
{
    private readonly ConcurrentDictionary<(DepartmentId, PersonId, ActivityId), ActivityProgress> _progress = new();
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<ActivityProgress?> FindAsync(DepartmentId department, PersonId learner, ActivityId activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(_progress.GetValueOrDefault((department, learner, activity)));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ActivityId, ActivityProgress>> FindAllAsync(DepartmentId department, PersonId learner, IEnumerable<ActivityId> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var found = ImmutableDictionary.CreateBuilder<ActivityId, ActivityProgress>();
        foreach (var activity in activities)
        {
            if (_progress.TryGetValue((department, learner, activity), out var progress))
            {
                found[activity] = progress;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<ActivityId, ActivityProgress>>(found.ToImmutable());
    }

    /// <inheritdoc />
    public Task<ActivityProgress> UpdateAsync(DepartmentId department, PersonId learner, ActivityId activity, Func<ActivityProgress?, ActivityProgress> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var progress = ProgressChange.Apply(change, _progress.GetValueOrDefault((department, learner, activity)), learner, activity);
            _progress[(department, learner, activity)] = progress;
            return Task.FromResult(progress);
        }
    }
}

/// <summary>Checks what a progress change returns.</summary>
public static class ProgressChange
{
    /// <summary>Applies a change and checks it kept the learner and the activity.</summary>
    /// <param name="change">The change.</param>
    /// <param name="stored">What is stored, or null.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="activity">The activity.</param>
    /// <exception cref="ArgumentException">The change returned another learner's or activity's progress.</exception>
    public static ActivityProgress Apply(Func<ActivityProgress?, ActivityProgress> change, ActivityProgress? stored, PersonId learner, ActivityId activity)
    {
        ArgumentNullException.ThrowIfNull(change);
        var progress = change(stored) ?? throw new ArgumentException("A progress change must return the new progress.", nameof(change));
        return progress.Learner == learner && progress.Activity == activity
            ? progress
            : throw new ArgumentException($"A progress change for learner {learner.Value} on activity {activity.Value} returned the progress of learner {progress.Learner.Value} on {progress.Activity.Value}.", nameof(change));
    }
}
