using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Plugins.FlippedClassroom.Groups;

/// <summary>How pupils are grouped.</summary>
public enum GroupingMode
{
    /// <summary>Pupils of the same level together (the teacher works with each level).</summary>
    Homogeneous,

    /// <summary>Each group with pupils of every level (they help each other).</summary>
    Mixed,
}

/// <summary>A pupil and their level (readiness or mastery), from 0 to 1.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Level">Their level.</param>
internal readonly record struct PupilLevel(PersonId Pupil, double Level);

/// <summary>Two pupils a teacher wants apart, or together (a pupil with a helper).</summary>
/// <param name="First">One pupil.</param>
/// <param name="Second">The other.</param>
public readonly record struct PupilPair(PersonId First, PersonId Second);

/// <summary>What the teacher asks of the groups.</summary>
/// <param name="Mode">Homogeneous or mixed.</param>
/// <param name="Size">The size of a group (2 to 10); groups differ by one pupil at most.</param>
/// <param name="Apart">Pupils never in the same group.</param>
/// <param name="Together">Pupils always in the same group.</param>
internal sealed record GroupingRequest(GroupingMode Mode, int Size, ImmutableArray<PupilPair> Apart, ImmutableArray<PupilPair> Together)
{
    /// <summary>The smallest and largest group size.</summary>
    public const int MinSize = 2, MaxSize = 10;
}

/// <summary>Groups made: each a list of pupils, and the teacher's constraints that could not be met.</summary>
/// <param name="Groups">The groups, each by level, highest first.</param>
/// <param name="Unmet">The constraints not met (a pair to keep together larger than a group allows, pairs that contradict each other).</param>
internal sealed record GroupingResult(ImmutableArray<ImmutableArray<PersonId>> Groups, ImmutableArray<PupilPair> Unmet);

/// <summary>
/// Makes groups of a chosen size from pupils' levels: sorted by level and dealt in order (homogeneous) or in a snake across the
/// groups (mixed), then improved by swapping two pupils of different groups while it lowers the cost: the constraints broken first
/// (each weighs more than any spread of levels), then the spread of levels within groups (homogeneous) or between groups' means
/// (mixed). Deterministic: the same pupils and request give the same groups.
/// </summary>
internal static class Grouping
{
    private const double Violation = 1_000;
    private const int MaxPasses = 50;

