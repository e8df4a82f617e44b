using Ent.Core.Identifiers;

namespace Ent.Core.Access;

/// <summary>Thrown when an actor is refused an operation; says who was refused what, where, and why.</summary>
public sealed class AccessDeniedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actor">The refused actor.</param>
    /// <param name="capability">The capability the operation needs.</param>
    /// <param name="scope">Where the operation applies.</param>
    /// <param name="subject">The person whose data it concerns, if any.</param>
    /// <param name="reason">Why it was refused.</param>
    public AccessDeniedException(Actor actor, Capability capability, AccessScope scope, PersonId? subject, string reason)
        : base(Describe(actor, capability, scope, subject, reason))
    {
        Actor = actor;
        Capability = capability;
        Scope = scope;
        Subject = subject;
        Reason = reason;
    }

    /// <summary>The refused actor.</summary>
    public Actor Actor { get; }

    /// <summary>The capability the operation needs.</summary>
    public Capability Capability { get; }

    /// <summary>Where the operation applies.</summary>
    public AccessScope Scope { get; }

    /// <summary>The person whose data it concerns, if any.</summary>
    public PersonId? Subject { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }

    private static string Describe(Actor actor, Capability capability, AccessScope scope, PersonId? subject, string reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var about = subject is { } s ? $" about person {s.Value}" : string.Empty;
        return $"Access denied: {actor} was refused '{capability}'{about} in {scope}: {reason}";
    }
}
