using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Sdk.Operations;

namespace Ent.Plugins.PersonalisedLearning.Evidence;

/// <summary>
/// Evidence as it arrives from elsewhere: a mark recorded in the grading plugin (through its published contracts), a score recorded in
/// Ent.Core's learner records. Kept for courses that have a plan, whether or not the assessment or the activity is linked yet (linked
/// later, it counts from then on); each under a key of its source, so that a mark changed replaces the first and a mark deleted goes.
/// </summary>
internal sealed class EvidenceHandlers(IOperations operations) : IDomainEventHandler<MarkChanged>, IDomainEventHandler<ActivityProgressRecorded>
{
    /// <summary>The key of a pupil's mark on an assessment.</summary>
    public static string MarkKey(Guid assessment) => $"grading:{assessment}";

    public Task HandleAsync(MarkChanged mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return operations.HandleAsync(this, mark, async work =>
        {
            if (await PlanOfAsync(work, mark.Course, cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }

            var piece = mark.Result is { } score
                ? new EvidenceDocument(mark.Course, mark.Pupil, MarkKey(mark.Assessment), EvidenceSource.Assessment, null, mark.Assessment, null, (double)score.Scaled, mark.OccurredAt, mark.Actor)
                : null;
            await EvidenceLog.KeepAsync(work, mark.Course, mark.Pupil, MarkKey(mark.Assessment), piece, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task HandleAsync(ActivityProgressRecorded recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return operations.HandleAsync(this, recorded, async work =>
        {
            if (await PlanOfAsync(work, recorded.Course, cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }

            var progress = recorded.Progress;
            for (var i = 0; i < progress.Evidence.Length; i++)
            {
                if (progress.Evidence[i] is ScoreEvidence { Score: var score })
                {
                    var key = $"progress:{progress.Activity.Value}:{i}";
                    var piece = new EvidenceDocument(recorded.Course, progress.Learner, key, EvidenceSource.Activity, progress.Activity, null, null, (double)score.Scaled, recorded.OccurredAt, recorded.Actor);
                    await EvidenceLog.KeepAsync(work, recorded.Course, progress.Learner, key, piece, cancellationToken).ConfigureAwait(false);
                }
            }
        }, cancellationToken);
    }

    private static Task<CoursePlanDocument?> PlanOfAsync(IUnitOfWork work, CourseId course, CancellationToken cancellationToken) =>
        work.Documents<CoursePlanDocument>().FindAsync(p => p.Course == course, cancellationToken);
}
