using System.Collections.Frozen;
using System.Collections.Immutable;
using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Skills;

/// <summary>
/// A school's skills and their prerequisites, checked to be a directed acyclic graph: every prerequisite is a skill of the graph,
/// none is the skill itself, and no chain of prerequisites comes back to where it started (a cycle is refused naming its skills).
/// Skills are numbered in an order where each comes after its prerequisites, which is what paths and mastery arrays are indexed by.
/// </summary>
public sealed class SkillGraph
{
    private readonly FrozenDictionary<SkillId, int> _index;

    private SkillGraph(ImmutableArray<Skill> ordered, FrozenDictionary<SkillId, int> index, int[][] prerequisites, int[][] dependents)
    {
        (Skills, _index, PrerequisiteIndexes, DependentIndexes) = (ordered, index, prerequisites, dependents);
        Parameters = [.. ordered.Select(s => s.Parameters)];
    }

    /// <summary>An empty graph.</summary>
    public static SkillGraph Empty { get; } = Create([]);

    /// <summary>The skills, each after its prerequisites.</summary>
    public ImmutableArray<Skill> Skills { get; }

    /// <summary>Each skill's prerequisites, as positions in <see cref="Skills"/>.</summary>
    internal int[][] PrerequisiteIndexes { get; }

    /// <summary>The skills that need each skill directly, as positions in <see cref="Skills"/>.</summary>
    internal int[][] DependentIndexes { get; }

    /// <summary>A skill's position in <see cref="Skills"/>, or −1 when it is not in the graph.</summary>
    /// <param name="skill">The skill.</param>
    public int IndexOf(SkillId skill) => _index.TryGetValue(skill, out var i) ? i : -1;

    /// <summary>A skill of the graph, or null.</summary>
    /// <param name="skill">The skill.</param>
    public Skill? Find(SkillId skill) => _index.TryGetValue(skill, out var i) ? Skills[i] : null;

    /// <summary>Checks skills and builds their graph.</summary>
    /// <param name="skills">The skills, in any order.</param>
    /// <exception cref="ArgumentException">
    /// Two skills share an id or a name, a name is empty or too long, a prerequisite is unknown or the skill itself, a socle code is
    /// unknown, or the prerequisites make a cycle; the message names the skills (for a cycle, all of them in order).
    /// </exception>
    public static SkillGraph Create(IEnumerable<Skill> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var all = skills.ToArray();
        var byId = new Dictionary<SkillId, Skill>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in all)
        {
            ArgumentNullException.ThrowIfNull(skill, nameof(skills));
            if (string.IsNullOrWhiteSpace(skill.Name) || skill.Name.Length > Skill.MaxNameLength)
            {
                throw new ArgumentException($"A skill's name has 1 to {Skill.MaxNameLength} characters; '{skill.Name}' ({skill.Id}) does not.", nameof(skills));
            }

            if (!byId.TryAdd(skill.Id, skill))
            {
                throw new ArgumentException($"Two skills have the id {skill.Id}: '{byId[skill.Id].Name}' and '{skill.Name}'.", nameof(skills));
            }

            if (!names.Add(skill.Name.Trim()))
            {
                throw new ArgumentException($"Two skills are named '{skill.Name}': a school's skills have different names.", nameof(skills));
            }

            if (skill.Socle is { } socle && !SocleComponents.Codes.Contains(socle))
            {
                throw new ArgumentException($"Skill '{skill.Name}' names the socle component '{socle}', which is not one of {string.Join(", ", SocleComponents.Codes)}.", nameof(skills));
            }

            if (skill.Prerequisites.Length > Skill.MaxPrerequisites)
            {
                throw new ArgumentException($"Skill '{skill.Name}' has {skill.Prerequisites.Length} prerequisites; a skill has at most {Skill.MaxPrerequisites}.", nameof(skills));
            }
        }

        foreach (var skill in all)
        {
            foreach (var prerequisite in skill.Prerequisites)
            {
                if (prerequisite == skill.Id)
                {
                    throw new ArgumentException($"Skill '{skill.Name}' cannot be its own prerequisite.", nameof(skills));
                }

                if (!byId.ContainsKey(prerequisite))
                {
                    throw new ArgumentException($"Skill '{skill.Name}' needs the skill {prerequisite}, which is not one of the school's skills.", nameof(skills));
                }
            }
        }

