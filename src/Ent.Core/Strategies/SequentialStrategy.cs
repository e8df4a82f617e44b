using System.Collections.Immutable;
using Ent.Core.Learning;
using Ent.Core.Text;

namespace Ent.Core.Strategies;

/// <summary>
/// The default strategy: the activities the learner has not completed, in course order, skipping
/// those whose prerequisites are not yet completed.
/// </summary>
public sealed class SequentialStrategy : IPedagogicalStrategy
{
    private static readonly LocalizedText InProgress = new("Activité commencée à terminer.", "Started activity to finish.");
    private static readonly LocalizedText NextInOrder = new("Activité suivante du parcours.", "Next activity in the course.");

    /// <inheritdoc />
    public string Id => "sequential";

    /// <inheritdoc />
    public LocalizedText Name { get; } = new("Parcours dans l'ordre", "Course order");

    /// <inheritdoc />
    public LearnerProposal ProposeFor(LearnerSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var next = ImmutableArray.CreateBuilder<ProposedActivity>();
        foreach (var activity in situation.Course.Activities)
        {
            var status = situation.StatusOf(activity.Id);
            if (status == CompletionStatus.Completed
                || activity.Prerequisites.Any(p => situation.StatusOf(p) != CompletionStatus.Completed))
            {
                continue;
            }

            next.Add(new ProposedActivity(activity.Id, status == CompletionStatus.InProgress ? InProgress : NextInOrder));
        }

        return new LearnerProposal(Id, situation.Learner, next.ToImmutable());
    }
}
