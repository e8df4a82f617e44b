using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Access;

/// <summary>A role held by a person in a scope, for a range of dates.</summary>
/// <param name="Person">The person.</param>
/// <param name="Role">The role.</param>
/// <param name="Scope">Where the role holds: a teacher's class, a head's school, an admin's department.</param>
/// <param name="Validity">When the role holds.</param>
public sealed record RoleAssignment(PersonId Person, Role Role, AccessScope Scope, DateRange Validity);

/// <summary>The person on whose behalf an operation runs. Every operation on personal data takes one.</summary>
/// <param name="Person">The acting person.</param>
/// <param name="Department">The department the actor signed in to; it must be the person's own.</param>
public sealed record Actor(PersonId Person, DepartmentId Department)
{
    /// <inheritdoc />
    public override string ToString() => $"person {Person.Value} of department {Department.Value}";
}
