using Ent.Core.Access;

namespace Ent.Storage.Events;

/// <summary>Delivery failures kept in memory: for hosts without a storage engine (tests, the in-memory demo).</summary>
internal sealed class InMemoryEventDeliveryFailures(IAccessControl access) : IEventDeliveryFailures
{
    private readonly Lock _gate = new();
    private readonly List<EventDeliveryFailure> _failures = [];

    public Task RecordAsync(EventDeliveryFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        lock (_gate)
        {
            _failures.Add(failure);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EventDeliveryFailure>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        access.Demand(actor, Capabilities.ViewAuditTrail, AccessScope.OfDepartment(actor.Department));
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<EventDeliveryFailure>>([.. _failures.Where(f => f.Department == actor.Department)]);
        }
    }
}
