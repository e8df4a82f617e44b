using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>Appends every published domain event to the log.</summary>
/// <param name="log">The event log.</param>
public sealed class EventLogRecorder(IEventLog log) : IDomainEventHandler<DomainEvent>
{
    /// <inheritdoc />
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken) => log.AppendAsync([domainEvent], cancellationToken);
}
