using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Benchmarks;

/// <summary>
/// The personalised-learning plugin's hot paths for one pupil. A BKT update (target under 50 ns), against the naive way of keeping
/// mastery: the skill's parameters looked up by name and the pupil's whole history of 20 answers replayed at each new one. The next
/// activities on a 500-skill graph (target under 10 µs): a course of 500 activities, one per skill, each skill needing one to three
/// of the five skills before it; against a straightforward engine that walks each activity's
/// prerequisites through dictionaries, writes each reason as it goes and sorts every candidate.
/// The pupil has mastered three skills in five, scattered through the graph, so that many activities are open at once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LearningModelBenchmarks
{
    public const int Skills = 500;

    private readonly BktParameters _parameters = new(0.2, 0.15, 0.2, 0.1);
    private readonly Dictionary<string, (double Prior, double Learn, double Guess, double Slip)> _parametersByName = new() { ["fractions équivalentes"] = (0.2, 0.15, 0.2, 0.1) };
    private readonly List<bool> _history = [.. Enumerable.Range(0, 19).Select(i => i % 3 != 0)];
    private double _known;
    private CompiledPlan _plan = null!;
    private PupilState _state = null!;
    private Dictionary<SkillId, Skill> _skills = [];
    private Dictionary<SkillId, double> _mastery = [];
    private ActivityLink[] _links = [];

    [GlobalSetup]
    public void Setup()
    {
        (_plan, _state) = Course(Skills);
        _known = Bkt.Trace([.. _history], _parameters); // the pupil's mastery after their 19 answers, kept as the plugin keeps it
        _skills = _plan.Graph.Skills.ToDictionary(s => s.Id);
        _mastery = _plan.Graph.Skills.Select((s, i) => (s.Id, _state.Mastery[i])).ToDictionary(p => p.Id, p => p.Item2);
        _links = [.. _plan.Plan.Activities];
        var fast = PathEngine.Next(_plan, _state).Select(s => _plan.Plan.Activities[s.Activity].Activity).ToArray();
        var naive = NaiveNext().Select(s => s.Activity).ToArray();
        if (fast.Length != 5 || !fast.SequenceEqual(naive) || PathEngine.Locked(_plan, _state).Count < 50)
        {
            throw new InvalidOperationException("The path engine and its baseline disagree on the next activities.");
        }

        if (Math.Abs(Update() - NaiveUpdate()) > 1e-12)
        {
            throw new InvalidOperationException("The BKT update and its baseline disagree.");
        }
    }

    /// <summary>A course of one activity per skill on a graph where each skill needs one to three of the five before it; three skills in five mastered.</summary>
    internal static (CompiledPlan Plan, PupilState State) Course(int skills)
    {
        var random = new Random(500);
        var ids = Enumerable.Range(0, skills).Select(_ => SkillId.New()).ToArray();
        var graph = SkillGraph.Create(Enumerable.Range(0, skills).Select(i => new Skill(ids[i], $"compétence {i:000}",
            i == 0 ? [] : [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => ids[Math.Max(0, i - random.Next(1, 6))]).Distinct()], null, BktParameters.Default)));
        var activities = Enumerable.Range(0, skills).Select(i => Activity.Create($"Activité {i:000}", ActivityKind.Exercise)).ToArray();
        var course = new Course(CourseId.New(), SchoolId.New(), CourseAudience.ForClass(ClassId.New()), new Subject("MATHS", "Mathématiques"), "Grand cours", [new Sequence(SequenceId.New(), "Tout", [.. activities])]);
        var plan = CompiledPlan.Create(course, graph, new CoursePlan(course.Id, CoursePlan.DefaultMasteryThreshold,
            [.. Enumerable.Range(0, skills).Select(i => ActivityLink.For(activities[i].Id, i % 7 == 0 ? ActivityRole.Practice : ActivityRole.Learn, ids[i]))], []));
        var state = new PupilState(plan);
        for (var s = 0; s < skills; s++)
        {
            var index = graph.IndexOf(ids[s]);
            var mastered = random.NextDouble() < 0.6;
            state.Mastery[index] = mastered ? 0.97 : 0.2 + (0.5 * random.NextDouble());
            state.Answers[index] = mastered ? 4 : random.Next(0, 3);
            state.Done[s] = mastered;
            state.Score[s] = mastered ? 0.9 : double.NaN;
        }

        return (plan, state);
    }

    [Benchmark(Baseline = true, Description = "BKT update: replay the history, parameters by name")]
    [BenchmarkCategory("BKT update")]
    public double NaiveUpdate()
    {
        var (prior, learn, guess, slip) = _parametersByName["fractions équivalentes"];
        var answers = new List<bool>(_history) { true };
        var known = prior;
        foreach (var correct in answers)
        {
            var posterior = correct ? known * (1 - slip) / ((known * (1 - slip)) + ((1 - known) * guess)) : known * slip / ((known * slip) + ((1 - known) * (1 - guess)));
            known = posterior + ((1 - posterior) * learn);
        }

        return known;
    }

    [Benchmark(Description = "BKT update: one answer")]
    [BenchmarkCategory("BKT update")]
    public double Update() => Bkt.Update(_known, true, _parameters);

    [Benchmark(Baseline = true, Description = "Next activities, 500 skills: dictionaries and a sort")]
    [BenchmarkCategory("Next activities")]
    public List<(ActivityId Activity, string Reason)> NaiveNext()
    {
        var threshold = _plan.Plan.MasteryThreshold;
        var candidates = new List<(ActivityId Activity, string Reason, double Usefulness, int Order)>();
        for (var a = 0; a < _links.Length; a++)
        {
            var link = _links[a];
            var skill = link.Skills.OrderBy(s => _mastery[s]).First();
            var mastery = _mastery[skill];
            if (_state.Done[a] || mastery >= threshold)
            {
                continue;
            }

            var waits = link.Skills.SelectMany(s => _skills[s].Prerequisites).Where(p => !link.Skills.Contains(p)).Distinct().ToList();
            if (waits.Any(p => _mastery[p] < threshold))
            {
                continue;
            }

            var needing = _skills.Values.FirstOrDefault(d => d.Prerequisites.Contains(skill) && _mastery[d.Id] < threshold);
            var reach = Descendants(skill).Count() / (double)_skills.Count;
            var reason = needing is null ? $"Prochaine étape : {_skills[skill].Name} ({Math.Round(mastery * 100)} %)." : $"Parce que tu ne maîtrises pas encore {_skills[skill].Name}, dont {needing.Name} a besoin.";
            candidates.Add((link.Activity, reason, (100 * (1 - mastery)) + (20 * reach) + (_state.Answers[_plan.Graph.IndexOf(skill)] == 0 && link.Role == ActivityRole.Learn ? 5 : 0), a));
        }

        return [.. candidates.OrderByDescending(c => c.Usefulness).ThenBy(c => c.Order).Take(5).Select(c => (c.Activity, c.Reason))];
    }

    [Benchmark(Description = "Next activities, 500 skills: the path engine")]
    [BenchmarkCategory("Next activities")]
    public int Next() => PathEngine.Next(_plan, _state).Length;

    private IEnumerable<SkillId> Descendants(SkillId skill)
    {
        var seen = new HashSet<SkillId>();
        var stack = new Stack<SkillId>([skill]);
        while (stack.TryPop(out var next))
        {
            foreach (var dependent in _skills.Values.Where(s => s.Prerequisites.Contains(next)))
            {
                if (seen.Add(dependent.Id))
                {
                    stack.Push(dependent.Id);
                }
            }
        }

        return seen;
    }
}
