using Ent.Core.Access;

namespace Ent.Storage.Events;

/// <summary>The event log as people read it: the actor must hold the audit capability for the department or the school queried.</summary>
public interface IAuditTrail
{
    /// <summary>Reads events, after checking the actor's rights.</summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="query">Which events; a school narrows the scope that is checked.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The actor may not read this audit trail.</exception>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(Actor actor, EventLogQuery query, CancellationToken cancellationToken = default);
}

/// <summary>The rights-checking audit trail over an <see cref="IEventLog"/>.</summary>
/// <param name="log">The event log.</param>
/// <param name="access">The access control.</param>
internal sealed class AuditTrail(IEventLog log, IAccessControl access) : IAuditTrail
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(Actor actor, EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = query.School is { } school ? AccessScope.OfSchool(query.Department, school) : AccessScope.OfDepartment(query.Department);
        access.Demand(actor, Capabilities.ViewAuditTrail, scope);
        return log.ReadAsync(query, cancellationToken);
    }
}
