using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>
/// The append-only log of domain events. Trusted infrastructure: reads are not rights-checked here
/// (see <see cref="IAuditTrail"/>), but a query never returns another department's events.
/// </summary>
public interface IEventLog
{
    /// <summary>Appends events as one transaction: when the task completes, all are durable; when it fails, none is stored.</summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <exception cref="ArgumentException">An event is invalid (a text over its limit, an event already logged); nothing is written.</exception>
    /// <exception cref="StorageException">The store failed; nothing of this batch is stored.</exception>
    Task AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads events in log order.</summary>
    /// <param name="query">Which events.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(EventLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts one department's events by usage category in a time window: the share of pedagogical use.</summary>
    /// <param name="query">The department, and optionally a school and a window; paging fields are ignored.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    Task<IReadOnlyDictionary<UsageCategory, long>> CountByCategoryAsync(EventLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts one department's events by school, actor and usage category in a time window: usage by school and by role.</summary>
    /// <param name="query">The department, and optionally a school and a window; paging fields are ignored.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>One row per school, actor and category that has events, in no particular order.</returns>
    Task<IReadOnlyList<UsageCount>> CountByActorAsync(EventLogQuery query, CancellationToken cancellationToken = default);
}
