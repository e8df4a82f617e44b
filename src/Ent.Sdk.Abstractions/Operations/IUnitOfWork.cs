using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Storage.Documents;

namespace Ent.Sdk.Operations;

/// <summary>
/// Opens the unit of work of one operation of a plugin (<see cref="IUnitOfWork"/>); inject it into the plugin's services.
/// </summary>
public interface IOperations
{
    /// <summary>
    /// Opens a unit of work for an actor, a target and the capability the operation needs. The plugin is the one that owns the
    /// capability (its id is the capability's prefix). Before anything else is read: the target's scope is resolved from the
    /// directory, the plugin must be on in the target's school today, and the actor must hold the capability there (about the target's subject, if any).
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="target">What the operation applies to.</param>
    /// <param name="capability">The capability it needs, one of the plugin's.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <exception cref="Ent.Core.Organisation.UnknownReferenceException">The target is not in the directory (or the course catalog).</exception>
    /// <exception cref="Enablement.PluginDisabledException">The plugin is off in the target's school today.</exception>
    /// <exception cref="AccessDeniedException">The actor does not hold the capability there.</exception>
    /// <exception cref="InvalidOperationException">The capability belongs to no loaded plugin.</exception>
    Task<IUnitOfWork> BeginAsync(Actor actor, OperationTarget target, Capability capability, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the unit of work of a plugin's event handler: the plugin is the one that defines the handler's type, the scope the
    /// event's school, the day the event's, the actor the event's. The plugin must be on in that school that day (the platform
    /// delivers it nothing else); no capability is demanded, for the handler keeps the plugin's own data, as the platform delivered it.
    /// </summary>
    /// <param name="handler">The handler (<c>this</c>).</param>
    /// <param name="domainEvent">The event handled; it must have a school.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <exception cref="InvalidOperationException">The handler is not a loaded plugin's.</exception>
    /// <exception cref="ArgumentException">The event has no school.</exception>
    /// <exception cref="Enablement.PluginDisabledException">The plugin is off in the event's school on its day.</exception>
    Task<IUnitOfWork> BeginForEventAsync(object handler, DomainEvent domainEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the unit of work of a plugin's recurring task (<see cref="Scheduling.IRecurringTask"/>) in one school: the plugin is the
    /// one that defines the task's type, the day today. The plugin must be on in that school today; no capability is demanded, for the
    /// task keeps the plugin's own data. The actor is the platform (a person id of zeros): events the task publishes are the
    /// platform's, and <see cref="IUnitOfWork.Can"/> is false.
    /// </summary>
    /// <param name="task">The task (<c>this</c>).</param>
    /// <param name="school">The school.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <exception cref="InvalidOperationException">The task is not a loaded plugin's.</exception>
    /// <exception cref="Ent.Core.Organisation.UnknownReferenceException">The school is not in the directory.</exception>
    /// <exception cref="Enablement.PluginDisabledException">The plugin is off in that school today.</exception>
    Task<IUnitOfWork> BeginForTaskAsync(object task, SchoolId school, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a handler's work in a unit of work (<see cref="BeginForEventAsync"/>) and commits it; when another writer saved a
    /// document it read first, runs it again on fresh reads (up to 5 times), so that concurrent events are all counted.
    /// </summary>
    /// <param name="handler">The handler (<c>this</c>).</param>
    /// <param name="domainEvent">The event handled.</param>
    /// <param name="work">Reads and writes the plugin's documents.</param>
    /// <param name="cancellationToken">Cancels the work before it commits.</param>
    Task HandleAsync(object handler, DomainEvent domainEvent, Func<IUnitOfWork, Task> work, CancellationToken cancellationToken = default);
}

/// <summary>
/// One operation of a plugin: its actor, its resolved scope, its day; the plugin's documents, read from the store and written
/// at <see cref="CommitAsync"/> with the events it publishes, in ONE transaction (each event's log entry commits with the data it
/// describes). Handlers of the events run after the commit; a handler that fails is set aside (<see cref="Ent.Storage.Events.IEventDeliveryFailures"/>),
/// never undoing the commit. Disposing without committing discards everything.
/// </summary>
public interface IUnitOfWork : IAsyncDisposable
{
    /// <summary>Who acts.</summary>
    Actor Actor { get; }

    /// <summary>The plugin the operation belongs to.</summary>
    string PluginId { get; }

    /// <summary>The target as given.</summary>
    OperationTarget Target { get; }

    /// <summary>The target's scope, from the directory.</summary>
    AccessScope Scope { get; }

    /// <summary>The target's school.</summary>
    SchoolId School { get; }

    /// <summary>The target's course, when the target is one.</summary>
    Course? Course { get; }

    /// <summary>Today in the department's time zone: the day the plugin's enablement was checked for.</summary>
    DateOnly Today { get; }

    /// <summary>The period in force at the target's school today, from the department's calendar; null between periods.</summary>
    Ent.Core.Calendar.Period? Period { get; }

    /// <summary>The time of the operation (the events' time).</summary>
    DateTimeOffset Now { get; }

    /// <summary>The plugin's documents of a type.</summary>
    /// <typeparam name="T">A document type the plugin declared.</typeparam>
    /// <exception cref="InvalidOperationException">The type is not one of the plugin's documents.</exception>
    IDocumentSet<T> Documents<T>()
        where T : class;

    /// <summary>Whether the actor also holds another capability in the same scope (a teacher who sees unpublished marks).</summary>
    /// <param name="capability">The capability.</param>
    /// <param name="subject">The person concerned, if any.</param>
    bool Can(Capability capability, PersonId? subject = null);

    /// <summary>Demands another capability in the same scope.</summary>
    /// <param name="capability">The capability.</param>
    /// <param name="subject">The person concerned, if any.</param>
    /// <exception cref="AccessDeniedException">The actor does not hold it.</exception>
    void Demand(Capability capability, PersonId? subject = null);

    /// <summary>Publishes an event when the unit of work commits: logged in its transaction, handled after it.</summary>
    /// <param name="domainEvent">The event, of the actor's department.</param>
    void Publish(DomainEvent domainEvent);

    /// <summary>
    /// Commits the documents written and the events published, all or nothing. Once the transaction has committed the call
    /// returns normally: handlers run then, and neither their failures nor a cancellation undo or hide the commit.
    /// </summary>
    /// <param name="cancellationToken">Cancels the commit before the transaction commits.</param>
    /// <exception cref="Ent.Storage.RecordConflictException">A document read or written changed since it was read; nothing was written.</exception>
    /// <exception cref="InvalidOperationException">The unit of work was already committed or disposed.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
