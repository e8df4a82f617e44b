using Ent.Core.Events;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>Keeps every domain event the host publishes, for tests to read.</summary>
internal sealed class EventRecorder(List<DomainEvent> published) : IDomainEventHandler<DomainEvent>
{
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        lock (published)
        {
            published.Add(domainEvent);
        }

        return Task.CompletedTask;
    }
}
