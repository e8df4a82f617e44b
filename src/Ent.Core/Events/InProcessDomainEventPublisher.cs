using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Core.Events;

/// <summary>
/// Publishes events in-process to the handlers registered in the service provider, skipping those that a
/// registered <see cref="IDomainEventDeliveryFilter"/> refuses (a plugin off in the event's school). Handlers run one
/// after another; one that throws is logged and isolated, and the others still run.
/// </summary>
public sealed partial class InProcessDomainEventPublisher : IDomainEventPublisher
{
    private readonly IServiceProvider _services;
    private readonly ILogger<InProcessDomainEventPublisher> _logger;
    private readonly ConcurrentDictionary<Type, (Type Service, MethodInfo Handle)[]> _handlerTypes = new();
    private IDomainEventDeliveryFilter[]? _filters;

    /// <summary>Creates the publisher.</summary>
    /// <param name="services">Where handlers are resolved.</param>
    /// <param name="logger">Where handler failures are logged.</param>
    public InProcessDomainEventPublisher(IServiceProvider services, ILogger<InProcessDomainEventPublisher> logger)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task<PublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var handled = 0;
        var failures = new List<HandlerFailure>();
        var filters = _filters ??= [.. _services.GetServices<IDomainEventDeliveryFilter>()]; // resolved on first use: filters may depend on the runtime
        foreach (var (handlerType, handle) in _handlerTypes.GetOrAdd(domainEvent.GetType(), HandlerTypesFor))
        {
            foreach (var handler in _services.GetServices(handlerType))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!Array.TrueForAll(filters, f => f.ShouldDeliver(handler!, domainEvent)))
                {
                    continue;
                }

                var name = handler!.GetType().FullName ?? handler.GetType().Name;
                try
                {
                    await ((Task)handle.Invoke(handler, [domainEvent, cancellationToken])!).ConfigureAwait(false);
                    handled++;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
                    failures.Add(new HandlerFailure(name, cause));
                    LogHandlerFailed(cause, name, domainEvent.GetType().Name, domainEvent.Id.Value);
                }
            }
        }

        return new PublishResult(handled, failures);
    }

    /// <summary>The handler interfaces an event type is published to (its own type and each base type), with their HandleAsync, resolved once.</summary>
    private static (Type Service, MethodInfo Handle)[] HandlerTypesFor(Type eventType)
    {
        var types = new List<(Type, MethodInfo)>();
        for (var type = eventType; type is not null && typeof(DomainEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            var service = typeof(IDomainEventHandler<>).MakeGenericType(type);
            types.Add((service, service.GetMethod(nameof(IDomainEventHandler<>.HandleAsync))!));
        }

        return [.. types];
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Domain event handler {Handler} failed on {EventType} {EventId}; the other handlers still run.")]
    private partial void LogHandlerFailed(Exception exception, string handler, string eventType, Guid eventId);
}
