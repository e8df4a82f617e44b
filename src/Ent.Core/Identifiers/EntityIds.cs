namespace Ent.Core.Identifiers;

// Strongly typed identifiers: one small family of value types, so that a school id can never be
// passed where a class id is expected. Version 7 GUIDs sort by creation time, which suits storage.

/// <summary>Identifies a department (the tenant).</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct DepartmentId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static DepartmentId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a school (établissement).</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct SchoolId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static SchoolId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a class (division).</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct ClassId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static ClassId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a teaching group (a set of learners drawn from one or more classes).</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct GroupId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static GroupId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a person: learner, teacher, parent or staff member.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct PersonId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static PersonId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies an enrolment of a learner in a class or group.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct EnrolmentId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static EnrolmentId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies an academic year.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct AcademicYearId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static AcademicYearId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a period (trimester or semester) of an academic year.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct PeriodId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static PeriodId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a course.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct CourseId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static CourseId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a sequence of activities within a course.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct SequenceId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static SequenceId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies an activity within a sequence.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct ActivityId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static ActivityId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a domain event.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct EventId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static EventId New() => new(Guid.CreateVersion7());
}

/// <summary>Identifies a weekly slot of a school's timetable.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct TimetableSlotId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier.</summary>
    public static TimetableSlotId New() => new(Guid.CreateVersion7());
}

/// <summary>
/// Identifies one session of a timetable: a slot on the day it is scheduled. Derived from the two, so that the same session
/// has the same id however and whenever the timetable is read (a roll call is kept under it), even once the session is moved.
/// </summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct SessionId(Guid Value)
{
    /// <summary>The id of a slot's session on the day it is scheduled.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="scheduledOn">The day the slot gives it (before any move).</param>
    public static SessionId Of(TimetableSlotId slot, DateOnly scheduledOn) =>
        new(NameBasedId.Of(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"session/{slot.Value:N}/{scheduledOn:yyyy-MM-dd}")));
}
