using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>
/// An event log held in memory, for unit tests only: it honours the same contract as the engines
/// (batches all or nothing, limits checked before writing, one department per query) and keeps nothing
/// across processes.
/// </summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly Lock _gate = new();
    private readonly List<StoredEvent> _events = [];
    private readonly HashSet<Guid> _ids = [];

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        Append(EventRow.FromBatch(events), events);
        return Task.CompletedTask;
    }

    /// <summary>Appends rows already checked, all or none (an event already logged refuses the batch).</summary>
    internal void Append(EventRow[] rows, IReadOnlyList<DomainEvent> events)
    {
        lock (_gate)
        {
            var duplicate = rows.FirstOrDefault(r => _ids.Contains(r.Id));
            if (duplicate is not null)
            {
                throw new ArgumentException($"Event {duplicate.Id} is already in the log; nothing of the batch was written.", nameof(events));
            }

            foreach (var (row, domainEvent) in rows.Zip(events))
            {
                _ids.Add(row.Id);
                _events.Add(new StoredEvent(_events.Count + 1, domainEvent.Id, domainEvent.Department, domainEvent.School, domainEvent.Actor,
                    row.OccurredAt, domainEvent.Category, row.Type, domainEvent.Object, row.PayloadText));
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredEvent>>(Matching(query).Where(e => e.Sequence > query.AfterSequence).Take(query.Limit).ToArray());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UsageCount>> CountByActorAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UsageCount>>([.. Matching(query).GroupBy(e => (e.School, e.Actor, e.Category)).Select(g => new UsageCount(g.Key.School, g.Key.Actor, g.Key.Category, g.Count()))]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<UsageCategory, long>> CountByCategoryAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var counts = Enum.GetValues<UsageCategory>().ToDictionary(c => c, c => (long)Matching(query).Count(e => e.Category == c));
            return Task.FromResult<IReadOnlyDictionary<UsageCategory, long>>(counts);
        }
    }

    private IEnumerable<StoredEvent> Matching(EventLogQuery query) => _events.Where(e =>
        e.Department == query.Department
        && (query.School is null || e.School == query.School)
        && (query.From is null || e.OccurredAt >= query.From)
        && (query.Until is null || e.OccurredAt < query.Until));
}
