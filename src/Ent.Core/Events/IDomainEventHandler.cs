namespace Ent.Core.Events;

/// <summary>Handles domain events of a type (or of any type, with <see cref="DomainEvent"/>). Plugins subscribe by registering one.</summary>
/// <typeparam name="TEvent">The event type handled.</typeparam>
public interface IDomainEventHandler<in TEvent>
    where TEvent : DomainEvent
{
    /// <summary>Handles an event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Publishes domain events to their handlers.</summary>
public interface IDomainEventPublisher
{
    /// <summary>Publishes an event to every handler of its type, its base types and <see cref="DomainEvent"/>.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the publication.</param>
    /// <returns>How many handlers ran and which failed.</returns>
    Task<PublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default);
}

/// <summary>What happened when an event was published.</summary>
/// <param name="Handled">The number of handlers that completed.</param>
/// <param name="Failures">The handlers that threw, with their exceptions.</param>
public sealed record PublishResult(int Handled, IReadOnlyList<HandlerFailure> Failures);

/// <summary>A handler that threw while handling an event.</summary>
/// <param name="HandlerType">The handler's type name.</param>
/// <param name="Exception">What it threw.</param>
public sealed record HandlerFailure(string HandlerType, Exception Exception);
