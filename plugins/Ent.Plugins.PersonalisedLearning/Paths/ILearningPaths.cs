using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>
/// Pupils' paths through courses: each operation checks the actor's rights on the course and the pupil, and the plugin's
/// enablement in the course's school.
/// </summary>
public interface ILearningPaths
{
    /// <summary>A pupil's path: the pupil, a parent of theirs, the course's teachers and the head of school.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="course">The course.</param>
    /// <param name="pupil">The pupil, of the course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<LearningPath> PathOfAsync(Actor actor, CourseId course, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a pupil's answer or score on an activity (the pupil, or a teacher of the course for them) and returns the path it
    /// leads to. Recorded again with the same key it counts once (with another score, it replaces the first).
    /// </summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity, linked in the course's plan.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="cancellationToken">Cancels the recording before it is saved.</param>
    /// <exception cref="ArgumentException">The activity is not linked, or the answer's key, item or score is invalid; the message names it.</exception>
    /// <exception cref="ActivityLockedException">The pupil's path keeps the activity locked (a gate, a prerequisite, a trigger not yet done); nothing is recorded.</exception>
    Task<LearningPath> RecordAnswerAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, ActivityAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>Chooses one of a set of equivalent activities for the pupil (the pupil, or a teacher for them).</summary>
    /// <param name="actor">Who chooses.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity chosen, part of a choice set.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="cancellationToken">Cancels the choice before it is saved.</param>
    /// <exception cref="ArgumentException">The activity is not part of a choice set of the plan.</exception>
    Task<LearningPath> ChooseAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>A class's mastery map, who is stuck where and the groups suggested for the next lesson: the course's teachers and the head of school.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ClassMastery> ClassOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>Pins, skips or assigns an activity for pupils or a group, with the reason kept: the course's teachers and the head of school.</summary>
    /// <param name="actor">The teacher.</param>
    /// <param name="course">The course.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <returns>How many pupils it applies to.</returns>
    /// <exception cref="ArgumentException">The activity is not linked, the reason is empty or too long, no pupil is given, or a pupil is not of the course; the message names it.</exception>
    Task<int> DecideAsync(Actor actor, CourseId course, PathDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Takes back a teacher's decision on an activity for a pupil.</summary>
    /// <param name="actor">The teacher.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <returns>Whether there was a decision to take back.</returns>
    Task<bool> UndecideAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>The teachers' decisions in a course, for its teachers: who, what, why.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<PathDecisionRecord>> DecisionsOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);
}

/// <summary>A teacher's decision as kept.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="PupilName">Their name.</param>
/// <param name="Activity">The activity.</param>
/// <param name="ActivityTitle">Its title.</param>
/// <param name="Kind">Pin, skip or assign.</param>
/// <param name="Reason">Why.</param>
/// <param name="Group">The group it was decided for, if any.</param>
/// <param name="By">The teacher.</param>
/// <param name="At">When.</param>
public sealed record PathDecisionRecord(PersonId Pupil, string PupilName, ActivityId Activity, string ActivityTitle, OverrideKind Kind, string Reason, GroupId? Group, PersonId By, DateTimeOffset At);
