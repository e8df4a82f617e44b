using Ent.Core.Courses;
using Ent.Core.Identifiers;

namespace Ent.Core.Timetable;

/// <summary>One session of a timetable, as it is taught: a slot on a day, with the day's changes applied.</summary>
/// <param name="Id">The session's id (the slot and the day it is scheduled).</param>
/// <param name="Slot">The slot it comes from.</param>
/// <param name="School">The school.</param>
/// <param name="Audience">The class or group taught.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Teacher">Who teaches it: the slot's teacher, or the replacement.</param>
/// <param name="Room">The room, or null.</param>
/// <param name="Date">The day it is taught.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends.</param>
/// <param name="ScheduledOn">The day the slot gives it (the same as <paramref name="Date"/> unless it was moved).</param>
/// <param name="Change">The change applied to it, or null.</param>
public sealed record Session(SessionId Id, TimetableSlotId Slot, SchoolId School, CourseAudience Audience, Subject Subject, PersonId Teacher, string? Room,
    DateOnly Date, TimeOnly Start, TimeOnly End, DateOnly ScheduledOn, SessionChange? Change)
{
    /// <summary>Whether a replacement teacher teaches it.</summary>
    public bool Replaced => Change?.Replacement is not null;

    /// <summary>Whether it was moved to another day or time.</summary>
    public bool Moved => Date != ScheduledOn || Change?.Start is not null || Change?.End is not null;
}
