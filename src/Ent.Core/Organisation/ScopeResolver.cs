using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>Builds access scopes from what the directory holds, never from what a caller claims.</summary>
internal static class ScopeResolver
{
    public static AccessScope ScopeOf(this IOrganisationDirectory directory, ClassId id)
    {
        var @class = directory.FindClass(id) ?? throw new UnknownReferenceException("class", id.Value);
        return AccessScope.OfClass(directory.SchoolOf(@class.School).Department, @class.School, id);
    }

    public static AccessScope ScopeOf(this IOrganisationDirectory directory, GroupId id)
    {
        var group = directory.FindGroup(id) ?? throw new UnknownReferenceException("group", id.Value);
        return AccessScope.OfGroup(directory.SchoolOf(group.School).Department, group.School, id);
    }

    public static AccessScope ScopeOf(this IOrganisationDirectory directory, Course course) =>
        (course.Audience.Class is { } @class ? directory.ScopeOf(@class) : directory.ScopeOf(course.Audience.Group!.Value)).WithCourse(course.Id);

    public static School SchoolOf(this IOrganisationDirectory directory, SchoolId id) =>
        directory.FindSchool(id) ?? throw new UnknownReferenceException("school", id.Value);
}
