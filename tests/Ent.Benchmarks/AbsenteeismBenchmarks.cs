using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ent.Plugins.Attendance.Absences;

namespace Ent.Benchmarks;

/// <summary>
/// A department's school year of absences in memory, on one core: 75,000 pupils of 125 collèges, about 4 million absences from
/// September to June (a pupil's own rate from rare to frequent, one session in eight justified), counted with the attendance
/// plugin's half-day rule (<see cref="HalfDayScan"/>). The L131-8 scan: every pupil at 4 unjustified half-days in November; the
/// DEPP's indicator: per school and month, the pupils at 4. Baselines, in the same run: the same answers with LINQ (group by
/// pupil and month, distinct half-days, count). Targets: each under 1 s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AbsenteeismBenchmarks
{
    public const int Pupils = 75_000;
    public const int Schools = 125;
    private static readonly DateOnly September = new(2026, 9, 1);
    private AbsenceMark[] _absences = [];
    private int[] _schoolOf = [];

    [GlobalSetup]
    public void Setup()
    {
        (_absences, _schoolOf) = Generate();
        if (_absences.Length < 3_800_000)
        {
            throw new InvalidOperationException($"{_absences.Length} absences generated, fewer than a department's year.");
        }

        var fast = new HalfDayScan(September, 10, Pupils, _absences).AtThreshold(2, 4);
        if (!fast.SequenceEqual(NaiveScan()) || !new HalfDayScan(September, 10, Pupils, _absences).CountBySchool(_schoolOf, Schools, 4).SequenceEqual(NaiveDepp()))
        {
            throw new InvalidOperationException("The scan and its baseline disagree.");
        }
    }

    /// <summary>A school year's absences: each pupil misses some of their 7 sessions a day, on school days, at their own rate.</summary>
    internal static (AbsenceMark[] Absences, int[] SchoolOf) Generate()
    {
        var random = new Random(2026);
        var days = Enumerable.Range(0, 304).Select(i => September.AddDays(i)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => d.DayNumber).ToArray();
        var absences = new List<AbsenceMark>(4_100_000);
        var schoolOf = new int[Pupils];
        for (var p = 0; p < Pupils; p++)
        {
            schoolOf[p] = p % Schools;
            var rate = random.NextDouble() < 0.9 ? 0.02 + (0.02 * random.NextDouble()) : 0.08 + (0.1 * random.NextDouble()); // a few pupils miss much more
            foreach (var day in days)
            {
                for (var session = 0; session < 7; session++)
                {
                    if (random.NextDouble() < rate)
                    {
                        absences.Add(new AbsenceMark(p, day, Afternoon: session >= 4, Unjustified: random.Next(8) != 0));
                    }
                }
            }
        }

        return ([.. absences], schoolOf);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("L131-8 scan")]
    public List<int> NaiveScan()
    {
        var november = new DateOnly(2026, 11, 1);
        return [.. _absences
            .Where(a => a.Unjustified && DateOnly.FromDayNumber(a.Day) is var day && day.Year == november.Year && day.Month == november.Month)
            .GroupBy(a => a.Pupil)
            .Where(g => g.Select(a => (a.Day, a.Afternoon)).Distinct().Count() >= 4)
            .Select(g => g.Key)
            .Order()];
    }

    [Benchmark]
    [BenchmarkCategory("L131-8 scan")]
    public List<int> Scan() => new HalfDayScan(September, 10, Pupils, _absences).AtThreshold(2, 4);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DEPP indicator")]
    public int[] NaiveDepp()
    {
        var counts = new int[Schools * 10];
        foreach (var group in _absences.Where(a => a.Unjustified)
                     .Select(a => (a.Pupil, Day: DateOnly.FromDayNumber(a.Day), a.Afternoon))
                     .GroupBy(a => (a.Pupil, Month: ((a.Day.Year - September.Year) * 12) + a.Day.Month - September.Month)))
        {
            if (group.Key.Month is >= 0 and < 10 && group.Select(a => (a.Day, a.Afternoon)).Distinct().Count() >= 4)
            {
                counts[(_schoolOf[group.Key.Pupil] * 10) + group.Key.Month]++;
            }
        }

        return counts;
    }

    [Benchmark]
    [BenchmarkCategory("DEPP indicator")]
    public int[] Depp() => new HalfDayScan(September, 10, Pupils, _absences).CountBySchool(_schoolOf, Schools, 4);
}
