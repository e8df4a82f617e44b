using System.Collections.Concurrent;
using Ent.Core.Events;

namespace Ent.Samples.DepartmentHost;

/// <summary>Counts domain events by usage category: the share of pedagogical use that departments report on.</summary>
internal sealed class UsageCounter : IDomainEventHandler<DomainEvent>
{
    private readonly ConcurrentDictionary<UsageCategory, int> _counts = new();

    public int this[UsageCategory category] => _counts.GetValueOrDefault(category);

    public int Total => _counts.Values.Sum();

    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        _counts.AddOrUpdate(domainEvent.Category, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
