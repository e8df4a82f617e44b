using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.Periods;

namespace Ent.Plugins.Grading.Tests.Periods;

/// <summary>The term calculator gives exactly what the French rule gives one pupil at a time, for a whole class at once.</summary>
public sealed class TermCalculatorTests
{
    private const int Subjects = 4;

    /// <summary>A random period (fixed seed): 6 classes, codes, coefficients 0 to 3, scales 5 to 100, some bonus and optional assessments.</summary>
    private static IEnumerable<(TermData Data, List<(int Subject, decimal Scale, decimal Coefficient, GradeItemKind Kind, Dictionary<int, Mark> Marks)> Assessments)> RandomPeriod()
    {
        var random = new Random(20261129);
        decimal[] scales = [5, 10, 20, 20, 20, 40, 100];
        for (var c = 0; c < 6; c++)
        {
            var pupils = 5 + random.Next(25);
            var builder = new TermDataBuilder(Subjects, pupils);
            var assessments = new List<(int, decimal, decimal, GradeItemKind, Dictionary<int, Mark>)>();
            for (var a = 0; a < 16; a++)
            {
                var subject = random.Next(Subjects);
                var scale = scales[random.Next(scales.Length)];
                var coefficient = random.Next(4) + (random.Next(4) == 0 ? 0.5m : 0m);
                var kind = random.Next(10) switch { 0 => GradeItemKind.Bonus, 1 => GradeItemKind.Optional, _ => GradeItemKind.Normal };
                var marks = new Dictionary<int, Mark>();
                for (var p = 0; p < pupils; p++)
                {
                    var draw = random.Next(20);
                    if (draw == 0)
                    {
                        continue; // no mark at all
                    }

                    marks[p] = draw == 1 ? Mark.Coded((MarkCode)(1 + random.Next(7))) : Mark.Of(Math.Round((decimal)random.NextDouble() * scale * 4) / 4, scale);
                }

                AddAssessment(builder, subject, scale, coefficient, kind, marks.Select(m => (m.Key, m.Value)));
                assessments.Add((subject, scale, coefficient, kind, marks));
            }

            yield return (builder.Build(), assessments);
        }
    }

    private static void AddAssessment(TermDataBuilder builder, int subject, decimal scale, decimal coefficient, GradeItemKind kind, IEnumerable<(int Pupil, Mark Mark)> marks)
    {
        builder.BeginAssessment(subject, scale, coefficient, kind);
        foreach (var (pupil, mark) in marks)
        {
            builder.AddMark(pupil, mark);
        }
    }

    [Theory]
    [InlineData(FrenchAverageMode.NormalizedTo20)]
    [InlineData(FrenchAverageMode.SumOfScales)]
    public void Every_subject_average_equals_the_rules_average_for_that_pupil(FrenchAverageMode mode)
    {
        var rule = new FrenchAverage(mode);
        foreach (var (data, assessments) in RandomPeriod())
        {
            var averages = new TermCalculator(mode).Compute(data);

            for (var pupil = 0; pupil < data.Pupils; pupil++)
            {
                for (var subject = 0; subject < Subjects; subject++)
                {
                    var items = assessments.Where(a => a.Subject == subject && a.Marks.ContainsKey(pupil))
                        .Select(a => new GradeItem(a.Marks[pupil], a.Scale, a.Coefficient, a.Kind)).ToList();
                    var expected = rule.Average(items);
                    var actual = averages[(pupil * Subjects) + subject];
                    Assert.Equal(expected is null, actual is null);
                    if (expected is { } e)
                    {
                        Assert.Equal(e, actual!.Value, 20);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_worked_example_gives_8_67_and_12_through_the_calculator()
    {
        var builder = new TermDataBuilder(1, 1);
        AddAssessment(builder, 0, 20, 1, GradeItemKind.Normal, [(0, Mark.Of(18m, 20))]);
        AddAssessment(builder, 0, 10, 1, GradeItemKind.Normal, [(0, Mark.Of(2m, 10))]);
        AddAssessment(builder, 0, 5, 1, GradeItemKind.Normal, [(0, Mark.Of(1m, 5))]);
        var data = builder.Build();

        Assert.Equal(8.67m, AverageRounding.Default.Apply(new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(data)[0]!.Value));
        Assert.Equal(12m, new TermCalculator(FrenchAverageMode.SumOfScales).Compute(data)[0]);
    }

    [Fact]
    public void A_mark_for_a_pupil_outside_the_class_is_refused_naming_the_pupil()
    {
        var builder = new TermDataBuilder(1, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AddAssessment(builder, 0, 20, 1, GradeItemKind.Normal, [(5, Mark.Of(10m, 20))]));

        Assert.Contains("Pupil #5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_builder_builds_once_since_its_data_takes_over_the_marks()
    {
        var builder = new TermDataBuilder(1, 1, expectedMarks: 1);
        AddAssessment(builder, 0, 20, 1, GradeItemKind.Normal, [(0, Mark.Of(10m, 20))]);
        var data = builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => AddAssessment(builder, 0, 20, 1, GradeItemKind.Normal, [(0, Mark.Of(12m, 20))]));
        Assert.Equal(10m, new TermCalculator(FrenchAverageMode.NormalizedTo20).Compute(data)[0]);
    }

    [Fact]
    public void A_mark_above_the_assessments_scale_is_refused_naming_it()
    {
        var builder = new TermDataBuilder(1, 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AddAssessment(builder, 0, 10, 1, GradeItemKind.Normal, [(0, Mark.Of(15m, 20))]));

        Assert.Contains("15 is above the scale of 10", error.Message, StringComparison.Ordinal);
    }
}
