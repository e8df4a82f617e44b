using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.FlippedClassroom.Plans;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>One of a teacher's timetable sessions, and whether it is flipped.</summary>
/// <param name="Session">The session, as it is taught.</param>
/// <param name="Course">The course it teaches, or null when the school has none for its class or group and subject.</param>
/// <param name="CourseTitle">The course's title, or the subject's name.</param>
/// <param name="Audience">The class's or group's name.</param>
/// <param name="Title">The flipped session's title, or null when it is not flipped.</param>
/// <param name="Published">Whether pupils see it.</param>
public sealed record SessionToFlip(Session Session, CourseId? Course, string CourseTitle, string Audience, string? Title, bool Published);

/// <summary>A flipped session as its teacher reads it.</summary>
/// <param name="Id">The timetable session's id.</param>
/// <param name="School">The school.</param>
/// <param name="Course">The course.</param>
/// <param name="CourseTitle">The course's title.</param>
/// <param name="Audience">The class's or group's name.</param>
/// <param name="Taught">The session as the timetable teaches it now (after a move), or null when it was cancelled or is no longer in the timetable.</param>
/// <param name="Timing">When its phases begin and end, read from <paramref name="Taught"/>; null with it.</param>
/// <param name="Phase">The phase now; null when the session is not taught.</param>
/// <param name="Content">What the teacher wrote.</param>
/// <param name="Published">Since when pupils see it, or null.</param>
/// <param name="RemindedAt">When pupils who had not prepared were last reminded, or null.</param>
/// <param name="Groups">The groups made, or null.</param>
public sealed record FlippedSession(SessionId Id, SchoolId School, CourseId Course, string CourseTitle, string Audience, Session? Taught, SessionTiming? Timing, SessionPhase? Phase,
    FlippedSessionDraft Content, DateTimeOffset? Published, DateTimeOffset? RemindedAt, SessionGroups? Groups);

/// <summary>A question as a pupil sees it: without its answer; with their result once the check is closed.</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Kind">How it is answered.</param>
/// <param name="Prompt">The question.</param>
/// <param name="Options">For a choice, the options.</param>
/// <param name="Given">The pupil's answer, or null.</param>
/// <param name="Result">Right, wrong or to mark, once the check is closed; null before.</param>
/// <param name="Correction">The right answer (an option, a number), once the check is closed; null before and for short texts.</param>
public sealed record QuestionToAnswer(Guid Id, QuestionKind Kind, string Prompt, ImmutableArray<string> Options, Answer? Given, Marking? Result, string? Correction);

/// <summary>A resource as a pupil sees it, with the time the ENT counted.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Spent">The time counted on it, or null when it was never marked done.</param>
/// <param name="Open">Whether the pupil opened it and has not said it is done.</param>
public sealed record ResourceToStudy(Resource Resource, TimeSpan? Spent, bool Open);

/// <summary>A flipped session as a pupil prepares and follows it.</summary>
/// <param name="Id">The timetable session's id.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="CourseTitle">The course's title.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Taught">The session as it is taught, or null when cancelled.</param>
/// <param name="Timing">Its timing, or null when cancelled.</param>
/// <param name="Phase">The phase now, or null when cancelled.</param>
/// <param name="Resources">What to study.</param>
/// <param name="Check">The readiness check.</param>
/// <param name="CheckOpen">Whether it still takes answers.</param>
/// <param name="InClass">The activities in class, shown once the session has begun.</param>
/// <param name="ExitTicket">The exit ticket, shown once the session has begun.</param>
/// <param name="ExitTicketOpen">Whether it takes answers.</param>
/// <param name="Homework">The homework, shown once the session has begun.</param>
/// <param name="Group">The pupils of their group, once groups are made and the session has begun; empty otherwise.</param>
public sealed record Preparation(SessionId Id, PersonId Pupil, string CourseTitle, string Title, Session? Taught, SessionTiming? Timing, SessionPhase? Phase,
    ImmutableArray<ResourceToStudy> Resources, ImmutableArray<QuestionToAnswer> Check, bool CheckOpen, ImmutableArray<string> InClass,
    ImmutableArray<QuestionToAnswer> ExitTicket, bool ExitTicketOpen, string? Homework, ImmutableArray<PersonId> Group);

