using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>
/// Builds access scopes from what the directory holds, never from what a caller claims: services (the core's
/// and plugins') check rights in the scope of the class, group or course the data belongs to.
/// </summary>
public static class ScopeResolver
{
    /// <summary>The scope of a class: its school and department, as the directory records them.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="id">The class.</param>
    /// <exception cref="UnknownReferenceException">The class is not in the directory.</exception>
    public static AccessScope ScopeOf(this IOrganisationDirectory directory, ClassId id)
    {
        var @class = directory.FindClass(id) ?? throw new UnknownReferenceException("class", id.Value);
        return AccessScope.OfClass(directory.SchoolOf(@class.School).Department, @class.School, id);
    }

    /// <summary>The scope of a teaching group.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="id">The group.</param>
    /// <exception cref="UnknownReferenceException">The group is not in the directory.</exception>
    public static AccessScope ScopeOf(this IOrganisationDirectory directory, GroupId id)
    {
        var group = directory.FindGroup(id) ?? throw new UnknownReferenceException("group", id.Value);
        return AccessScope.OfGroup(directory.SchoolOf(group.School).Department, group.School, id);
    }

    /// <summary>The scope of a course: its class or group, narrowed to the course (a teacher of the course, or of the whole class, is in it).</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="course">The course.</param>
    /// <exception cref="UnknownReferenceException">The course's class or group is not in the directory.</exception>
    public static AccessScope ScopeOf(this IOrganisationDirectory directory, Course course) =>
        (course.Audience.Class is { } @class ? directory.ScopeOf(@class) : directory.ScopeOf(course.Audience.Group!.Value)).WithCourse(course.Id);

    /// <summary>A school, which must be in the directory.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="id">The school.</param>
    /// <exception cref="UnknownReferenceException">The school is not in the directory.</exception>
    public static School SchoolOf(this IOrganisationDirectory directory, SchoolId id) =>
        directory.FindSchool(id) ?? throw new UnknownReferenceException("school", id.Value);
}