        var ordered = TopologicalOrder(all, byId);
        var index = ordered.Select((s, i) => (s.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i);
        var prerequisites = ordered.Select(s => s.Prerequisites.Distinct().Select(p => index[p]).ToArray()).ToArray();
        var dependents = new List<int>[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            foreach (var p in prerequisites[i])
            {
                dependents[p].Add(i);
            }
        }

        return new SkillGraph([.. ordered], index, prerequisites, [.. dependents.Select(d => d.ToArray())]);
    }

    /// <summary>The graph with a skill added or replaced, checked again.</summary>
    /// <param name="skill">The skill.</param>
    /// <exception cref="ArgumentException">The graph would not be valid; see <see cref="Create"/>.</exception>
    public SkillGraph With(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return Create(Skills.Where(s => s.Id != skill.Id).Append(skill));
    }

    /// <summary>Every skill a skill needs, directly or through others, as positions in <see cref="Skills"/>.</summary>
    /// <param name="skill">The skill's position.</param>
    internal IEnumerable<int> AncestorsOf(int skill) => Reachable(skill, PrerequisiteIndexes);

    /// <summary>Every skill that needs a skill, directly or through others, as positions in <see cref="Skills"/>.</summary>
    /// <param name="skill">The skill's position.</param>
    internal IEnumerable<int> DescendantsOf(int skill) => Reachable(skill, DependentIndexes);

    /// <summary>Each skill's parameters, by position in <see cref="Skills"/>: what mastery is traced with.</summary>
    internal BktParameters[] Parameters { get; }

    private static IEnumerable<int> Reachable(int skill, int[][] edges)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(edges[skill]);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                yield return next;
                foreach (var p in edges[next])
                {
                    stack.Push(p);
                }
            }
        }
    }

    /// <summary>Kahn's order, by name among skills ready at the same time so that it is stable; a cycle is named when some skills never become ready.</summary>
    private static Skill[] TopologicalOrder(Skill[] skills, Dictionary<SkillId, Skill> byId)
    {
        var waiting = skills.ToDictionary(s => s.Id, s => s.Prerequisites.Distinct().Count());
        var dependents = skills.ToDictionary(s => s.Id, _ => new List<SkillId>());
        foreach (var skill in skills)
        {
            foreach (var p in skill.Prerequisites.Distinct())
            {
                dependents[p].Add(skill.Id);
            }
        }

        var ready = new SortedSet<(string Name, SkillId Id)>(Comparer<(string Name, SkillId Id)>.Create((a, b) =>
            string.CompareOrdinal(a.Name, b.Name) is var c and not 0 ? c : a.Id.Value.CompareTo(b.Id.Value)));
        foreach (var skill in skills.Where(s => waiting[s.Id] == 0))
        {
            ready.Add((skill.Name, skill.Id));
        }

        var ordered = new List<Skill>(skills.Length);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            ordered.Add(byId[next.Id]);
            foreach (var dependent in dependents[next.Id])
            {
                if (--waiting[dependent] == 0)
                {
                    ready.Add((byId[dependent].Name, dependent));
                }
            }
        }

        if (ordered.Count < skills.Length)
        {
            throw new ArgumentException($"The prerequisites make a cycle: {string.Join(" → ", Cycle(skills.Where(s => waiting[s.Id] > 0), byId))}. A skill cannot need itself, even through others.", nameof(skills));
        }

        return [.. ordered];
    }

    /// <summary>One cycle among skills that are all in or behind one: follow unfinished prerequisites until a skill comes back.</summary>
    private static IEnumerable<string> Cycle(IEnumerable<Skill> blocked, Dictionary<SkillId, Skill> byId)
    {
        var stuck = blocked.ToDictionary(s => s.Id);
        var path = new List<SkillId>();
        var position = new Dictionary<SkillId, int>();
        var current = stuck.Values.OrderBy(s => s.Name, StringComparer.Ordinal).First().Id;
        while (!position.ContainsKey(current))
        {
            position[current] = path.Count;
            path.Add(current);
            current = byId[current].Prerequisites.First(stuck.ContainsKey);
        }

        // The path runs from a skill to what it needs; the cycle is read the other way, from a prerequisite to what needs it.
        var cycle = path.Skip(position[current]).Reverse().Select(id => byId[id].Name).ToList();
        var first = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!); // told from the first skill by name, whichever was met first
        cycle = [.. cycle.Skip(first), .. cycle.Take(first)];
        cycle.Add(cycle[0]);
        return cycle;
    }
}
