using Ent.Core.Identifiers;

namespace Ent.Sdk.Operations;

/// <summary>
/// What an operation applies to: a course, a class, a group or a school, and the person whose data it reads or writes
/// if any. The unit of work resolves its scope from the directory; nothing else the caller says about it is believed.
/// </summary>
public sealed record OperationTarget
{
    private OperationTarget(CourseId? course, ClassId? @class, GroupId? group, SchoolId? school, PersonId? subject)
    {
        Course = course;
        Class = @class;
        Group = group;
        School = school;
        Subject = subject;
    }

    /// <summary>The course, for an operation on a course.</summary>
    public CourseId? Course { get; }

    /// <summary>The class, for an operation on a class.</summary>
    public ClassId? Class { get; }

    /// <summary>The group, for an operation on a group.</summary>
    public GroupId? Group { get; }

    /// <summary>The school, for an operation on a whole school.</summary>
    public SchoolId? School { get; }

    /// <summary>The person whose data is read or written, if any (a pupil's marks).</summary>
    public PersonId? Subject { get; }

    /// <summary>An operation on a course (its class or group, narrowed to the course).</summary>
    /// <param name="course">The course.</param>
    /// <param name="subject">The person whose data it touches, if any.</param>
    public static OperationTarget OfCourse(CourseId course, PersonId? subject = null) => new(course, null, null, null, subject);

    /// <summary>An operation on a class.</summary>
    /// <param name="class">The class.</param>
    /// <param name="subject">The person whose data it touches, if any.</param>
    public static OperationTarget OfClass(ClassId @class, PersonId? subject = null) => new(null, @class, null, null, subject);

    /// <summary>An operation on a teaching group.</summary>
    /// <param name="group">The group.</param>
    /// <param name="subject">The person whose data it touches, if any.</param>
    public static OperationTarget OfGroup(GroupId group, PersonId? subject = null) => new(null, null, group, null, subject);

    /// <summary>An operation on a whole school.</summary>
    /// <param name="school">The school.</param>
    /// <param name="subject">The person whose data it touches, if any.</param>
    public static OperationTarget OfSchool(SchoolId school, PersonId? subject = null) => new(null, null, null, school, subject);

    /// <summary>The same target about one person.</summary>
    /// <param name="subject">The person.</param>
    public OperationTarget About(PersonId subject) => new(Course, Class, Group, School, subject);

    /// <inheritdoc />
    public override string ToString() =>
        (Course is { } c ? $"course {c.Value}" : Class is { } k ? $"class {k.Value}" : Group is { } g ? $"group {g.Value}" : $"school {School!.Value.Value}")
        + (Subject is { } s ? $" about person {s.Value}" : string.Empty);
}
