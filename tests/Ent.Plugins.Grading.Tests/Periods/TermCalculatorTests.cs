using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.Periods;

namespace Ent.Plugins.Grading.Tests.Periods;

/// <summary>The term close gives exactly what the rules give one pupil at a time, for a whole period at once.</summary>
public sealed class TermCalculatorTests
{
    private const int Subjects = 4;
    private static readonly decimal[] SubjectCoefficients = [3m, 2m, 1m, 0m];

    /// <summary>A random period (fixed seed): 6 classes, codes, coefficients 0 to 3, scales 5 to 100, some bonus and optional assessments.</summary>
    private static (TermData Data, List<(int Class, int Subject, decimal Scale, decimal Coefficient, GradeItemKind Kind, Dictionary<int, Mark> Marks)> Assessments) RandomPeriod()
    {
        var random = new Random(20261129);
        var builder = new TermDataBuilder(Subjects);
        var assessments = new List<(int, int, decimal, decimal, GradeItemKind, Dictionary<int, Mark>)>();
        decimal[] scales = [5, 10, 20, 20, 20, 40, 100];
        for (var c = 0; c < 6; c++)
        {
            var pupils = 5 + random.Next(25);
            var first = builder.AddClass(pupils, SubjectCoefficients);
            for (var a = 0; a < 16; a++)
            {
                var subject = random.Next(Subjects);
                var scale = scales[random.Next(scales.Length)];
                var coefficient = random.Next(4) + (random.Next(4) == 0 ? 0.5m : 0m);
                var kind = random.Next(10) switch { 0 => GradeItemKind.Bonus, 1 => GradeItemKind.Optional, _ => GradeItemKind.Normal };
                var marks = new Dictionary<int, Mark>();
                for (var p = first; p < first + pupils; p++)
                {
                    var draw = random.Next(20);
                    if (draw == 0)
                    {
                        continue; // no mark at all
                    }

                    marks[p] = draw == 1 ? Mark.Coded((MarkCode)(1 + random.Next(7))) : Mark.Of(Math.Round((decimal)random.NextDouble() * scale * 4) / 4, scale);
                }

                builder.AddAssessment(subject, scale, coefficient, kind, marks.Select(m => (m.Key, m.Value)));
                assessments.Add((c, subject, scale, coefficient, kind, marks));
            }
        }

        return (builder.Build(), assessments);
    }

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 20) : null;

    [Theory]
    [InlineData(FrenchAverageMode.NormalizedTo20)]
    [InlineData(FrenchAverageMode.SumOfScales)]
    public void Every_subject_average_equals_the_rules_average_for_that_pupil(FrenchAverageMode mode)
    {
        var (data, assessments) = RandomPeriod();
        var rule = new FrenchAverage(mode);

        var results = new TermCalculator(mode).Compute(data);

        for (var pupil = 0; pupil < data.Pupils; pupil++)
        {
            for (var subject = 0; subject < Subjects; subject++)
            {
                var items = assessments.Where(a => a.Subject == subject && a.Marks.ContainsKey(pupil))
                    .Select(a => new GradeItem(a.Marks[pupil], a.Scale, a.Coefficient, a.Kind)).ToList();
                var expected = rule.Average(items);
                var actual = results.SubjectAverage(pupil, subject);
                Assert.Equal(expected is null, actual is null);
                if (expected is { } e)
                {
                    Assert.Equal(e, actual!.Value, 20);
                }
            }
        }
    }

    [Fact]
    public void Overall_averages_and_class_statistics_follow_from_the_subject_averages()
    {
        var (data, _) = RandomPeriod();

        var results = new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(data);

        for (var pupil = 0; pupil < data.Pupils; pupil++)
        {
            var expected = OverallAverage.Of(Enumerable.Range(0, Subjects).Select(s => (results.SubjectAverage(pupil, s), SubjectCoefficients[s])));
            Assert.Equal(expected is null, results.OverallAverages[pupil] is null);
            if (expected is { } e)
            {
                Assert.Equal(e, results.OverallAverages[pupil]!.Value, 20);
            }
        }

        Assert.Equal(Statistics.Of(results.OverallAverages.Take(data.Pupils)).Count, results.ClassStatistics.Sum(s => s.Count));
    }

    [Theory]
    [InlineData(FrenchAverageMode.NormalizedTo20)]
    [InlineData(FrenchAverageMode.SumOfScales)]
    public void The_class_computation_gives_each_pupil_what_the_rule_gives_them_whichever_path_it_takes(FrenchAverageMode mode)
    {
        var random = new Random(20261201);
        var pupils = Enumerable.Range(0, 30).Select(_ => PersonId.New()).ToList();
        var subjects = Enumerable.Range(0, 4).Select(s => (Coefficient: (decimal)(s + 1), Assessments: (IReadOnlyList<AssessmentDocument>)[.. Enumerable.Range(0, 6).Select(a =>
        {
            var scale = new[] { 5, 10, 20 }[random.Next(3)];
            var kind = a == 5 ? GradeItemKind.Bonus : GradeItemKind.Normal;
            return new AssessmentDocument(CourseId.New(), Guid.CreateVersion7(), ClassId.New(), PeriodId.New(), $"Devoir {a}", new DateOnly(2026, 10, 1), scale, random.Next(1, 4), kind, true,
                [.. pupils.Where(_ => random.Next(5) > 0).Select(p => new PupilMark(p, random.Next(8) == 0 ? Mark.Coded(MarkCode.Absent) : Mark.Of(random.Next(scale * 4 + 1) / 4m, scale)))]);
        })])).ToList();
        var rule = new FrenchAverage(mode);

        var computed = ClassAverages.Compute(rule, pupils, subjects);

        for (var p = 0; p < pupils.Count; p++)
        {
            for (var s = 0; s < subjects.Count; s++)
            {
                var items = subjects[s].Assessments.Where(a => a.MarkOf(pupils[p]) is not null).Select(a => new GradeItem(a.MarkOf(pupils[p])!.Value, a.Scale, a.Coefficient, a.Kind)).ToList();
                // Equal to 20 decimal places: the calculator divides once per scale, the rule once per mark, and decimals carry 28 digits.
                Assert.Equal(Round(rule.Average(items)), Round(computed.Of(p, s).Average));
            }
        }
    }

    [Theory]
    [InlineData(FrenchAverageMode.NormalizedTo20)]
    [InlineData(FrenchAverageMode.SumOfScales)]
    public void Classes_computed_together_get_exactly_what_each_gets_alone(FrenchAverageMode mode)
    {
        // Three classes as a school's term close passes them: different sizes, different numbers of subjects, one with none.
        var random = new Random(20261202);
        var classes = new[] { (Pupils: 28, Subjects: 4), (Pupils: 3, Subjects: 1), (Pupils: 25, Subjects: 0), (Pupils: 30, Subjects: 6) }
            .Select(shape => RandomClass(random, shape.Pupils, shape.Subjects)).ToList();
        var rule = new FrenchAverage(mode);

        var together = ClassAverages.ComputeMany(rule, classes);

        for (var c = 0; c < classes.Count; c++)
        {
            var alone = ClassAverages.Compute(rule, classes[c].Pupils, classes[c].Subjects);
            Assert.Equal(alone.Version, together[c].Version);
            Assert.Equal(alone.Class, together[c].Class);
            for (var p = 0; p < classes[c].Pupils.Count; p++)
            {
                Assert.Equal(alone.Overall(p), together[c].Overall(p));
                for (var s = 0; s < classes[c].Subjects.Count; s++)
                {
                    Assert.Equal(alone.Of(p, s), together[c].Of(p, s));
                }
            }
        }
    }

    private static ClassMarks RandomClass(Random random, int pupilCount, int subjectCount)
    {
        var pupils = Enumerable.Range(0, pupilCount).Select(_ => PersonId.New()).ToList();
        var subjects = Enumerable.Range(0, subjectCount).Select(s => ((decimal)(s + 1), (IReadOnlyList<AssessmentDocument>)[.. Enumerable.Range(0, 5).Select(a =>
        {
            var scale = new[] { 5, 10, 20 }[random.Next(3)];
            return new AssessmentDocument(CourseId.New(), Guid.CreateVersion7(), ClassId.New(), PeriodId.New(), $"Devoir {a}", new DateOnly(2026, 10, 1), scale, random.Next(1, 4), a == 4 ? GradeItemKind.Bonus : GradeItemKind.Normal, true,
                [.. pupils.Where(_ => random.Next(5) > 0).Select(p => new PupilMark(p, Mark.Of(random.Next(scale * 4 + 1) / 4m, scale)))]);
        })])).ToList();
        return new ClassMarks(pupils, subjects);
    }

    [Fact]
    public void Assessment_statistics_are_in_points_over_the_marks_that_count()
    {
        var builder = new TermDataBuilder(1);
        builder.AddClass(4, [1m]);
        builder.AddAssessment(0, 10, 1, GradeItemKind.Normal, [(0, Mark.Of(7.5m, 10)), (1, Mark.Of(4m, 10)), (2, Mark.Coded(MarkCode.Absent)), (3, Mark.Coded(MarkCode.AbsentUnjustified))]);

        var results = new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(builder.Build());

        Assert.Equal(new Statistics(11.5m / 3, 0m, 7.5m, 3), results.AssessmentStatistics[0]);
    }

    [Fact]
    public void The_worked_example_gives_8_67_and_12_through_the_term_close()
    {
        var builder = new TermDataBuilder(1);
        builder.AddClass(1, [1m]);
        builder.AddAssessment(0, 20, 1, GradeItemKind.Normal, [(0, Mark.Of(18m, 20))]);
        builder.AddAssessment(0, 10, 1, GradeItemKind.Normal, [(0, Mark.Of(2m, 10))]);
        builder.AddAssessment(0, 5, 1, GradeItemKind.Normal, [(0, Mark.Of(1m, 5))]);
        var data = builder.Build();

        Assert.Equal(8.67m, AverageRounding.Default.Apply(new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(data).SubjectAverage(0, 0)!.Value));
        Assert.Equal(12m, new TermCalculator(FrenchAverageMode.SumOfScales).Compute(data).SubjectAverage(0, 0));
    }

    [Fact]
    public void Recomputing_the_class_of_a_changed_mark_gives_what_a_full_close_gives()
    {
        var (data, assessments) = RandomPeriod();
        var calculator = new TermCalculator(FrenchAverageMode.NormalizedTo20);
        var results = calculator.Compute(data);
        var (index, changed) = assessments.Select((a, i) => (i, a)).First(x => x.a.Kind == GradeItemKind.Normal && x.a.Class == 3 && x.a.Marks.Count > 0);
        var pupil = changed.Marks.Keys.First();

        var @class = data.SetMark(index, pupil, Mark.Of(changed.Scale, changed.Scale));
        calculator.RecomputeClass(data, results, @class);

        var full = calculator.Compute(data);
        Assert.Equal(3, @class);
        Assert.Equal(full.SubjectAverages, results.SubjectAverages);
        Assert.Equal(full.OverallAverages, results.OverallAverages);
        Assert.Equal(full.SubjectStatistics, results.SubjectStatistics);
        Assert.Equal(full.AssessmentStatistics, results.AssessmentStatistics);
    }

    [Fact]
    public void Results_are_recomputed_only_by_the_version_that_produced_them()
    {
        var (data, _) = RandomPeriod();
        var results = new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(data);

        var error = Assert.Throws<ArgumentException>(() => new TermCalculator(FrenchAverageMode.SumOfScales).RecomputeClass(data, results, 0));

        Assert.Contains("fr.normalized-to-20 v1", error.Message, StringComparison.Ordinal);
        Assert.Equal(new CalculationVersion("fr.normalized-to-20", 1), results.Version);
    }

    [Fact]
    public void A_mark_for_a_pupil_outside_the_class_is_refused_naming_the_pupil()
    {
        var builder = new TermDataBuilder(1);
        builder.AddClass(2, [1m]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddAssessment(0, 20, 1, GradeItemKind.Normal, [(5, Mark.Of(10m, 20))]));

        Assert.Contains("Pupil #5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_builder_builds_once_since_its_data_takes_over_the_marks()
    {
        var builder = new TermDataBuilder(1, expectedMarks: 1);
        builder.AddClass(1, [1m]);
        builder.AddAssessment(0, 20, 1, GradeItemKind.Normal, [(0, Mark.Of(10m, 20))]);
        var data = builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.AddAssessment(0, 20, 1, GradeItemKind.Normal, [(0, Mark.Of(12m, 20))]));
        Assert.Equal(10m, new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(data).SubjectAverage(0, 0));
    }

    [Fact]
    public void A_mark_above_the_assessments_scale_is_refused_naming_it()
    {
        var builder = new TermDataBuilder(1);
        builder.AddClass(1, [1m]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddAssessment(0, 10, 1, GradeItemKind.Normal, [(0, Mark.Of(15m, 20))]));

        Assert.Contains("15 is above the scale of 10", error.Message, StringComparison.Ordinal);
    }
}
