using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>
/// Appends every published domain event to the log, except those a unit of work already committed with its data
/// (its outbox): those are in the log since their transaction.
/// </summary>
/// <param name="log">The event log.</param>
/// <param name="committed">The events units of work logged with their data.</param>
internal sealed class EventLogRecorder(IEventLog log, CommittedEvents committed) : IDomainEventHandler<DomainEvent>
{
    /// <inheritdoc />
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken) =>
        committed.Contains(domainEvent) ? Task.CompletedTask : log.AppendAsync([domainEvent], cancellationToken);
}
