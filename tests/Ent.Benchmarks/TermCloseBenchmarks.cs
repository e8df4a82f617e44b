using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Gradebook;

namespace Ent.Benchmarks;

/// <summary>
/// A department's term close (target: under 0.5 s and 1 GB on this machine, at least 5× faster than the
/// baseline): 75,000 pupils in 2,500 classes of 30, 10 subjects × 10 assessments each (7.5 million marks,
/// 2 % of them codes, scales 20, 10 and 5, coefficients 1 to 3) → every subject average, overall average
/// and class statistic per subject and period, through the plugin's one computation (<see cref="ClassAverages"/>,
/// as the term close and the report cards run it). Baseline: the same rules written naively with LINQ over one
/// row per mark (group by pupil and subject, by pupil, by class). Loading the marks is not measured: both start
/// from data in memory (the classes' assessment documents, and the rows).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TermCloseBenchmarks
{
    public const int Classes = 2_500;
    public const int PupilsPerClass = 30;
    public const int Subjects = 10;
    public const int AssessmentsPerSubject = 10;

    private static readonly decimal[] SubjectCoefficients = [4, 4, 3, 3, 2, 2, 2, 1, 1, 1];

    private readonly FrenchAverage _rule = new(FrenchAverageMode.NormalizedTo20);
    private ClassMarks[] _classes = [];
    private MarkRow[] _rows = [];

    [GlobalSetup]
    public void Setup() => (_classes, _rows) = Build();

    [Benchmark(Baseline = true)]
    public int NaiveLinq() => ComputeNaively(_rows);

    /// <summary>The rules written naively with LINQ over one row per mark: subject, overall averages and every class statistic.</summary>
    public static int ComputeNaively(MarkRow[] rows)
    {
        var subjectAverages = rows
            .GroupBy(r => (r.Pupil, r.Subject))
            .Select(g =>
            {
                var counted = g.Where(r => r.Coefficient > 0 && r.Counted is not null).ToList();
                var coefficients = counted.Sum(r => r.Coefficient);
                decimal? average = coefficients == 0 ? null : Math.Min(20, counted.Sum(r => r.Coefficient * 20 * r.Counted!.Value / r.Scale) / coefficients);
                return (g.Key.Pupil, g.Key.Subject, g.First().Class, Average: average);
            })
            .ToList();
        var overall = subjectAverages
            .GroupBy(s => (s.Pupil, s.Class))
            .Select(g =>
            {
                var counted = g.Where(s => s.Average is not null && SubjectCoefficients[s.Subject] > 0).ToList();
                var weights = counted.Sum(s => SubjectCoefficients[s.Subject]);
                return (g.Key.Pupil, g.Key.Class, Average: weights == 0 ? null : (decimal?)(counted.Sum(s => SubjectCoefficients[s.Subject] * s.Average!.Value) / weights));
            })
            .ToList();
        var subjectStatistics = subjectAverages.GroupBy(s => (s.Class, s.Subject)).Select(g => Statistics.Of([.. g.Select(s => s.Average)])).ToList();
        var classStatistics = overall.GroupBy(o => o.Class).Select(g => Statistics.Of([.. g.Select(o => o.Average)])).ToList();
        return subjectAverages.Count + overall.Count + subjectStatistics.Count + classStatistics.Count;
    }

    /// <summary>The plugin's computation of every class, as a school's term close runs it (here the whole department at once).</summary>
    [Benchmark]
    public int ClassAveragesOfEveryClass()
    {
        var figures = 0;
        foreach (var computed in ClassAverages.ComputeMany(_rule, _classes))
        {
            figures += (computed.Pupils.Count * (computed.Subjects + 1)) + computed.Subjects + 1;
        }

        return figures;
    }

    /// <summary>The period's marks, once as the plugin keeps them (each class's assessment documents, marks in the order of the pupils' ids) and once as one row per mark for the baseline.</summary>
    internal static (ClassMarks[] Classes, MarkRow[] Rows) Build()
    {
        var random = new Random(75_000);
        var classes = new ClassMarks[Classes];
        var rows = new List<MarkRow>(Classes * PupilsPerClass * Subjects * AssessmentsPerSubject);
        var (period, assessment) = (PeriodId.New(), 0);
        for (var c = 0; c < Classes; c++)
        {
            var (@class, pupils) = (ClassId.New(), Enumerable.Range(0, PupilsPerClass).Select(_ => PersonId.New()).ToArray());
            var subjects = new (decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)[Subjects];
            for (var s = 0; s < Subjects; s++)
            {
                var (course, assessments) = (CourseId.New(), new AssessmentDocument[AssessmentsPerSubject]);
                for (var a = 0; a < AssessmentsPerSubject; a++)
                {
                    var scale = Scales[random.Next(Scales.Length)];
                    var coefficient = 1 + random.Next(3);
                    var marks = new PupilMark[PupilsPerClass];
                    for (var p = 0; p < PupilsPerClass; p++)
                    {
                        marks[p] = new PupilMark(pupils[p], RandomMark(random, scale));
                        rows.Add(new MarkRow((c * PupilsPerClass) + p, c, s, assessment, marks[p].Mark.Counted, scale, coefficient));
                    }

                    assessments[a] = new AssessmentDocument(course, Guid.CreateVersion7(), @class, period, $"Devoir {a + 1}", new DateOnly(2026, 10, 1), scale, coefficient, GradeItemKind.Normal, true,
                        [.. marks.OrderBy(m => m.Pupil.Value)]);
                    assessment++;
                }

                subjects[s] = (SubjectCoefficients[s], assessments);
            }

            classes[c] = new ClassMarks(pupils, subjects);
        }

        return (classes, [.. rows]);
    }

    /// <summary>The scales assessments are drawn from, 20 the most often.</summary>
    internal static readonly int[] Scales = [20, 20, 20, 10, 5];

    /// <summary>A mark on a scale, in quarter points; one in fifty is a code (absent, or absent and counted as 0).</summary>
    internal static Mark RandomMark(Random random, int scale) =>
        random.Next(50) == 0
            ? Mark.Coded(random.Next(2) == 0 ? MarkCode.Absent : MarkCode.AbsentUnjustified)
            : Mark.Of(random.Next((scale * 4) + 1) / 4m, scale);

    /// <summary>One mark, as the naive baseline reads it.</summary>
    public sealed record MarkRow(int Pupil, int Class, int Subject, int Assessment, decimal? Counted, decimal Scale, decimal Coefficient);
}

/// <summary>
/// Recomputing one class after a teacher changes one mark (target: under 1 ms): the class's 3,000 marks,
/// its 300 subject averages, 30 overall averages and its figures, through the plugin's computation of a class.
/// </summary>
[MemoryDiagnoser]
public class TermRecomputeBenchmarks
{
    private readonly FrenchAverage _rule = new(FrenchAverageMode.NormalizedTo20);
    private ClassMarks _class = null!;
    private AssessmentDocument[] _changed = [];
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _class = TermCloseBenchmarks.Build().Classes[1_234];
        _changed = [.. _class.Subjects[0].Assessments];
        _class = _class with { Subjects = [(_class.Subjects[0].Coefficient, _changed), .. _class.Subjects.Skip(1)] };
    }

    [Benchmark]
    public decimal? ChangeOneMarkAndRecomputeItsClass()
    {
        var assessment = _changed[0];
        _changed[0] = assessment with { Marks = assessment.Marks.SetItem(0, assessment.Marks[0] with { Mark = Mark.Of((decimal)(_n++ % 6), 5m) }) };
        return ClassAverages.Compute(_rule, _class.Pupils, _class.Subjects).Class.Average;
    }
}
