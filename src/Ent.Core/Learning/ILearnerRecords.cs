using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Learning;

/// <summary>Learners' progress and evidence, with rights checked on every call.</summary>
public interface ILearnerRecords
{
    /// <summary>Records a learner's progress on an activity of a course, publishing <see cref="Events.ActivityProgressRecorded"/>.</summary>
    /// <param name="actor">The learner themself or a teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity, which must belong to the course.</param>
    /// <param name="learner">The learner, who must be enrolled in the course's class or group today.</param>
    /// <param name="status">The new status.</param>
    /// <param name="evidence">Evidence to add, if any.</param>
    /// <param name="cancellationToken">Cancels the publication of the event.</param>
    /// <exception cref="AccessDeniedException">The actor may not record this learner's progress.</exception>
    /// <exception cref="ArgumentException">The activity is not in the course, or the learner not enrolled.</exception>
    Task<ActivityProgress> RecordAsync(Actor actor, CourseId course, ActivityId activity, PersonId learner, CompletionStatus status, Evidence? evidence = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a learner's progress on every activity of a course.</summary>
    /// <param name="actor">The learner, their parent, or a teacher of the course.</param>
    /// <param name="course">The course.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The actor may not read this learner's progress.</exception>
    Task<IReadOnlyDictionary<ActivityId, ActivityProgress>> ProgressOfAsync(Actor actor, CourseId course, PersonId learner, CancellationToken cancellationToken = default);
}
