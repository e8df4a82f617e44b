using System.Runtime.CompilerServices;
using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>
/// The events units of work committed with their data (their outbox) in this host: already in the log, so that the
/// <see cref="EventLogRecorder"/> does not append them again when they are then published to the handlers.
/// </summary>
internal sealed class CommittedEvents
{
    private readonly ConditionalWeakTable<DomainEvent, object> _events = [];

    /// <summary>Records events as logged by the transaction that saved them.</summary>
    public void Add(IEnumerable<DomainEvent> events)
    {
        foreach (var domainEvent in events)
        {
            _events.AddOrUpdate(domainEvent, this);
        }
    }

    /// <summary>Whether an event was logged with its data.</summary>
    public bool Contains(DomainEvent domainEvent) => _events.TryGetValue(domainEvent, out _);
}
