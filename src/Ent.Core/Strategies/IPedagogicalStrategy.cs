using System.Collections.Immutable;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Text;

namespace Ent.Core.Strategies;

/// <summary>What is known of one learner in a course, given to a strategy.</summary>
/// <param name="Course">The course.</param>
/// <param name="Learner">The learner.</param>
/// <param name="Progress">The learner's progress, by activity; activities absent here are not started.</param>
public sealed record LearnerSituation(Course Course, PersonId Learner, IReadOnlyDictionary<ActivityId, ActivityProgress> Progress)
{
    /// <summary>The learner's status on an activity.</summary>
    /// <param name="activity">The activity.</param>
    public CompletionStatus StatusOf(ActivityId activity) => Progress.TryGetValue(activity, out var p) ? p.Status : CompletionStatus.NotStarted;
}

/// <summary>What is known of a class (or group) in a course, given to a strategy.</summary>
/// <param name="Course">The course.</param>
/// <param name="Learners">Each learner's situation.</param>
public sealed record ClassSituation(Course Course, ImmutableArray<LearnerSituation> Learners);

/// <summary>An activity proposed to a learner, and why.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Reason">Why it is proposed, for the learner and the teacher.</param>
public sealed record ProposedActivity(ActivityId Activity, LocalizedText Reason);

/// <summary>A strategy's proposal for one learner: what to do next, in order; empty when nothing remains.</summary>
/// <param name="Strategy">The id of the strategy that made it.</param>
/// <param name="Learner">The learner.</param>
/// <param name="Next">The proposed activities, most important first.</param>
public sealed record LearnerProposal(string Strategy, PersonId Learner, ImmutableArray<ProposedActivity> Next);

/// <summary>A group of learners who should work on the same activity.</summary>
/// <param name="Activity">The activity, or null for learners who have finished.</param>
/// <param name="Learners">The learners.</param>
public sealed record LearnerGrouping(ActivityId? Activity, ImmutableArray<PersonId> Learners);

/// <summary>A strategy's proposal for a class session: groupings of learners, each with an activity.</summary>
/// <param name="Strategy">The id of the strategy that made it.</param>
/// <param name="Groupings">The groupings.</param>
public sealed record ClassProposal(string Strategy, ImmutableArray<LearnerGrouping> Groupings);

/// <summary>
/// A pedagogical strategy: given a course and what is known of a learner or a class, it proposes what
/// comes next. Personalised learning, the flipped classroom and Universal Design for Learning are
/// strategies that plugins supply; Ent.Core ships <see cref="SequentialStrategy"/>.
/// </summary>
public interface IPedagogicalStrategy
{
    /// <summary>The strategy's stable id, e.g. <c>sequential</c>.</summary>
    string Id { get; }

    /// <summary>Its display name.</summary>
    LocalizedText Name { get; }

    /// <summary>Proposes what a learner should do next.</summary>
    /// <param name="situation">What is known of the learner.</param>
    LearnerProposal ProposeFor(LearnerSituation situation);

    /// <summary>Proposes groupings for a class session. By default, learners are grouped by the first activity proposed to each.</summary>
    /// <param name="situation">What is known of the class.</param>
    ClassProposal ProposeFor(ClassSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return Group(Id, situation.Learners.Select(ProposeFor));
    }

    /// <summary>
    /// Proposes what a learner should do next on behalf of an actor (the learner, their teacher): a strategy that keeps records of its
    /// own (a plugin's documents: a skill map, mastery, a teacher's decisions) reads them here, through the platform's rights check for
    /// the actor. By default, <see cref="ProposeFor(LearnerSituation)"/>.
    /// </summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="situation">What is known of the learner.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="Access.AccessDeniedException">The strategy reads its records and the actor may not read the learner's.</exception>
    ValueTask<LearnerProposal> ProposeForAsync(Access.Actor actor, LearnerSituation situation, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ProposeFor(situation));

    /// <summary>Proposes groupings for a class session on behalf of an actor: by default, grouped by the first activity <see cref="ProposeForAsync(Access.Actor, LearnerSituation, CancellationToken)"/> proposes to each.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="situation">What is known of the class.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    async ValueTask<ClassProposal> ProposeForAsync(Access.Actor actor, ClassSituation situation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var proposals = new List<LearnerProposal>(situation.Learners.Length);
        foreach (var learner in situation.Learners)
        {
            proposals.Add(await ProposeForAsync(actor, learner, cancellationToken).ConfigureAwait(false));
        }

        return Group(Id, proposals);
    }

    private static ClassProposal Group(string strategy, IEnumerable<LearnerProposal> proposals) =>
        new(strategy, [.. proposals
            .GroupBy(p => p.Next.IsEmpty ? (ActivityId?)null : p.Next[0].Activity)
            .Select(g => new LearnerGrouping(g.Key, [.. g.Select(p => p.Learner)]))]);
}
