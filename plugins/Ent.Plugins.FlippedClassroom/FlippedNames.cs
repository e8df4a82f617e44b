using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Plugins.FlippedClassroom;

/// <summary>What the services show of the directory: people's, classes' and groups' names.</summary>
internal sealed class FlippedNames(IOrganisationDirectory directory)
{
    /// <summary>A person's name as lists sort it: family name, then given name (their id when they are not in the directory).</summary>
    public string NameOf(PersonId person) => directory.FindPerson(person) is { } found ? $"{found.FamilyName} {found.GivenName}" : person.Value.ToString();

    /// <summary>A person's given name, for a message to them.</summary>
    public string GivenName(PersonId person) => directory.FindPerson(person)?.GivenName ?? "";

    /// <summary>A class's or group's name.</summary>
    public string AudienceName(CourseAudience audience) =>
        (audience.Class is { } @class ? directory.FindClass(@class)?.Name : audience.Group is { } group ? directory.FindGroup(group)?.Name : null) ?? "";
}
