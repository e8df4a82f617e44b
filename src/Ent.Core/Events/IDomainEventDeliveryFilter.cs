namespace Ent.Core.Events;

/// <summary>
/// Decides whether a handler receives an event. The platform registers one so that a plugin's handlers receive only
/// the events of the schools where the plugin is on; handlers refused by any filter are skipped. Only the core registers filters.
/// </summary>
public interface IDomainEventDeliveryFilter
{
    /// <summary>Whether <paramref name="handler"/> receives <paramref name="domainEvent"/>.</summary>
    /// <param name="handler">The handler about to be called.</param>
    /// <param name="domainEvent">The event.</param>
    bool ShouldDeliver(object handler, DomainEvent domainEvent);
}
