using Ent.Core.Identifiers;

namespace Ent.Core.Access;

/// <summary>
/// Something an actor may do, such as reading a learner's progress. Ent.Core defines the
/// capabilities of its own services in <see cref="Capabilities"/>; plugins define theirs with
/// a dotted id of their own, e.g. <c>grading.marks.record</c>.
/// </summary>
public readonly record struct Capability
{
    /// <summary>Creates a capability.</summary>
    /// <param name="name">A stable id: lower-case letters, digits, '.', '-'.</param>
    /// <exception cref="ArgumentException">The name is not a stable id; the message names it.</exception>
    public Capability(string name)
    {
        if (!StableId.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid capability name: use lower-case letters, digits, '.' and '-'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The capability's stable id.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>The capabilities of Ent.Core's own services.</summary>
public static class Capabilities
{
    /// <summary>Read a person's identity (name, department).</summary>
    public static Capability ViewPerson { get; } = new("core.person.view");

    /// <summary>Read who is enrolled in a class or group.</summary>
    public static Capability ViewEnrolments { get; } = new("core.enrolment.view");

    /// <summary>Create people, enrol learners and assign roles.</summary>
    public static Capability ManageRoster { get; } = new("core.roster.manage");

    /// <summary>Read courses and their activities.</summary>
    public static Capability ViewCourses { get; } = new("core.course.view");

    /// <summary>Create and change courses.</summary>
    public static Capability ManageCourses { get; } = new("core.course.manage");

    /// <summary>Read a learner's progress and evidence.</summary>
    public static Capability ViewLearnerProgress { get; } = new("core.progress.view");

    /// <summary>Record a learner's progress and evidence.</summary>
    public static Capability RecordLearnerProgress { get; } = new("core.progress.record");

    /// <summary>Read the audit trail of domain events.</summary>
    public static Capability ViewAuditTrail { get; } = new("core.audit.view");

    /// <summary>Set the calendar: academic years and periods, holidays, the zone, a school's half-day boundary.</summary>
    public static Capability ManageCalendar { get; } = new("core.calendar.manage");

    /// <summary>Import a school's timetable and change its sessions (cancel, move, name a replacement).</summary>
    public static Capability ManageTimetable { get; } = new("core.timetable.manage");

    /// <summary>Enable and disable plugins in schools.</summary>
    public static Capability ManagePlugins { get; } = new("core.plugins.manage");

    /// <summary>Read the usage figures (how much of the ENT's use is pedagogical) of a school or the department.</summary>
    public static Capability ViewUsage { get; } = new("core.usage.view");
}
