using System.Runtime.CompilerServices;
using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>
/// Appends every published domain event to the log, except those a unit of work already committed with its data
/// (its outbox): those are in the log since their transaction.
/// </summary>
/// <param name="log">The event log.</param>
internal sealed class EventLogRecorder(IEventLog log) : IDomainEventHandler<DomainEvent>
{
    private static readonly ConditionalWeakTable<DomainEvent, object> Committed = [];

    /// <inheritdoc />
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken) =>
        Committed.TryGetValue(domainEvent, out _) ? Task.CompletedTask : log.AppendAsync([domainEvent], cancellationToken);

    /// <summary>Marks events as logged by the transaction that saved them, so that publishing them does not log them twice.</summary>
    internal static void MarkCommitted(IEnumerable<DomainEvent> events)
    {
        foreach (var domainEvent in events)
        {
            Committed.AddOrUpdate(domainEvent, Committed);
        }
    }
}
