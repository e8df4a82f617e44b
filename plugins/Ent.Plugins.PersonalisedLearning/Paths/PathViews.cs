using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>Turns the engine's positions into the views pages and callers read.</summary>
internal static class PathViews
{
    public static LearningPath PathOf(CompiledPlan plan, PupilState state, PersonId pupil, string name, int count = PathEngine.DefaultCount)
    {
        var activities = plan.Course.Activities.ToDictionary(a => a.Id);
        var next = PathEngine.Next(plan, state, count).Select(step =>
        {
            var id = plan.Plan.Activities[step.Activity].Activity;
            var set = plan.ChoiceSet[step.Activity];
            var alternatives = set < 0 ? [] : plan.ChoiceMembers[set].Where(m => m != step.Activity).Select(m => plan.Plan.Activities[m].Activity)
                .Select(a => new AlternativeActivity(a, activities[a].Title)).ToImmutableArray();
            return new NextActivity(id, activities[id].Title, activities[id].Kind, step.Reason.Kind, PathText.Reason(plan, step.Reason), alternatives);
        }).ToImmutableArray();
        var locked = PathEngine.Locked(plan, state).Select(l =>
        {
            var id = plan.Plan.Activities[l.Activity].Activity;
            return new LockedActivity(id, activities[id].Title, [.. l.Conditions.Select(c => PathText.Unlock(plan, c))]);
        }).ToImmutableArray();
        var done = Enumerable.Range(0, plan.Count).Where(a => state.Done[a])
            .Select(a => (Index: a, Id: plan.Plan.Activities[a].Activity))
            .Select(d => new DoneActivity(d.Id, activities[d.Id].Title, double.IsNaN(state.Score[d.Index]) ? null : state.Score[d.Index])).ToImmutableArray();
        return new LearningPath(plan.Course.Id, plan.Course.Title, pupil, name, plan.Plan.MasteryThreshold, next, locked, done, SkillsOf(plan, state));
    }

    public static ImmutableArray<SkillMastery> SkillsOf(CompiledPlan plan, PupilState state) =>
        [.. CourseSkills(plan).Select(s => new SkillMastery(plan.Graph.Skills[s].Id, plan.Graph.Skills[s].Name, state.Mastery[s], state.Mastery[s] >= plan.Plan.MasteryThreshold, state.Answers[s]))];

    /// <summary>The skills a course works on and those they need, each after its prerequisites.</summary>
    public static IEnumerable<int> CourseSkills(CompiledPlan plan)
    {
        var used = new bool[plan.Graph.Skills.Length];
        for (var s = 0; s < used.Length; s++)
        {
            if (plan.CourseSkill[s] || plan.Plan.Assessments.Any(a => a.Skills.Contains(plan.Graph.Skills[s].Id)))
            {
                used[s] = true;
                foreach (var ancestor in plan.Graph.AncestorsOf(s))
                {
                    used[ancestor] = true;
                }
            }
        }

        return Enumerable.Range(0, used.Length).Where(s => used[s]);
    }

    public static string NameOf(IOrganisationDirectory directory, PersonId person) => directory.ListNameOf(person);

    public static ImmutableArray<Skill> SkillList(CompiledPlan plan) => [.. CourseSkills(plan).Select(s => plan.Graph.Skills[s])];
}
