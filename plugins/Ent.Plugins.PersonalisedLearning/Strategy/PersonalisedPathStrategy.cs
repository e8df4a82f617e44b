using Ent.Core.Access;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Strategy;

/// <summary>
/// Personalised paths as an Ent.Core strategy, so that hosts and other plugins see them. On behalf of an actor it proposes the
/// pupil's path as the plugin keeps it (the course's skill map, the pupil's mastery from all their evidence, the teachers'
/// decisions), checked for the actor. Without an actor, or for a course without a skill map, it applies mastery learning to what the
/// situation holds: each activity is a skill of its own, its prerequisites those of the course, its mastery traced from the scores
/// recorded on it, so that an activity waits until the activities it needs are mastered, not merely completed.
/// </summary>
internal sealed class PersonalisedPathStrategy(PathService paths) : IPedagogicalStrategy
{
    public string Id => "personalised-paths";

    public LocalizedText Name { get; } = new("Parcours personnalisés (maîtrise)", "Personalised paths (mastery)");

    public LearnerProposal ProposeFor(LearnerSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var (plan, state) = FromSituation(situation);
        var next = PathEngine.Next(plan, state, PathEngine.DefaultCount)
            .Select(step => new ProposedActivity(plan.Plan.Activities[step.Activity].Activity, PathText.Reason(plan, step.Reason)));
        return new LearnerProposal(Id, situation.Learner, [.. next]);
    }

    public async ValueTask<LearnerProposal> ProposeForAsync(Actor actor, LearnerSituation situation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var path = await paths.PlannedPathOfAsync(actor, situation.Course.Id, situation.Learner, cancellationToken).ConfigureAwait(false);
        return path is null
            ? ProposeFor(situation)
            : new LearnerProposal(Id, situation.Learner, [.. path.Next.Select(n => new ProposedActivity(n.Activity, n.Why))]);
    }

    /// <summary>The course's own graph: one skill per activity, named after it, needing the skills of its prerequisites; its scores as evidence.</summary>
    private static (CompiledPlan Plan, PupilState State) FromSituation(LearnerSituation situation)
    {
        var activities = situation.Course.Activities.ToArray();
        var skills = activities.ToDictionary(a => a.Id, a => new SkillId(a.Id.Value));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var graph = SkillGraph.Create(activities.Select(a => new Skill(skills[a.Id], Unique(names, a.Title), [.. a.Prerequisites.Select(p => skills[p])], null, BktParameters.Default)));
        var plan = CompiledPlan.Create(situation.Course, graph,
            new CoursePlan(situation.Course.Id, CoursePlan.DefaultMasteryThreshold, [.. activities.Select(a => ActivityLink.For(a.Id, ActivityRole.Learn, skills[a.Id]))], []));
        var evidence = situation.Progress.Values.SelectMany(progress => progress.Evidence
            .Select((e, i) => (Evidence: e, Index: i))
            .Where(e => e.Evidence is ScoreEvidence)
            .Select(e => new EvidenceDocument(situation.Course.Id, situation.Learner, $"progress:{progress.Activity.Value}:{e.Index}", EvidenceSource.Activity, progress.Activity, null, null,
                (double)((ScoreEvidence)e.Evidence).Score.Scaled, progress.UpdatedAt.AddTicks(e.Index), situation.Learner)));
        var state = MasteryBook.StateOf(plan, evidence, [], []);
        return (plan, state);
    }

    /// <summary>Activity titles may repeat in a course; skills of a graph may not.</summary>
    private static string Unique(HashSet<string> names, string title)
    {
        var name = title.Length > Skill.MaxNameLength ? title[..Skill.MaxNameLength] : title;
        for (var n = 2; !names.Add(name); n++)
        {
            name = $"{title[..Math.Min(title.Length, Skill.MaxNameLength - 6)]} ({n})";
        }

        return name;
    }
}
