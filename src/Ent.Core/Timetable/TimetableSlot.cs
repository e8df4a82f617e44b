using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Timetable;

/// <summary>
/// A weekly slot of a school's timetable (emploi du temps): a subject taught to a class or a group by a teacher, in a room, on
/// a weekday from a time to a time, every week or in week A or B, between two dates.
/// </summary>
public sealed record TimetableSlot
{
    /// <summary>The longest room name.</summary>
    public const int MaxRoomLength = 50;

    /// <summary>Creates a slot.</summary>
    /// <param name="id">The slot's id.</param>
    /// <param name="school">The school.</param>
    /// <param name="audience">The class or group taught.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="teacher">The teacher.</param>
    /// <param name="room">The room, if any.</param>
    /// <param name="day">The weekday, Monday to Saturday.</param>
    /// <param name="start">When it starts.</param>
    /// <param name="end">When it ends, after it starts.</param>
    /// <param name="weeks">Every week, week A or week B.</param>
    /// <param name="valid">The dates between which the slot is taught.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public TimetableSlot(TimetableSlotId id, SchoolId school, CourseAudience audience, Subject subject, PersonId teacher, string? room,
        DayOfWeek day, TimeOnly start, TimeOnly end, TeachingWeeks weeks, DateRange valid)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (audience.Class is null == audience.Group is null)
        {
            throw new ArgumentException("A slot is taught to one class or one group.", nameof(audience));
        }

        if (day == DayOfWeek.Sunday || !Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"A slot is taught Monday to Saturday, not on {day}.");
        }

        if (end <= start)
        {
            throw new ArgumentException($"A slot ends after it starts: {start:HH\\:mm}–{end:HH\\:mm} does not.", nameof(end));
        }

        if (!Enum.IsDefined(weeks))
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, $"{(int)weeks} is not a choice of weeks (every week, week A, week B).");
        }

        if (room is { Length: > MaxRoomLength })
        {
            throw new ArgumentException($"A room's name has at most {MaxRoomLength} characters; '{room[..20]}…' has {room.Length}.", nameof(room));
        }

        (Id, School, Audience, Subject, Teacher, Room, Day, Start, End, Weeks, Valid) =
            (id, school, audience, subject, teacher, string.IsNullOrWhiteSpace(room) ? null : room.Trim(), day, start, end, weeks, valid);
    }

    /// <summary>The slot's id.</summary>
    public TimetableSlotId Id { get; }

    /// <summary>The school.</summary>
    public SchoolId School { get; }

    /// <summary>The class or group taught.</summary>
    public CourseAudience Audience { get; }

    /// <summary>The subject.</summary>
    public Subject Subject { get; }

    /// <summary>The teacher.</summary>
    public PersonId Teacher { get; }

    /// <summary>The room, or null.</summary>
    public string? Room { get; }

    /// <summary>The weekday.</summary>
    public DayOfWeek Day { get; }

    /// <summary>When it starts.</summary>
    public TimeOnly Start { get; }

    /// <summary>When it ends.</summary>
    public TimeOnly End { get; }

    /// <summary>Every week, week A or week B.</summary>
    public TeachingWeeks Weeks { get; }

    /// <summary>The dates between which the slot is taught.</summary>
    public DateRange Valid { get; }
}
