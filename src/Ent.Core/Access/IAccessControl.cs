using Ent.Core.Identifiers;

namespace Ent.Core.Access;

/// <summary>The outcome of an access check.</summary>
/// <param name="Allowed">Whether the operation is allowed.</param>
/// <param name="Reason">Which grant allowed it, or why it was refused.</param>
public sealed record AccessDecision(bool Allowed, string Reason);

/// <summary>Checks an actor's capabilities. Every service that touches personal data calls it first.</summary>
public interface IAccessControl
{
    /// <summary>Decides whether an actor may use a capability in a scope.</summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="capability">The capability the operation needs.</param>
    /// <param name="scope">Where the operation applies.</param>
    /// <param name="subject">The person whose data the operation reads or writes, if any.</param>
    AccessDecision Evaluate(Actor actor, Capability capability, AccessScope scope, PersonId? subject = null);

    /// <summary>
    /// Decides whether some current role of the actor within a scope (a school, or the department) grants a capability,
    /// whatever the grant reaches (a pupil's own data, a parent's children's): the check of an entry point such as a
    /// page or a menu, before the operation's own check on its target.
    /// </summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="capability">The capability.</param>
    /// <param name="within">The scope the actor's role must be in (or over).</param>
    AccessDecision EvaluateWithin(Actor actor, Capability capability, AccessScope within);

    /// <summary>Throws unless the actor may use the capability in the scope.</summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="capability">The capability the operation needs.</param>
    /// <param name="scope">Where the operation applies.</param>
    /// <param name="subject">The person whose data the operation reads or writes, if any.</param>
    /// <exception cref="AccessDeniedException">The actor is refused; the exception says who was refused what.</exception>
    void Demand(Actor actor, Capability capability, AccessScope scope, PersonId? subject = null)
    {
        var decision = Evaluate(actor, capability, scope, subject);
        if (!decision.Allowed)
        {
            throw new AccessDeniedException(actor, capability, scope, subject, decision.Reason);
        }
    }
}
