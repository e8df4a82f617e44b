using System.Text;
using Ent.Core.Identifiers;

namespace Ent.Core.Access;

/// <summary>
/// Where a role holds or where an operation applies: a department, or a school, class, group or
/// course within it. A scope contains another when every level it names is the same in the other:
/// a school scope contains its classes and courses; a department scope contains everything in the
/// department and nothing outside it.
/// </summary>
/// <param name="Department">The department; always set, so that no scope crosses tenants.</param>
/// <param name="School">The school, when narrower than the department.</param>
/// <param name="Class">The class, when the scope is a class or a class's course.</param>
/// <param name="Group">The group, when the scope is a group or a group's course.</param>
/// <param name="Course">The course, when the scope is one course.</param>
public sealed record AccessScope(DepartmentId Department, SchoolId? School = null, ClassId? Class = null, GroupId? Group = null, CourseId? Course = null)
{
    /// <summary>The scope of a whole department.</summary>
    /// <param name="department">The department.</param>
    public static AccessScope OfDepartment(DepartmentId department) => new(department);

    /// <summary>The scope of a school.</summary>
    /// <param name="department">The department.</param>
    /// <param name="school">The school.</param>
    public static AccessScope OfSchool(DepartmentId department, SchoolId school) => new(department, school);

    /// <summary>The scope of a class.</summary>
    /// <param name="department">The department.</param>
    /// <param name="school">The school.</param>
    /// <param name="class">The class.</param>
    public static AccessScope OfClass(DepartmentId department, SchoolId school, ClassId @class) => new(department, school, @class);

    /// <summary>The scope of a group.</summary>
    /// <param name="department">The department.</param>
    /// <param name="school">The school.</param>
    /// <param name="group">The group.</param>
    public static AccessScope OfGroup(DepartmentId department, SchoolId school, GroupId group) => new(department, school, Group: group);

    /// <summary>Whether this scope contains (or equals) another.</summary>
    /// <param name="other">The other scope.</param>
    public bool Contains(AccessScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Department == other.Department
            && (School is null || School == other.School)
            && (Class is null || Class == other.Class)
            && (Group is null || Group == other.Group)
            && (Course is null || Course == other.Course);
    }

    /// <summary>Narrows this scope to a course.</summary>
    /// <param name="course">The course.</param>
    public AccessScope WithCourse(CourseId course) => this with { Course = course };

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append("department ").Append(Department.Value);
        if (School is { } school)
        {
            text.Append(" / school ").Append(school.Value);
        }

        if (Class is { } @class)
        {
            text.Append(" / class ").Append(@class.Value);
        }

        if (Group is { } group)
        {
            text.Append(" / group ").Append(group.Value);
        }

        if (Course is { } course)
        {
            text.Append(" / course ").Append(course.Value);
        }

        return text.ToString();
    }
}
