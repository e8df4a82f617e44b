using System.Collections.Frozen;
using System.Globalization;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>
/// A course's plan checked against the course and its school's skill graph, and laid out in arrays for the path engine: each linked
/// activity with its skills, the prerequisites it waits for, its gate, its choice set and the range that selects it.
/// </summary>
internal sealed class CompiledPlan
{
    private readonly FrozenDictionary<ActivityId, int> _index;

    private CompiledPlan(Course course, SkillGraph graph, CoursePlan plan, FrozenDictionary<ActivityId, int> index)
    {
        (Course, Graph, Plan, _index) = (course, graph, plan, index);
        var n = plan.Activities.Length;
        Skills = new int[n][];
        Waits = new int[n][];
        GateSkill = new int[n];
        GateActivity = new int[n];
        ChoiceSet = new int[n];
        Trigger = new int[n];
        RangeOf = new int[n];
        CourseSkill = new bool[graph.Skills.Length];
        var choices = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        for (var a = 0; a < n; a++)
        {
            var link = plan.Activities[a];
            Skills[a] = [.. link.Skills.Select(graph.IndexOf)];
            foreach (var s in Skills[a])
            {
                CourseSkill[s] = true;
            }

            Waits[a] = [.. Skills[a].SelectMany(s => graph.PrerequisiteIndexes[s]).Distinct().Where(p => !Skills[a].Contains(p)).Order()];
            GateSkill[a] = link.Gate?.Skill is { } gs ? graph.IndexOf(gs) : -1;
            GateActivity[a] = link.Gate?.Activity is { } ga ? index[ga] : -1;
            (Trigger[a], RangeOf[a]) = (-1, -1);
            if (link.Choice is { } choice)
            {
                if (!choices.TryGetValue(choice, out var set))
                {
                    choices[choice] = set = members.Count;
                    members.Add([]);
                }

                ChoiceSet[a] = set;
                members[set].Add(a);
            }
            else
            {
                ChoiceSet[a] = -1;
            }
        }

        ChoiceMembers = [.. members.Select(m => m.ToArray())];
        AssessmentSkills = plan.Assessments.ToFrozenDictionary(a => a.Assessment, a => (Skills: a.Skills.Select(graph.IndexOf).ToArray(), a.PassScore));
        for (var t = 0; t < n; t++)
        {
            var ranges = plan.Activities[t].Ranges;
            for (var r = 0; r < ranges.Length; r++)
            {
                foreach (var target in ranges[r].Activities)
                {
                    (Trigger[index[target]], RangeOf[index[target]]) = (t, r);
                }
            }
        }

        // How much of the course rests on each skill: its dependents (through any chain) among the course's skills, for ranking.
        Reach = new double[graph.Skills.Length];
        var courseSkills = CourseSkill.Count(s => s);
        for (var s = graph.Skills.Length - 1; s >= 0; s--)
        {
            if (courseSkills > 0)
            {
                Reach[s] = (double)graph.DescendantsOf(s).Count(d => CourseSkill[d]) / courseSkills;
            }
        }
    }

    /// <summary>The course.</summary>
    public Course Course { get; }

    /// <summary>The school's skills.</summary>
    public SkillGraph Graph { get; }

    /// <summary>The plan as given.</summary>
    public CoursePlan Plan { get; }

    /// <summary>How many activities are linked.</summary>
    public int Count => Plan.Activities.Length;

    internal int[][] Skills { get; }

    /// <summary>The skills an activity waits for: the prerequisites of its skills that are not its skills.</summary>
    internal int[][] Waits { get; }

    internal int[] GateSkill { get; }

    internal int[] GateActivity { get; }

    internal int[] ChoiceSet { get; }

    internal int[][] ChoiceMembers { get; }

    /// <summary>For an activity a range leads to: the trigger activity (−1 otherwise) and the range's position in it.</summary>
    internal int[] Trigger { get; }

    internal int[] RangeOf { get; }

    internal bool[] CourseSkill { get; }

    /// <summary>Each linked assessment's skills, as positions in the graph, and its pass score.</summary>
    internal FrozenDictionary<Guid, (int[] Skills, double PassScore)> AssessmentSkills { get; }

    internal double[] Reach { get; }

    /// <summary>An activity's position in the plan, or −1 when it is not linked.</summary>
    /// <param name="activity">The activity.</param>
    public int IndexOf(ActivityId activity) => _index.TryGetValue(activity, out var i) ? i : -1;

