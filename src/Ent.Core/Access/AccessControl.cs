using Ent.Core.Calendar;
using Ent.Core.Organisation;
using Ent.Core.Identifiers;

namespace Ent.Core.Access;

/// <summary>
/// Evaluates capabilities from the actor's current role assignments and an <see cref="AccessPolicy"/>.
/// The tenancy rule comes first: an actor never reaches a scope of another department, whatever
/// roles they hold.
/// </summary>
public sealed class AccessControl : IAccessControl
{
    private readonly IOrganisationDirectory _directory;
    private readonly AccessPolicy _policy;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the access control.</summary>
    /// <param name="directory">Where roles and guardianships are read.</param>
    /// <param name="policy">Which role is granted what.</param>
    /// <param name="time">The clock, for the validity of role assignments.</param>
    /// <param name="timeZone">The department's time zone, to tell which day it is; Europe/Paris when null.</param>
    public AccessControl(IOrganisationDirectory directory, AccessPolicy policy, TimeProvider time, TimeZoneInfo? timeZone = null)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _timeZone = timeZone ?? SchoolTime.Paris;
    }

    /// <inheritdoc />
    public AccessDecision Evaluate(Actor actor, Capability capability, AccessScope scope, PersonId? subject = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(scope);
        if (actor.Department != scope.Department)
        {
            return new(false, $"the scope belongs to department {scope.Department.Value}, not the actor's department {actor.Department.Value}");
        }

        var person = _directory.FindPerson(actor.Person);
        if (person is null || person.Department != actor.Department)
        {
            return new(false, "the actor is not a person of this department");
        }

        if (subject is { } subjectId)
        {
            if (_directory.FindPerson(subjectId)?.Department != actor.Department)
            {
                return new(false, $"person {subjectId.Value} is not a person of this department");
            }

            if (!IsWithin(subjectId, scope))
            {
                return new(false, $"person {subjectId.Value} is not in {scope}");
            }
        }

        var today = SchoolTime.Today(_time, _timeZone);
        var heldRoles = false;
        foreach (var assignment in _directory.RolesOf(actor.Person))
        {
            if (!assignment.Validity.Contains(today) || assignment.Scope.Department != actor.Department)
            {
                continue;
            }

            heldRoles = true;
            foreach (var grant in _policy.GrantsFor(assignment.Role, capability))
            {
                var allowed = grant.Reach switch
                {
                    GrantReach.Scope => assignment.Scope.Contains(scope),
                    GrantReach.Self => subject == actor.Person,
                    GrantReach.Children => subject is { } child && _directory.IsGuardianOf(actor.Person, child),
                    _ => false,
                };
                if (allowed)
                {
                    return new(true, $"granted to {assignment.Role} ({grant.Reach}) in {assignment.Scope}");
                }
            }
        }

        return new(false, heldRoles
            ? $"none of the actor's current roles grants '{capability}' here"
            : $"the actor holds no role on {today:yyyy-MM-dd}");
    }

    /// <inheritdoc />
    public AccessDecision EvaluateWithin(Actor actor, Capability capability, AccessScope within)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(within);
        if (actor.Department != within.Department || _directory.FindPerson(actor.Person)?.Department != actor.Department)
        {
            return new(false, $"the actor is not a person of department {within.Department.Value}");
        }

        var today = SchoolTime.Today(_time, _timeZone);
        foreach (var assignment in _directory.RolesOf(actor.Person))
        {
            if (assignment.Validity.Contains(today) && (within.Contains(assignment.Scope) || assignment.Scope.Contains(within))
                && _policy.GrantsFor(assignment.Role, capability).Any())
            {
                return new(true, $"granted to {assignment.Role} in {assignment.Scope}");
            }
        }

        return new(false, $"none of the actor's current roles in {within} grants '{capability}'");
    }

    /// <summary>
    /// Whether the person concerned is inside the scope: enrolled (at any date, so that a class's history stays readable)
    /// in its school, class or group, or holding a role there. A grant on a scope never reaches a person outside it.
    /// </summary>
    private bool IsWithin(PersonId person, AccessScope scope)
    {
        if (scope.School is null)
        {
            return true; // the department: checked above
        }

        return _directory.EnrolmentsOf(person).Any(e => e.School == scope.School && (scope.Class is null || e.Class == scope.Class) && (scope.Group is null || e.Group == scope.Group))
            || _directory.RolesOf(person).Any(a => a.Scope.Contains(scope) || scope.Contains(a.Scope));
    }
}
