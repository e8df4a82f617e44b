using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Groups;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>
/// Flipped sessions: a teacher attaches one to a timetable session of a course, writes the resources and the readiness check (due so
/// many hours before class), the activities in class and the exit ticket; publishes it to the session's pupils, reads their readiness
/// and the plan it suggests, makes groups, reminds those who have not prepared. Pupils of the session's class or group prepare and
/// answer until the deadline. Every operation goes through the platform's rights check on the course, with the plugin on in the school.
/// </summary>
public interface IFlippedSessions
{
    /// <summary>The actor's own timetable sessions over some days, each with its course and whether it is flipped.</summary>
    /// <param name="actor">The teacher.</param>
    /// <param name="from">The first day.</param>
    /// <param name="days">How many days, 1 to 31.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<SessionToFlip>> TeachingAsync(Actor actor, DateOnly from, int days = 14, CancellationToken cancellationToken = default);

    /// <summary>
    /// Flips a timetable session, or rewrites a flipped one. Its course is the one given, or the school's course for the session's class
    /// or group and subject.
    /// </summary>
    /// <param name="actor">A teacher of the course.</param>
    /// <param name="school">The school.</param>
    /// <param name="date">The day the session is taught.</param>
    /// <param name="session">The timetable session.</param>
    /// <param name="draft">What the teacher wrote.</param>
    /// <param name="course">The course, or null to find it from the session.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">The session is not taught that day, no course fits it, or the draft is not valid; the message names the value; nothing is stored.</exception>
    /// <exception cref="AccessDeniedException">The actor may not plan the course's sessions.</exception>
    Task<FlippedSession> SaveAsync(Actor actor, SchoolId school, DateOnly date, SessionId session, FlippedSessionDraft draft, CourseId? course = null, CancellationToken cancellationToken = default);

    /// <summary>A flipped session, for its teachers.</summary>
    /// <param name="actor">A teacher of the course, the head of school.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The flipped session, or null when the session is not flipped.</returns>
    Task<FlippedSession?> FindAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default);

    /// <summary>Shows a flipped session to its pupils and tells each of them what to prepare by when (never their families).</summary>
    /// <param name="actor">A teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many pupils were told; 0 when it was already published.</returns>
    /// <exception cref="CheckClosedException">The check's deadline has passed, or the session is cancelled.</exception>
    Task<int> PublishAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default);

    /// <summary>Un-flips a session: it, its answers and the times counted go.</summary>
    /// <param name="actor">A teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether it was flipped.</returns>
    Task<bool> RemoveAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default);

    /// <summary>The teacher's plan: the class's readiness, the questions most missed with peer instruction's suggestions, the short answers, the groups, the exit ticket.</summary>
    /// <param name="actor">A teacher of the course, the head of school.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="Ent.Core.Organisation.UnknownReferenceException">The session is not flipped.</exception>
    Task<SessionPlan> PlanAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default);

    /// <summary>Marks a pupil's short answer right or wrong.</summary>
    /// <param name="actor">A teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="part">The check or the exit ticket.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="question">The question, a short-text one.</param>
    /// <param name="right">Whether the answer is right.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">The question is not a short-text one of that part, or the pupil has not answered it.</exception>
    Task MarkAsync(Actor actor, CourseId course, SessionId session, CheckPart part, PersonId pupil, Guid question, bool right, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the session's groups: from the pupils' mastery of the course when the personalised-learning plugin is on in the school and
    /// the course has a skill map, from the readiness check otherwise; kept with the session.
    /// </summary>
    /// <param name="actor">A teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="choice">The mode, the size and the constraints.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">The size is outside 2 to 10, or a constraint names a pupil not of the session; the message names it.</exception>
    Task<SessionGroups> GroupAsync(Actor actor, CourseId course, SessionId session, GroupingChoice choice, CancellationToken cancellationToken = default);

    /// <summary>Reminds the session's pupils who have not answered the readiness check yet (never their families).</summary>
    /// <param name="actor">A teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <returns>How many pupils were reminded.</returns>
    /// <exception cref="CheckClosedException">The session is not published, or the check's deadline has passed.</exception>
    Task<int> RemindAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default);

    /// <summary>A school's flipped sessions of a week and their readiness: the readiness dashboard.</summary>
    /// <param name="actor">The head of school.</param>
    /// <param name="school">The school.</param>
    /// <param name="day">A day of the week.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<WeekReadiness> WeekAsync(Actor actor, SchoolId school, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The published flipped sessions a pupil has to prepare or may still answer the exit ticket of, the soonest first.</summary>
    /// <param name="actor">The pupil.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ToPrepare>> ToPrepareAsync(Actor actor, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>A published flipped session as its pupil prepares and follows it.</summary>
    /// <param name="actor">The pupil.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="Ent.Core.Organisation.UnknownReferenceException">The session is not flipped, not published, or the pupil is not of its class or group on its day.</exception>
    Task<Preparation> PreparationAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>A pupil answers the readiness check (until its deadline) or the exit ticket (while it is open): the questions answered replace their earlier answers, the others keep theirs.</summary>
    /// <param name="actor">The pupil.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="part">The check or the exit ticket.</param>
    /// <param name="answers">At least one answer, one per question at most.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="CheckClosedException">The part does not take answers now; the message says when it did.</exception>
    /// <exception cref="ArgumentException">An answer does not fit its question, names no question of the part, or a question is answered twice; nothing is stored.</exception>
    Task<Preparation> AnswerAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, CheckPart part, IReadOnlyList<Answer> answers, CancellationToken cancellationToken = default);

    /// <summary>A pupil opens a resource: the ENT starts counting their time on it.</summary>
    /// <param name="actor">The pupil.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The resource.</returns>
    Task<Resource> OpenResourceAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, Guid resource, CancellationToken cancellationToken = default);

    /// <summary>A pupil says they are done with a resource: the time since they opened it (at most two hours) is counted.</summary>
    /// <param name="actor">The pupil.</param>
    /// <param name="course">The course.</param>
    /// <param name="session">The timetable session's id.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The time counted on it so far.</returns>
    /// <exception cref="ArgumentException">The pupil has not opened it.</exception>
    Task<TimeSpan> ResourceDoneAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, Guid resource, CancellationToken cancellationToken = default);
}

/// <summary>A readiness check or an exit ticket that does not take answers now, or a session that cannot be published or reminded any more.</summary>
/// <param name="message">What is closed, and since or until when.</param>
public sealed class CheckClosedException(string message) : InvalidOperationException(message);