    /// <summary>Checks a plan against its course and the school's skills, and compiles it.</summary>
    /// <param name="course">The course.</param>
    /// <param name="graph">The school's skills.</param>
    /// <param name="plan">The plan.</param>
    /// <exception cref="ArgumentException">The plan names an activity not of the course or twice, a skill not of the school, an invalid gate or range, or a threshold outside (0, 1); the message names it.</exception>
    public static CompiledPlan Create(Course course, SkillGraph graph, CoursePlan plan)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Course != course.Id)
        {
            throw new ArgumentException($"The plan is of course {plan.Course.Value}, not of '{course.Title}' ({course.Id.Value}).", nameof(plan));
        }

        if (!(plan.MasteryThreshold > 0 && plan.MasteryThreshold < 1))
        {
            throw new ArgumentException($"A mastery threshold lies strictly between 0 and 1; {Show(plan.MasteryThreshold)} does not.", nameof(plan));
        }

        if (plan.Activities.Length > CoursePlan.MaxActivities)
        {
            throw new ArgumentException($"A plan links at most {CoursePlan.MaxActivities} activities; this one links {plan.Activities.Length}.", nameof(plan));
        }

        var titles = course.Activities.ToDictionary(a => a.Id, a => a.Title);
        var index = new Dictionary<ActivityId, int>();
        foreach (var link in plan.Activities)
        {
            if (!titles.ContainsKey(link.Activity))
            {
                throw new ArgumentException($"Activity {link.Activity.Value} is not an activity of course '{course.Title}'.", nameof(plan));
            }

            if (!index.TryAdd(link.Activity, index.Count))
            {
                throw new ArgumentException($"Activity '{titles[link.Activity]}' is linked twice in the plan of '{course.Title}'.", nameof(plan));
            }
        }

        string Title(ActivityId id) => titles.TryGetValue(id, out var t) ? $"'{t}'" : id.Value.ToString();
        foreach (var link in plan.Activities)
        {
            if (link.Skills.IsDefaultOrEmpty)
            {
                throw new ArgumentException($"Activity {Title(link.Activity)} is linked to no skill: link it to at least one.", nameof(plan));
            }

            CheckSkills(graph, link.Skills, $"Activity {Title(link.Activity)}");
            CheckScore(link.PassScore, $"The pass score of activity {Title(link.Activity)}");
            if (link.Gate is { } gate)
            {
                if ((gate.Skill is null) == (gate.Activity is null))
                {
                    throw new ArgumentException($"The gate of activity {Title(link.Activity)} names a skill or an activity, one of them.", nameof(plan));
                }

                CheckScore(gate.Minimum, $"The gate of activity {Title(link.Activity)}");
                if (gate.Skill is { } skill)
                {
                    CheckSkills(graph, [skill], $"The gate of activity {Title(link.Activity)}");
                }
                else if (!index.ContainsKey(gate.Activity!.Value) || gate.Activity == link.Activity)
                {
                    throw new ArgumentException($"The gate of activity {Title(link.Activity)} waits for a score on {Title(gate.Activity!.Value)}, which is not another linked activity of the course.", nameof(plan));
                }
            }

            CheckRanges(link, index, Title);
        }

        var targets = new HashSet<ActivityId>();
        foreach (var target in plan.Activities.SelectMany(l => l.Ranges).SelectMany(r => r.Activities))
        {
            if (!targets.Add(target))
            {
                throw new ArgumentException($"Activity {Title(target)} is in two score ranges: each remedial or enrichment activity follows one range of one trigger.", nameof(plan));
            }
        }

        foreach (var assessment in plan.Assessments)
        {
            CheckSkills(graph, assessment.Skills, $"Assessment '{assessment.Title}'");
            CheckScore(assessment.PassScore, $"The pass score of assessment '{assessment.Title}'");
        }

        if (plan.Assessments.GroupBy(a => a.Assessment).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Assessment '{twice.First().Title}' is linked twice in the plan of '{course.Title}'.", nameof(plan));
        }

        return new CompiledPlan(course, graph, plan, index.ToFrozenDictionary());
    }

    private static void CheckRanges(ActivityLink link, Dictionary<ActivityId, int> index, Func<ActivityId, string> title)
    {
        var ranges = link.Ranges.IsDefault ? [] : link.Ranges.OrderBy(r => r.Lower).ToArray();
        for (var r = 0; r < ranges.Length; r++)
        {
            var range = ranges[r];
            if (!(range.Lower >= 0 && range.Upper <= 1 && range.Lower < range.Upper))
            {
                throw new ArgumentException($"A score range of activity {title(link.Activity)} goes from {Show(range.Lower)} to {Show(range.Upper)}: ranges lie within 0 to 1, lower below upper.", nameof(link));
            }

            if (r > 0 && range.Lower < ranges[r - 1].Upper)
            {
                throw new ArgumentException($"The score ranges of activity {title(link.Activity)} overlap: {Show(ranges[r - 1].Lower)}–{Show(ranges[r - 1].Upper)} and {Show(range.Lower)}–{Show(range.Upper)}.", nameof(link));
            }

            foreach (var target in range.Activities)
            {
                if (!index.ContainsKey(target) || target == link.Activity)
                {
                    throw new ArgumentException($"A score range of activity {title(link.Activity)} leads to {title(target)}, which is not another linked activity of the course.", nameof(link));
                }
            }
        }
    }

    private static void CheckSkills(SkillGraph graph, IEnumerable<SkillId> skills, string what)
    {
        foreach (var skill in skills)
        {
            if (graph.IndexOf(skill) < 0)
            {
                throw new ArgumentException($"{what} is linked to the skill {skill}, which is not one of the school's skills.", nameof(skills));
            }
        }
    }

    private static void CheckScore(double value, string what)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"{what} is {Show(value)}; it lies between 0 and 1 (0.8 for 80 %).", nameof(value));
        }
    }

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
