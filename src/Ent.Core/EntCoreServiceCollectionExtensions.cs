using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Organisation;
using Ent.Core.Events;
using Ent.Core.Learning;
using Ent.Core.Notifications;
using Ent.Core.Strategies;
using Ent.Core.Timetable;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ent.Core's services.</summary>
public static class EntCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the domain services (access control, roster, learner records, event publisher,
    /// activity kinds, the sequential strategy) with in-memory stores; the access policy is
    /// the default one plus every <see cref="CapabilityGrant"/> registered as a service, and "today" is
    /// read in the registered <see cref="TimeZoneInfo"/> (Europe/Paris unless one is registered first), unless already registered.
    /// Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEntCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SchoolTime.Paris);
        services.TryAddSingleton(sp => AccessPolicy.Default.Including(sp.GetServices<CapabilityGrant>()));
        services.TryAddSingleton<IOrganisationDirectory, InMemoryOrganisationDirectory>();
        services.TryAddSingleton<ICourseCatalog, InMemoryCourseCatalog>();
        services.TryAddSingleton<IProgressStore, InMemoryProgressStore>();
        services.TryAddSingleton<IAccessControl>(sp => new AccessControl(
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<AccessPolicy>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TimeZoneInfo>()));
        services.TryAddSingleton<ISchoolCalendar>(sp => new InMemorySchoolCalendar(
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<IAccessControl>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TimeZoneInfo>(),
            sp.GetService<ICalendarJournal>()));
        services.TryAddSingleton<ITimetables>(sp => new InMemoryTimetables(
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<IAccessControl>(), sp.GetRequiredService<ISchoolCalendar>(), sp.GetService<ITimetableJournal>()));
        services.TryAddSingleton<IDomainEventPublisher, InProcessDomainEventPublisher>();
        services.TryAddSingleton<INotificationInbox, InMemoryNotificationInbox>();
        services.TryAddSingleton<INotifications, NotificationCenter>();
        services.TryAddSingleton<IRoster, Roster>();
        services.TryAddSingleton<ILearnerRecords, LearnerRecords>();
        services.TryAddSingleton<IActivityKindRegistry>(sp => new ActivityKindRegistry(sp.GetServices<ActivityKind>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPedagogicalStrategy, SequentialStrategy>());
        return services;
    }

    /// <summary>Subscribes a handler to domain events of a type.</summary>
    /// <typeparam name="TEvent">The event type (or <see cref="DomainEvent"/> for all).</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : DomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDomainEventHandler<TEvent>, THandler>());
        return services;
    }
}
