using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Groups;

namespace Ent.Benchmarks;

/// <summary>
/// Groups for a flipped session (target under 1 ms): 35 pupils with their readiness, groups of 4, mixed, two pairs kept apart and a
/// pupil with a helper; against the same search that recomputes every group's spread and every constraint for each swap it tries.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class FlippedGroupingBenchmarks
{
    private PupilLevel[] _pupils = [];
    private GroupingRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(35);
        _pupils = [.. Enumerable.Range(0, 35).Select(_ => new PupilLevel(PersonId.New(), Math.Round(random.NextDouble(), 2)))];
        _request = new GroupingRequest(GroupingMode.Mixed, 4,
            [new(_pupils[0].Pupil, _pupils[1].Pupil), new(_pupils[2].Pupil, _pupils[3].Pupil)],
            [new(_pupils.MinBy(p => p.Level).Pupil, _pupils.MaxBy(p => p.Level).Pupil)]);
        var fast = Grouping.Make(_pupils, _request);
        var naive = Naive();
        if (!fast.Unmet.IsEmpty || naive.Length != fast.Groups.Length)
        {
            throw new InvalidOperationException("The grouping left a constraint unmet or its baseline made other groups.");
        }
    }

    [Benchmark(Baseline = true, Description = "Groups of 35: whole cost recomputed at each swap")]
    public ImmutableArray<ImmutableArray<PersonId>> Naive()
    {
        var n = _pupils.Length;
        var groups = (n + _request.Size - 1) / _request.Size;
        var order = Enumerable.Range(0, n).OrderByDescending(i => _pupils[i].Level).ToArray();
        var group = new int[n];
        for (var k = 0; k < n; k++)
        {
            group[order[k]] = (k / groups) % 2 == 0 ? k % groups : groups - 1 - (k % groups);
        }

        var index = _pupils.Select((p, i) => (p.Pupil, i)).ToDictionary(p => p.Pupil, p => p.i);
        double Cost()
        {
            var mean = _pupils.Average(p => p.Level);
            var spread = Enumerable.Range(0, groups).Sum(g =>
            {
                var members = Enumerable.Range(0, n).Where(i => group[i] == g).ToList();
                return members.Count * Math.Pow(members.Average(i => _pupils[i].Level) - mean, 2);
            });
            var broken = _request.Apart.Count(p => group[index[p.First]] == group[index[p.Second]]) + _request.Together.Count(p => group[index[p.First]] != group[index[p.Second]]);
            return spread + (1_000 * broken);
        }

        var cost = Cost();
        for (var improved = true; improved;)
        {
            improved = false;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    if (group[i] == group[j])
                    {
                        continue;
                    }

                    (group[i], group[j]) = (group[j], group[i]);
                    var after = Cost();
                    if (after < cost - 1e-12)
                    {
                        (cost, improved) = (after, true);
                    }
                    else
                    {
                        (group[i], group[j]) = (group[j], group[i]);
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, n).Where(i => group[i] == g).Select(i => _pupils[i].Pupil).ToImmutableArray())];
    }

    [Benchmark(Description = "Groups of 35: Grouping.Make")]
    public int Make() => Grouping.Make(_pupils, _request).Groups.Length;
}
