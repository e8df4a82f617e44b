using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Storage.Documents;
using Ent.Storage.Events;
using Ent.Storage;
using Ent.Storage.Engines;
using Microsoft.Extensions.Logging;

namespace Ent.Sdk.Operations;

/// <summary>Opens units of work: the scope from the directory, the plugin's enablement and the capability, checked once, in that order.</summary>
internal sealed class PluginOperations(
    IEntRuntime runtime, IOrganisationDirectory directory, ICourseCatalog courses, IAccessControl access, IPluginEnablement enablement,
    TimeProvider time, ISchoolCalendar calendar, IRecordStores stores, DocumentRegistry documents, IDomainEventPublisher publisher,
    IEventDeliveryFailures failures, CommittedEvents committed, ILogger<PluginOperations> logger) : IOperations
{
    private readonly IAccessControl _access = access;
    private readonly ISchoolCalendar _calendar = calendar;
    private readonly CommittedEvents _committed = committed;
    private readonly TimeProvider _time = time;
    private readonly IRecordStores _stores = stores;
    private readonly DocumentRegistry _documents = documents;
    private readonly IDomainEventPublisher _publisher = publisher;
    private readonly IEventDeliveryFailures _failures = failures;
    private readonly ILogger _logger = logger;

    public async Task<IUnitOfWork> BeginAsync(Actor actor, OperationTarget target, Capability capability, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        var plugin = OwnerOf(capability);
        var (scope, course) = await ScopeAsync(actor.Department, target, cancellationToken).ConfigureAwait(false);
        var school = scope.School!.Value;
        var today = _calendar.Today;
        if (!enablement.IsEnabled(plugin, school, today))
        {
            throw new PluginDisabledException(plugin, school, today);
        }

        _access.Demand(actor, capability, scope, target.Subject);
        return new UnitOfWork(this, actor, plugin, target, scope, course, today, _time.GetUtcNow());
    }

    public Task<IUnitOfWork> BeginForEventAsync(object handler, DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(domainEvent);
        var plugin = runtime.PluginDefining(handler.GetType())?.Id
            ?? throw new InvalidOperationException($"{handler.GetType()} is not a loaded plugin's type: a handler's unit of work belongs to the plugin that defines the handler.");
        var school = domainEvent.School
            ?? throw new ArgumentException($"Event {domainEvent.GetType().Name} {domainEvent.Id.Value} has no school: a handler's unit of work is for an event of a school.", nameof(domainEvent));
        var known = directory.SchoolOf(school);
        if (known.Department != domainEvent.Department)
        {
            throw new UnknownReferenceException("school", school.Value);
        }

        var day = SchoolTime.DayOf(domainEvent.OccurredAt, _calendar.TimeZone);
        if (!enablement.IsEnabled(plugin, school, day))
        {
            throw new PluginDisabledException(plugin, school, day);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IUnitOfWork>(new UnitOfWork(
            this, new Actor(domainEvent.Actor, domainEvent.Department), plugin, OperationTarget.OfSchool(school), AccessScope.OfSchool(known.Department, school), null, day, _time.GetUtcNow()));
    }

    public Task<IUnitOfWork> BeginForTaskAsync(object task, SchoolId school, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var plugin = runtime.PluginDefining(task.GetType())?.Id
            ?? throw new InvalidOperationException($"{task.GetType()} is not a loaded plugin's type: a recurring task's unit of work belongs to the plugin that defines the task.");
        var known = directory.SchoolOf(school);
        var today = _calendar.Today;
        if (!enablement.IsEnabled(plugin, school, today))
        {
            throw new PluginDisabledException(plugin, school, today);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IUnitOfWork>(new UnitOfWork(
            this, new Actor(new PersonId(Guid.Empty), known.Department), plugin, OperationTarget.OfSchool(school), AccessScope.OfSchool(known.Department, school), null, today, _time.GetUtcNow()));
    }

    public async Task HandleAsync(object handler, DomainEvent domainEvent, Func<IUnitOfWork, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            await using var unit = await BeginForEventAsync(handler, domainEvent, cancellationToken).ConfigureAwait(false);
            await work(unit).ConfigureAwait(false);
            try
            {
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RecordConflictException) when (attempt < 5)
            {
                // Another handler saved a document this one read: run again on what is stored now.
            }
        }
    }

    /// <summary>The plugin a capability belongs to: the loaded plugin whose id prefixes it (the longest, should ids nest).</summary>
    private string OwnerOf(Capability capability) =>
        runtime.Plugins.Select(p => p.Id).Where(id => capability.Name.StartsWith(id + ".", StringComparison.Ordinal)).MaxBy(id => id.Length)
        ?? throw new InvalidOperationException($"Capability '{capability.Name}' belongs to no loaded plugin: a unit of work is opened for one of a plugin's own capabilities ('<plugin id>.…').");

    private async Task<(AccessScope Scope, Course? Course)> ScopeAsync(DepartmentId department, OperationTarget target, CancellationToken cancellationToken)
    {
        AccessScope scope;
        Course? course = null;
        if (target.Course is { } courseId)
        {
            course = await courses.FindAsync(department, courseId, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", courseId.Value);
            scope = directory.ScopeOf(course);
        }
        else if (target.Class is { } @class)
        {
            scope = directory.ScopeOf(@class);
        }
        else if (target.Group is { } group)
        {
            scope = directory.ScopeOf(group);
        }
        else
        {
            var school = directory.SchoolOf(target.School!.Value);
            scope = AccessScope.OfSchool(school.Department, school.Id);
        }

        // The directory holds every department's units: one of another department is unknown to this actor.
        return scope.Department == department ? (scope, course) : throw new UnknownReferenceException(target.Course is not null ? "course" : "unit", target.ToString());
    }

    private sealed class UnitOfWork(
        PluginOperations owner, Actor actor, string plugin, OperationTarget target, AccessScope scope, Course? course, DateOnly today, DateTimeOffset now) : IUnitOfWork
    {
        private readonly DocumentSession _documents = new(owner._stores, owner._documents, actor.Department, plugin);
        private Period? _period;
        private bool _periodRead;
        private readonly List<DomainEvent> _events = [];
        private bool _done;

        public Actor Actor => actor;

        public string PluginId => plugin;

        public OperationTarget Target => target;

        public AccessScope Scope => scope;

        public SchoolId School => scope.School!.Value;

        public Course? Course => course;

        public DateOnly Today => today;

        public DateTimeOffset Now => now;

        public Period? Period
        {
            get
            {
                if (!_periodRead)
                {
                    (_period, _periodRead) = (owner._calendar.PeriodOf(School, today), true);
                }

                return _period;
            }
        }

        public IDocumentSet<T> Documents<T>()
            where T : class
        {
            ThrowIfDone();
            return _documents.Set<T>();
        }

        public bool Can(Capability capability, PersonId? subject = null) => owner._access.Evaluate(actor, capability, scope, subject).Allowed;

        public void Demand(Capability capability, PersonId? subject = null) => owner._access.Demand(actor, capability, scope, subject);

        public void Publish(DomainEvent domainEvent)
        {
            ArgumentNullException.ThrowIfNull(domainEvent);
            ThrowIfDone();
            if (domainEvent.Department != actor.Department)
            {
                throw new ArgumentException($"Event {domainEvent.GetType().Name} belongs to department {domainEvent.Department.Value}, not the actor's {actor.Department.Value}.", nameof(domainEvent));
            }

            _events.Add(domainEvent);
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDone();
            var changes = _documents.ToChanges();
            foreach (var domainEvent in _events)
            {
                changes.Append(domainEvent);
            }

            if (!changes.IsEmpty)
            {
                await owner._stores.SaveAsync(actor.Department, changes, cancellationToken).ConfigureAwait(false);
            }

            _done = true; // committed: from here on, nothing throws
            owner._committed.Add(_events); // in the log with their data: the recorder does not append them again
            foreach (var domainEvent in _events)
            {
                await DeliverAsync(domainEvent).ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync()
        {
            _done = true;
            return ValueTask.CompletedTask;
        }

        private async Task DeliverAsync(DomainEvent domainEvent)
        {
            PublishResult result;
            try
            {
                result = await owner._publisher.PublishAsync(domainEvent, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                result = new PublishResult(0, [new HandlerFailure(owner._publisher.GetType().FullName!, exception)]);
            }

            foreach (var failure in result.Failures)
            {
                var set = new EventDeliveryFailure(Guid.CreateVersion7(), domainEvent.Department, domainEvent.School, domainEvent.Id, domainEvent.GetType().Name,
                    failure.HandlerType, 1, $"{failure.Exception.GetType().Name}: {failure.Exception.Message}", owner._time.GetUtcNow());
                try
                {
                    await owner._failures.RecordAsync(set, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    LogNotSetAside(owner._logger, exception, failure.HandlerType, domainEvent.GetType().Name, domainEvent.Id.Value);
                }
            }
        }

        private void ThrowIfDone()
        {
            if (_done)
            {
                throw new InvalidOperationException($"This unit of work of '{plugin}' was committed or disposed; open another.");
            }
        }
    }

    private static readonly Action<ILogger, string, string, Guid, Exception?> NotSetAside = LoggerMessage.Define<string, string, Guid>(
        LogLevel.Critical, new Microsoft.Extensions.Logging.EventId(2, "DeliveryFailureNotRecorded"), "Handler {Handler} failed on committed event {EventType} {EventId}, and the failure could not be set aside.");

    private static void LogNotSetAside(ILogger logger, Exception exception, string handler, string eventType, Guid id) => NotSetAside(logger, handler, eventType, id, exception);
}
