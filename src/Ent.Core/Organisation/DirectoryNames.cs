using Ent.Core.Courses;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>How people, classes and groups of the directory are named in lists, sentences and headings.</summary>
public static class DirectoryNames
{
    /// <summary>A person's name as lists sort it: family name, then given name; their id when they are not in the directory.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="person">The person.</param>
    public static string ListNameOf(this IOrganisationDirectory directory, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.FindPerson(person) is { } found ? $"{found.FamilyName} {found.GivenName}" : person.Value.ToString();
    }

    /// <summary>A person's name as a sentence says it: given name, then family name; their id when they are not in the directory.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="person">The person.</param>
    public static string FullNameOf(this IOrganisationDirectory directory, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.FindPerson(person) is { } found ? $"{found.GivenName} {found.FamilyName}" : person.Value.ToString();
    }

    /// <summary>The name of the class or group a course or session is taught to, or null when it is not in the directory.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="audience">The class or group.</param>
    public static string? NameOf(this IOrganisationDirectory directory, CourseAudience audience)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return audience.Class is { } @class ? directory.FindClass(@class)?.Name : audience.Group is { } group ? directory.FindGroup(group)?.Name : null;
    }
}