    /// <summary>Makes the groups.</summary>
    /// <param name="pupils">The pupils and their levels.</param>
    /// <param name="request">What the teacher asks.</param>
    /// <exception cref="ArgumentException">The size is outside 2 to 10, a pupil is listed twice, a level is outside 0 to 1, or a constraint names a pupil who is not listed; the message names it.</exception>
    public static GroupingResult Make(IReadOnlyList<PupilLevel> pupils, GroupingRequest request)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Size is < GroupingRequest.MinSize or > GroupingRequest.MaxSize)
        {
            throw new ArgumentException($"A group has {GroupingRequest.MinSize} to {GroupingRequest.MaxSize} pupils; {request.Size} is not that.", nameof(request));
        }

        var index = new Dictionary<PersonId, int>();
        for (var i = 0; i < pupils.Count; i++)
        {
            if (!index.TryAdd(pupils[i].Pupil, i))
            {
                throw new ArgumentException($"Pupil {pupils[i].Pupil.Value} is listed twice.", nameof(pupils));
            }

            if (!(pupils[i].Level >= 0 && pupils[i].Level <= 1))
            {
                throw new ArgumentException($"The level of pupil {pupils[i].Pupil.Value} is {pupils[i].Level}; a level lies between 0 and 1.", nameof(pupils));
            }
        }

        if (pupils.Count == 0)
        {
            return new GroupingResult([], []);
        }

        var n = pupils.Count;
        var level = pupils.Select(p => p.Level).ToArray();
        var (apart, together) = (Pairs(request.Apart, index), Pairs(request.Together, index));
        var partners = new List<(int Other, bool Together)>[n];
        for (var i = 0; i < n; i++)
        {
            partners[i] = [];
        }

        foreach (var (a, b) in apart)
        {
            partners[a].Add((b, false));
            partners[b].Add((a, false));
        }

        foreach (var (a, b) in together)
        {
            partners[a].Add((b, true));
            partners[b].Add((a, true));
        }

        var groups = Math.Max(1, (n + request.Size - 1) / request.Size);
        var group = Deal(level, pupils, groups, request.Mode);
        var sum = new double[groups];
        var squares = new double[groups];
        var count = new int[groups];
        for (var i = 0; i < n; i++)
        {
            sum[group[i]] += level[i];
            squares[group[i]] += level[i] * level[i];
            count[group[i]]++;
        }

        var mean = level.Average();
        double Spread(int g, double s, double q) => request.Mode == GroupingMode.Homogeneous
            ? q - (s * s / count[g])                                  // the squares of the levels around the group's mean
            : count[g] * Math.Pow((s / count[g]) - mean, 2);         // the group's mean away from the class's

        int Broken(int pupil, int at, int other, int otherAt)
        {
            var broken = 0;
            foreach (var (partner, keep) in partners[pupil])
            {
                var where = partner == other ? otherAt : group[partner];
                broken += keep == (where != at) ? 1 : 0;
            }

            return broken;
        }

        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var improved = false;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var (a, b) = (group[i], group[j]);
                    if (a == b)
                    {
                        continue;
                    }

                    var d = level[j] - level[i];
                    var before = Spread(a, sum[a], squares[a]) + Spread(b, sum[b], squares[b]) + (Violation * (Broken(i, a, j, b) + Broken(j, b, i, a)));
                    var after = Spread(a, sum[a] + d, squares[a] + (level[j] * level[j]) - (level[i] * level[i]))
                        + Spread(b, sum[b] - d, squares[b] + (level[i] * level[i]) - (level[j] * level[j]))
                        + (Violation * (Broken(i, b, j, a) + Broken(j, a, i, b)));
                    if (after < before - 1e-12)
                    {
                        (group[i], group[j]) = (b, a);
                        sum[a] += d;
                        sum[b] -= d;
                        squares[a] += (level[j] * level[j]) - (level[i] * level[i]);
                        squares[b] += (level[i] * level[i]) - (level[j] * level[j]);
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        var unmet = apart.Where(p => group[p.A] == group[p.B]).Concat(together.Where(p => group[p.A] != group[p.B]))
            .Select(p => new PupilPair(pupils[p.A].Pupil, pupils[p.B].Pupil)).ToImmutableArray();
        var made = Enumerable.Range(0, groups)
            .Select(g => Enumerable.Range(0, n).Where(i => group[i] == g).OrderByDescending(i => level[i]).ThenBy(i => pupils[i].Pupil.Value).Select(i => pupils[i].Pupil).ToImmutableArray())
            .OrderByDescending(g => g.Length == 0 ? -1 : g.Max(p => level[index[p]]))
            .ToImmutableArray();
        return new GroupingResult(made, unmet);
    }

    /// <summary>The first groups: by level, dealt in blocks (homogeneous) or in a snake (mixed), sizes differing by one at most.</summary>
    private static int[] Deal(double[] level, IReadOnlyList<PupilLevel> pupils, int groups, GroupingMode mode)
    {
        var n = level.Length;
        var order = Enumerable.Range(0, n).OrderByDescending(i => level[i]).ThenBy(i => pupils[i].Pupil.Value).ToArray();
        var group = new int[n];
        if (mode == GroupingMode.Homogeneous)
        {
            var (size, extra, at) = (n / groups, n % groups, 0);
            for (var g = 0; g < groups; g++)
            {
                for (var k = 0; k < size + (g < extra ? 1 : 0); k++)
                {
                    group[order[at++]] = g;
                }
            }
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                var round = k / groups;
                var position = k % groups;
                group[order[k]] = round % 2 == 0 ? position : groups - 1 - position;
            }
        }

        return group;
    }

    private static List<(int A, int B)> Pairs(ImmutableArray<PupilPair> pairs, Dictionary<PersonId, int> index)
    {
        var found = new List<(int, int)>();
        foreach (var pair in pairs.IsDefault ? [] : pairs)
        {
            if (!index.TryGetValue(pair.First, out var a) || !index.TryGetValue(pair.Second, out var b))
            {
                var missing = index.ContainsKey(pair.First) ? pair.Second : pair.First;
                throw new ArgumentException($"A constraint names pupil {missing.Value}, who is not one of the session's pupils.", nameof(pairs));
            }

            if (a != b)
            {
                found.Add((a, b));
            }
        }

        return found;
    }
}
