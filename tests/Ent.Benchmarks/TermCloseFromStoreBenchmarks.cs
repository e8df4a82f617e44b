using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Benchmarks;

/// <summary>
/// The term close including reading the marks from the department's store (a SQLite file, or PostgreSQL on the
/// server named by ENT_TEST_POSTGRES): 125 collèges × 20 classes ×
/// 30 pupils (75,000), 10 subjects × 10 assessments per class (250,000 assessment records, 7.5 million marks),
/// as the grading plugin stores them (<see cref="GradingDepartment"/>). Real case: every school's head runs
/// <see cref="ITermClose"/> (its classes' documents read through the (class, period) index, computed as the report cards are).
/// Baseline: the whole period read in one scan, every mark unpacked into a row, and the averages
/// and statistics computed with LINQ (<see cref="TermCloseBenchmarks.ComputeNaively(TermCloseBenchmarks.MarkRow[])"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TermCloseFromStoreBenchmarks
{
    private const int Schools = 125;

    private GradingDepartment _department = null!;
    private ITermClose _close = null!;

    /// <summary>Where the department's records are kept.</summary>
    [Params("SQLite", "PostgreSQL")]
    public string Engine { get; set; } = "SQLite";

    [GlobalSetup]
    public async Task Setup()
    {
        _department = await GradingDepartment.CreateAsync(Schools, Engine);
        _close = _department.Host.Services.GetRequiredService<ITermClose>();
        var check = await _close.ComputeAsync(_department.Heads[0].Head, _department.Heads[0].School, _department.Period.Id);
        if (check.Pupils.Count != GradingDepartment.ClassesPerSchool * TermCloseBenchmarks.PupilsPerClass || check.Subjects.Count != TermCloseBenchmarks.Subjects)
        {
            throw new InvalidOperationException($"The seeded school closes with {check.Pupils.Count} pupils and {check.Subjects.Count} subjects.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _department.DisposeAsync();

    /// <summary>The naive way: the period in one query, one row per mark, LINQ.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> NaiveReadAllAndLinq()
    {
        var (school, head) = _department.Heads[0];
        await using var work = await _department.Operations.BeginAsync(head, Ent.Sdk.Operations.OperationTarget.OfSchool(school), GradingCapabilities.ReadMarks);
        var period = _department.Period.Id;
        var pupils = new Dictionary<Ent.Core.Identifiers.PersonId, int>();
        var classes = new Dictionary<Guid, int>();
        var rows = new List<TermCloseBenchmarks.MarkRow>(Schools * GradingDepartment.ClassesPerSchool * TermCloseBenchmarks.Subjects * TermCloseBenchmarks.AssessmentsPerSubject * TermCloseBenchmarks.PupilsPerClass);
        var n = 0;
        await foreach (var assessment in work.Documents<AssessmentDocument>().All().StreamAsync())
        {
            if (assessment.Period != period)
            {
                continue;
            }

            var @class = classes.TryGetValue(assessment.Class.Value, out var known) ? known : classes[assessment.Class.Value] = classes.Count;
            foreach (var (pupil, mark) in assessment.Marks)
            {
                var index = pupils.TryGetValue(pupil, out var seen) ? seen : pupils[pupil] = pupils.Count;
                rows.Add(new TermCloseBenchmarks.MarkRow(index, @class, _department.SubjectOf[assessment.Course], n, mark.Counted, assessment.Scale, assessment.Coefficient));
            }

            n++;
        }

        return TermCloseBenchmarks.ComputeNaively([.. rows]);
    }

    /// <summary>Every school's head closes the period: the plugin's term close, reading its classes from the file.</summary>
    [Benchmark]
    public async Task<int> EverySchoolsTermClose()
    {
        var figures = 0;
        foreach (var (school, head) in _department.Heads)
        {
            var closing = await _close.ComputeAsync(head, school, _department.Period.Id);
            figures += closing.Figures;
        }

        return figures;
    }
}
