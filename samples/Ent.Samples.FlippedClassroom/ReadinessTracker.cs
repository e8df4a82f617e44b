using System.Collections.Concurrent;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;

namespace Ent.Samples.FlippedClassroom;

/// <summary>Counts, per school, the activities completed through the platform: a small example of an event subscriber.</summary>
public sealed class ReadinessTracker
{
    private readonly ConcurrentDictionary<SchoolId, int> _completed = new();

    /// <summary>The number of completed activities recorded in a school since the host started.</summary>
    /// <param name="school">The school.</param>
    public int CompletedIn(SchoolId school) => _completed.GetValueOrDefault(school);

    /// <summary>The event handler that feeds the tracker.</summary>
    /// <param name="tracker">The tracker.</param>
    public sealed class Handler(ReadinessTracker tracker) : IDomainEventHandler<ActivityProgressRecorded>
    {
        /// <inheritdoc />
        public Task HandleAsync(ActivityProgressRecorded domainEvent, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(domainEvent);
            if (domainEvent.Progress.Status == CompletionStatus.Completed && domainEvent.School is { } school)
            {
                tracker._completed.AddOrUpdate(school, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }
    }
}
