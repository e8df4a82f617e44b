using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Groups;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>
/// A flipped session as it is kept: the timetable session it is attached to (its id does not change when the school moves it; its
/// slot and the day it was scheduled find it again), the course it belongs to, and what the teacher wrote.
/// </summary>
/// <param name="Session">The timetable session's id.</param>
/// <param name="School">The school.</param>
/// <param name="Course">The course.</param>
/// <param name="Slot">The session's timetable slot.</param>
/// <param name="ScheduledOn">The day its slot gives it (before any move).</param>
/// <param name="Title">The title.</param>
/// <param name="Resources">The resources.</param>
/// <param name="Check">The readiness check.</param>
/// <param name="HoursBefore">How many hours before class the check is due.</param>
/// <param name="InClass">The activities in class.</param>
/// <param name="ExitTicket">The exit ticket.</param>
/// <param name="ExitTicketDays">How many days the exit ticket stays open.</param>
/// <param name="Homework">The homework.</param>
/// <param name="Published">Since when pupils see it; null while the teacher prepares it.</param>
/// <param name="RemindedAt">When pupils who had not prepared were last reminded, or null.</param>
/// <param name="Groups">The groups made for the session, or null.</param>
/// <param name="By">The teacher who flipped it.</param>
/// <param name="At">When it was last changed.</param>
internal sealed record FlippedSessionDocument(SessionId Session, SchoolId School, CourseId Course, TimetableSlotId Slot, DateOnly ScheduledOn, string Title,
    ImmutableArray<Resource> Resources, ImmutableArray<Question> Check, int HoursBefore, ImmutableArray<string> InClass, ImmutableArray<Question> ExitTicket,
    int ExitTicketDays, string? Homework, DateTimeOffset? Published, DateTimeOffset? RemindedAt, SessionGroups? Groups, PersonId By, DateTimeOffset At)
{
    public FlippedSessionDraft ToDraft() => new(Title, Resources, Check, HoursBefore, InClass, ExitTicket, ExitTicketDays, Homework);
}

/// <summary>The part of a flipped session a pupil answers.</summary>
public enum CheckPart
{
    /// <summary>The readiness check, before class.</summary>
    Readiness,

    /// <summary>The exit ticket, after class.</summary>
    ExitTicket,
}

/// <summary>A pupil's answers to one part of a flipped session, with the teacher's marks of their short texts.</summary>
/// <param name="Session">The timetable session's id.</param>
/// <param name="Part">The readiness check or the exit ticket.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Answers">Their answers.</param>
/// <param name="Marks">The teacher's marks, by question (true when right).</param>
/// <param name="At">When they last answered.</param>
internal sealed record AnswerSheetDocument(SessionId Session, CheckPart Part, PersonId Pupil, ImmutableArray<Answer> Answers, ImmutableDictionary<Guid, bool> Marks, DateTimeOffset At);

/// <summary>The time a pupil spent on a session's resource, as the ENT measured it: from opening it to saying it is done.</summary>
/// <param name="Session">The timetable session's id.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Resource">The resource.</param>
/// <param name="OpenedAt">When they last opened it.</param>
/// <param name="Spent">The time counted so far.</param>
internal sealed record ResourceTimeDocument(SessionId Session, PersonId Pupil, Guid Resource, DateTimeOffset OpenedAt, TimeSpan Spent);
