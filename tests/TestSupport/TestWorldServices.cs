using Ent.Core.Courses;
using Ent.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.TestSupport;

/// <summary>A test world in a host's services.</summary>
public static class TestWorldServices
{
    /// <summary>Registers the world's clock, directory, course catalog and calendar (its year, periods and holidays), in place of the host's own.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="world">The world.</param>
    public static IServiceCollection AddTestWorld(this IServiceCollection services, TestWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        services.AddSingleton<TimeProvider>(world.Time);
        services.Replace(ServiceDescriptor.Singleton(world.Directory));
        services.Replace(ServiceDescriptor.Singleton<ICourseCatalog>(world.Courses));
        services.AddSingleton<Ent.Core.Calendar.ISchoolCalendar>(world.Calendar);
        return services;
    }
}

/// <summary>Every event a host publishes, kept in order for a test to read (register it as a handler of <see cref="DomainEvent"/>).</summary>
public sealed class PublishedEvents : IDomainEventHandler<DomainEvent>
{
    private readonly List<DomainEvent> _events = [];

    /// <summary>The events published so far, of a type.</summary>
    /// <typeparam name="T">The type.</typeparam>
    public IReadOnlyList<T> Of<T>()
        where T : DomainEvent
    {
        lock (_events)
        {
            return [.. _events.OfType<T>()];
        }
    }

    /// <inheritdoc />
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(domainEvent);
        }

        return Task.CompletedTask;
    }
}