/// <summary>A flipped session in a pupil's "to prepare" list.</summary>
/// <param name="Id">The timetable session's id.</param>
/// <param name="Course">The course.</param>
/// <param name="CourseTitle">The course's title.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Taught">The session as it is taught.</param>
/// <param name="Due">When the readiness check is due.</param>
/// <param name="Answered">How many questions of the check the pupil answered.</param>
/// <param name="Questions">How many it has.</param>
/// <param name="ExitTicketOpen">Whether its exit ticket takes answers now.</param>
public sealed record ToPrepare(SessionId Id, CourseId Course, string CourseTitle, string Title, Session Taught, DateTimeOffset Due, int Answered, int Questions, bool ExitTicketOpen);

/// <summary>A pupil's readiness, named, for the teacher's plan.</summary>
/// <param name="Readiness">Their readiness.</param>
/// <param name="Name">Their name.</param>
/// <param name="ToMark">Their short answers the teacher has still to mark, by question.</param>
public sealed record NamedReadiness(PupilReadiness Readiness, string Name, ImmutableArray<Guid> ToMark);

/// <summary>A short answer for the teacher to mark.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Their name.</param>
/// <param name="Part">The check or the exit ticket.</param>
/// <param name="Question">The question.</param>
/// <param name="Text">The answer.</param>
/// <param name="Mark">The teacher's mark so far, or null.</param>
public sealed record ShortAnswer(PersonId Pupil, string Name, CheckPart Part, Question Question, string Text, bool? Mark);

/// <summary>
/// The teacher's plan for a flipped session: its timing, the class's readiness before class (who prepared, the distribution, the
/// questions from the most missed with peer instruction's suggestions), the short answers to mark, the groups, and after class the
/// exit ticket's results.
/// </summary>
/// <param name="Session">The flipped session.</param>
/// <param name="Pupils">The session's pupils with their readiness, by name.</param>
/// <param name="Readiness">The readiness check summed up.</param>
/// <param name="ExitTicket">The exit ticket summed up (empty questions when there is none).</param>
/// <param name="ShortAnswers">The short answers, to mark or marked.</param>
/// <param name="Names">The pupils' names, by id (for the groups).</param>
public sealed record SessionPlan(FlippedSession Session, ImmutableArray<NamedReadiness> Pupils, ReadinessSummary Readiness, ReadinessSummary ExitTicket,
    ImmutableArray<ShortAnswer> ShortAnswers, ImmutableDictionary<PersonId, string> Names);

/// <summary>One flipped session of a school's week, summed up for the readiness dashboard.</summary>
/// <param name="Id">The timetable session's id.</param>
/// <param name="Taught">The session.</param>
/// <param name="CourseTitle">The course's title.</param>
/// <param name="Audience">The class's or group's name.</param>
/// <param name="Title">The flipped session's title.</param>
/// <param name="Pupils">How many pupils the session has.</param>
/// <param name="Prepared">How many prepared.</param>
/// <param name="MeanScore">The prepared pupils' mean score, or null when none is marked.</param>
/// <param name="ToExplain">How many questions fewer than 35 % got right (to explain again).</param>
public sealed record SessionReadiness(SessionId Id, Session Taught, string CourseTitle, string Audience, string Title, int Pupils, int Prepared, double? MeanScore, int ToExplain);

/// <summary>A school's week of flipped sessions and their readiness.</summary>
/// <param name="School">The school.</param>
/// <param name="Monday">The week's Monday.</param>
/// <param name="Sessions">Its flipped sessions, in order of day and time.</param>
public sealed record WeekReadiness(SchoolId School, DateOnly Monday, ImmutableArray<SessionReadiness> Sessions);
