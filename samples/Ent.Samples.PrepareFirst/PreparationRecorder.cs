using Ent.Core.Events;
using Ent.Core.Learning;
using Ent.Sdk.Operations;

namespace Ent.Samples.PrepareFirst;

/// <summary>
/// Keeps each learner's preparation as activities are completed: an event subscriber writing the plugin's documents. The
/// platform runs it in a unit of work of the event's school and runs it again if another event of the same learner was saved first.
/// </summary>
/// <param name="operations">Opens the plugin's units of work.</param>
public sealed class PreparationRecorder(IOperations operations) : IDomainEventHandler<ActivityProgressRecorded>
{
    /// <inheritdoc />
    public Task HandleAsync(ActivityProgressRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Progress.Status != CompletionStatus.Completed || domainEvent.School is null)
        {
            return Task.CompletedTask;
        }

        return operations.HandleAsync(this, domainEvent, async work =>
        {
            var preparations = work.Documents<LearnerPreparation>();
            var (course, learner) = (domainEvent.Course, domainEvent.Progress.Learner);
            var score = domainEvent.Progress.LatestScore?.Scaled;
            var known = await preparations.FindAsync(p => p.Course == course && p.Learner == learner, cancellationToken).ConfigureAwait(false);
            if (known is null)
            {
                preparations.Add(new LearnerPreparation(course, learner, 1, score, domainEvent.OccurredAt));
            }
            else
            {
                preparations.Replace(known with { Completed = known.Completed + 1, LatestScore = score ?? known.LatestScore, LastActivityAt = domainEvent.OccurredAt });
            }
        }, cancellationToken);
    }
}
