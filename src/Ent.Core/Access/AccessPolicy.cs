using System.Collections.Immutable;
using Ent.Core.Organisation;

namespace Ent.Core.Access;

/// <summary>How far a grant reaches.</summary>
public enum GrantReach
{
    /// <summary>Anything within the scope of the role assignment.</summary>
    Scope,

    /// <summary>Only data about the actor themself (a learner's own progress).</summary>
    Self,

    /// <summary>Only data about the learners the actor is a legal guardian of.</summary>
    Children,
}

/// <summary>A capability granted to a role.</summary>
/// <param name="Role">The role.</param>
/// <param name="Capability">The capability.</param>
/// <param name="Reach">How far it reaches.</param>
public sealed record CapabilityGrant(Role Role, Capability Capability, GrantReach Reach);

/// <summary>
/// Which role is granted which capability: an immutable table, built once, that plugins extend
/// with their own capabilities.
/// </summary>
public sealed class AccessPolicy
{
    private readonly ImmutableDictionary<Role, ImmutableArray<CapabilityGrant>> _byRole;

    private AccessPolicy(ImmutableArray<CapabilityGrant> grants)
    {
        Grants = grants;
        _byRole = grants.GroupBy(g => g.Role).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>Every grant.</summary>
    public ImmutableArray<CapabilityGrant> Grants { get; }

    /// <summary>A policy with no grant: everything is refused.</summary>
    public static AccessPolicy Empty { get; } = new([]);

    /// <summary>Ent.Core's default grants for its own capabilities.</summary>
    public static AccessPolicy Default { get; } = Empty
        .Grant(Role.Learner, GrantReach.Scope, Capabilities.ViewCourses)
        .Grant(Role.Learner, GrantReach.Self, Capabilities.ViewPerson, Capabilities.ViewLearnerProgress, Capabilities.RecordLearnerProgress)
        .Grant(Role.Parent, GrantReach.Children, Capabilities.ViewPerson, Capabilities.ViewLearnerProgress)
        .Grant(Role.Teacher, GrantReach.Scope, Capabilities.ViewPerson, Capabilities.ViewEnrolments, Capabilities.ViewCourses, Capabilities.ManageCourses, Capabilities.ViewLearnerProgress, Capabilities.RecordLearnerProgress)
        .Grant(Role.SchoolStaff, GrantReach.Scope, Capabilities.ViewPerson, Capabilities.ViewEnrolments, Capabilities.ManageRoster, Capabilities.ViewCourses, Capabilities.ManageTimetable)
        .Grant(Role.HeadOfSchool, GrantReach.Scope, Capabilities.ViewPerson, Capabilities.ViewEnrolments, Capabilities.ManageRoster, Capabilities.ViewCourses, Capabilities.ManageCourses, Capabilities.ViewLearnerProgress, Capabilities.ViewAuditTrail, Capabilities.ManagePlugins, Capabilities.ManageCalendar, Capabilities.ManageTimetable, Capabilities.ViewUsage)
        .Grant(Role.DepartmentAdmin, GrantReach.Scope, Capabilities.ViewPerson, Capabilities.ViewEnrolments, Capabilities.ManageRoster, Capabilities.ViewAuditTrail, Capabilities.ManagePlugins, Capabilities.ManageCalendar, Capabilities.ManageTimetable, Capabilities.ViewUsage);

    /// <summary>Returns a policy with more grants.</summary>
    /// <param name="role">The role granted.</param>
    /// <param name="reach">How far the grants reach.</param>
    /// <param name="capabilities">The capabilities granted.</param>
    public AccessPolicy Grant(Role role, GrantReach reach, params Capability[] capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return new(Grants.AddRange(capabilities.Select(c => new CapabilityGrant(role, c, reach))).Distinct().ToImmutableArray());
    }

    /// <summary>Returns a policy with more grants, e.g. those that plugins contribute.</summary>
    /// <param name="grants">The grants to add.</param>
    public AccessPolicy Including(IEnumerable<CapabilityGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return new(Grants.AddRange(grants).Distinct().ToImmutableArray());
    }

    /// <summary>Returns the grants of a role for a capability.</summary>
    /// <param name="role">The role.</param>
    /// <param name="capability">The capability.</param>
    public IEnumerable<CapabilityGrant> GrantsFor(Role role, Capability capability) =>
        _byRole.TryGetValue(role, out var grants) ? grants.Where(g => g.Capability == capability) : [];
}
