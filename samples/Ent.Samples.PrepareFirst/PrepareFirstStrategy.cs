using System.Collections.Immutable;
using Ent.Core.Courses;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Microsoft.Extensions.Options;

namespace Ent.Samples.PrepareFirst;

/// <summary>
/// A small sample strategy, "prepare first": first the preparation done at home (videos and readings),
/// then the readiness quiz, then the in-class and follow-up work. A learner whose readiness quiz
/// fell below the threshold is sent back to the preparation before anything else.
/// </summary>
/// <param name="options">The strategy's settings.</param>
public sealed class PrepareFirstStrategy(IOptions<PrepareFirstOptions> options) : IPedagogicalStrategy
{
    /// <summary>The strategy's id.</summary>
    public const string StrategyId = "sample.prepare-first";

    private static readonly LocalizedText Prepare = new("À préparer avant la séance.", "To prepare before the session.");
    private static readonly LocalizedText Review = new("Quiz de préparation sous le seuil : revoir la préparation.", "Readiness quiz below the threshold: review the preparation.");
    private static readonly LocalizedText CheckReadiness = new("Vérifier sa préparation.", "Check readiness.");
    private static readonly LocalizedText InClass = new("Travail de la séance.", "Session work.");

    /// <inheritdoc />
    public string Id => StrategyId;

    /// <inheritdoc />
    public LocalizedText Name { get; } = new("Préparer d'abord", "Prepare first");

    /// <inheritdoc />
    public LearnerProposal ProposeFor(LearnerSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var activities = situation.Course.Activities.ToArray();
        var preparation = activities.Where(a => a.Kind is "video" or "reading").ToArray();
        var readiness = activities.Where(IsReadinessCheck).ToArray();
        var failedReadiness = readiness.Any(a => situation.Progress.TryGetValue(a.Id, out var p)
            && p.LatestScore is { } score && score.Scaled < options.Value.ReadinessThreshold);

        var next = ImmutableArray.CreateBuilder<ProposedActivity>();
        if (failedReadiness)
        {
            next.AddRange(preparation.Select(a => new ProposedActivity(a.Id, Review)));
        }

        next.AddRange(Open(preparation, situation).Select(a => new ProposedActivity(a.Id, Prepare)));
        next.AddRange(Open(readiness, situation).Select(a => new ProposedActivity(a.Id, CheckReadiness)));
        next.AddRange(Open(activities.Except(preparation).Except(readiness), situation).Select(a => new ProposedActivity(a.Id, InClass)));
        return new LearnerProposal(Id, situation.Learner, next.DistinctBy(p => p.Activity).ToImmutableArray());
    }

    private static bool IsReadinessCheck(Activity activity) =>
        activity.Kind == PrepareFirstPlugin.ReadinessQuiz.Id || activity.Kind == ActivityKind.Quiz.Id;

    private static IEnumerable<Activity> Open(IEnumerable<Activity> activities, LearnerSituation situation) =>
        activities.Where(a => situation.StatusOf(a.Id) != CompletionStatus.Completed);
}
