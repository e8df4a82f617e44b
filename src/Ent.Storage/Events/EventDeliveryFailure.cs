using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Storage.Events;

/// <summary>A handler that failed on a committed event and was set aside: the event is in the log, the handler's work is not done.</summary>
/// <param name="Id">The failure's id.</param>
/// <param name="Department">The event's department.</param>
/// <param name="School">The event's school, if any.</param>
/// <param name="EventId">The event.</param>
/// <param name="EventType">The event's type name.</param>
/// <param name="Handler">The handler's type name.</param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="Error">Why it failed: the exception's type and message.</param>
/// <param name="At">When it was set aside.</param>
public sealed record EventDeliveryFailure(Guid Id, DepartmentId Department, SchoolId? School, EventId EventId, string EventType, string Handler, int Attempts, string Error, DateTimeOffset At);

/// <summary>Where handlers that failed on committed events are set aside, for an operator to see (never only a log line).</summary>
public interface IEventDeliveryFailures
{
    /// <summary>Sets a failure aside.</summary>
    /// <param name="failure">The failure.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordAsync(EventDeliveryFailure failure, CancellationToken cancellationToken = default);

    /// <summary>The failures set aside in the actor's department, oldest first; needs <see cref="Capabilities.ViewAuditTrail"/> on the department.</summary>
    /// <param name="actor">The operator.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The actor may not see the department's audit trail.</exception>
    Task<IReadOnlyList<EventDeliveryFailure>> ListAsync(Actor actor, CancellationToken cancellationToken = default);
}
