using Ent.Core.Events;
using Ent.Core.Courses;
using Ent.Core.Learning;
using Ent.Core.Organisation;
using Ent.Storage.Core;
using Ent.Storage.Documents;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what every storage engine shares.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers an event log implementation, the recorder that appends every published event to it,
    /// and the rights-checked audit trail. Storage engines call this; applications call the engine's
    /// <c>UseSqlite</c> or <c>UsePostgreSql</c>.
    /// </summary>
    /// <typeparam name="TEventLog">The engine's event log.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddEntEventLog<TEventLog>(this IServiceCollection services)
        where TEventLog : class, IEventLog
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IEventLog, TEventLog>());
        services.TryAddSingleton<IAuditTrail, AuditTrail>();
        services.TryAddSingleton<IEventDeliveryFailures, InMemoryEventDeliveryFailures>();
        services.TryAddSingleton<CommittedEvents>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDomainEventHandler<DomainEvent>, EventLogRecorder>());
        return services;
    }

    /// <summary>
    /// Registers a component's record schema: the host's storage engine creates and migrates its tables
    /// when the host starts, and <see cref="IRecordStores.For"/> then gives the component its store.
    /// Plugins call this from <c>ConfigureServices</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="schema">The schema.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddRecordSchema(this IServiceCollection services, RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schema);
        services.AddSingleton(schema);
        return services;
    }

    /// <summary>
    /// Registers a kind of document: the engine creates and migrates its table when the host starts, and units of work of
    /// its owner read and write it. Plugins declare theirs with <c>context.AddDocuments&lt;T&gt;(…)</c>, which calls this.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="type">The document type.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddDocumentType(this IServiceCollection services, DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(type);
        services.AddSingleton(type);
        services.AddRecordSchema(type.Schema);
        return services;
    }

    /// <summary>
    /// Keeps the core's own records (the directory, courses, learners' progress) in the host's storage engine instead
    /// of memory, with their record schemas (and the calendar, the timetables, the notifications' inbox, and handlers' delivery failures). Storage engines call this, and
    /// load the directory and the calendar with <see cref="LoadStoredCoreAsync"/> once migrated; applications call <c>UseSqlite</c> or <c>UsePostgreSql</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddStoredCoreRecords(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRecordSchema(CoreSchemas.Directory);
        services.AddRecordSchema(CoreSchemas.Courses);
        services.AddRecordSchema(CoreSchemas.Progress);
        services.Replace(ServiceDescriptor.Singleton<ICourseCatalog, StoredCourseCatalog>());
        services.AddSingleton<StoredOrganisationDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(sp => sp.GetRequiredService<StoredOrganisationDirectory>()));
        services.Replace(ServiceDescriptor.Singleton<IProgressStore, StoredProgressStore>());
        services.AddRecordSchema(StoredEventDeliveryFailures.Schema);
        foreach (var calendar in StoredCalendar.All)
        {
            services.AddRecordSchema(calendar.Schema);
        }

        services.AddSingleton<StoredCalendar>();
        foreach (var timetable in StoredTimetables.All)
        {
            services.AddRecordSchema(timetable.Schema);
        }

        services.AddSingleton<StoredTimetables>();
        services.AddRecordSchema(StoredNotificationInbox.Inbox.Schema);
        services.Replace(ServiceDescriptor.Singleton<Ent.Core.Notifications.INotificationInbox, StoredNotificationInbox>());
        services.Replace(ServiceDescriptor.Singleton<Ent.Core.Timetable.ITimetableJournal>(sp => sp.GetRequiredService<StoredTimetables>()));
        services.AddRecordSchema(StoredKeyRing.Keys.Schema);
        services.TryAddSingleton<IKeyRingStore, StoredKeyRing>();
        services.Replace(ServiceDescriptor.Singleton<Ent.Core.Calendar.ICalendarJournal>(sp => sp.GetRequiredService<StoredCalendar>()));
        services.Replace(ServiceDescriptor.Singleton<IEventDeliveryFailures, StoredEventDeliveryFailures>());
        return services;
    }

    /// <summary>Loads what the core keeps in memory from the store (the directory, then the calendar and the timetables): storage engines call it at start, once migrated.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="cancellationToken">Cancels the loading.</param>
    public static async Task LoadStoredCoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<StoredOrganisationDirectory>().LoadAsync(cancellationToken).ConfigureAwait(false);
        if (services.GetRequiredService<Ent.Core.Calendar.ISchoolCalendar>() is Ent.Core.Calendar.InMemorySchoolCalendar calendar)
        {
            await services.GetRequiredService<StoredCalendar>().LoadAsync(calendar, cancellationToken).ConfigureAwait(false);
        }

        if (services.GetRequiredService<Ent.Core.Timetable.ITimetables>() is Ent.Core.Timetable.InMemoryTimetables timetables)
        {
            await services.GetRequiredService<StoredTimetables>().LoadAsync(timetables, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Keeps records in memory: for unit tests only, nothing survives the process.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddInMemoryRecordStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IRecordStores, InMemoryRecordStores>());
        return services;
    }
}
