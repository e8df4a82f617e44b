using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Tests.Averages;

/// <summary>The one computation of a class's period (cards, class council, term close): what the rule gives each pupil, and the class's figures from it.</summary>
public sealed class ClassAveragesTests
{
    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 20) : null;
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
                [.. pupils.Where(_ => random.Next(5) > 0).Select(p => new PupilMark(p, Mark.Of(random.Next(scale * 4 + 1) / 4m, scale))).OrderBy(m => m.Pupil.Value)]); // as the gradebook keeps them
        })])).ToList();
        return new ClassMarks(pupils, subjects);
    }


    [Fact]
    public void Overall_averages_and_the_class_figures_follow_from_the_subject_averages()
    {
        var @class = RandomClass(new Random(20261203), 30, 5);

        var computed = ClassAverages.Compute(new FrenchAverage(FrenchAverageMode.NormalizedTo20), @class.Pupils, @class.Subjects);

        for (var p = 0; p < @class.Pupils.Count; p++)
        {
            Assert.Equal(OverallAverage.Of([.. @class.Subjects.Select((subject, s) => (computed.Of(p, s).Average, subject.Coefficient))]), computed.Overall(p));
        }

        for (var s = 0; s < @class.Subjects.Count; s++)
        {
            Assert.Equal(Statistics.Of([.. Enumerable.Range(0, @class.Pupils.Count).Select(p => computed.Of(p, s).Average)]), computed.OfSubject(s));
        }

        Assert.Equal(Statistics.Of([.. Enumerable.Range(0, @class.Pupils.Count).Select(computed.Overall)]), computed.Class);
    }

    [Theory]
    [InlineData(FrenchAverageMode.NormalizedTo20)]
    [InlineData(FrenchAverageMode.SumOfScales)]
    public void Marks_in_any_order_and_marks_of_pupils_outside_the_class_give_what_the_rule_gives(FrenchAverageMode mode)
    {
        // The marks as the gradebook keeps them (by pupil id), then shuffled, with a stranger's mark and a pupil listed twice.
        var random = new Random(20261204);
        var @class = RandomClass(random, 12, 2);
        var stranger = new PupilMark(PersonId.New(), Mark.Of(20m, 20));
        var shuffled = new ClassMarks([.. @class.Pupils, @class.Pupils[3]], [.. @class.Subjects.Select(s => (s.Coefficient, (IReadOnlyList<AssessmentDocument>)[.. s.Assessments.Select(a =>
            a with { Marks = [.. a.Marks.Append(stranger).OrderBy(_ => random.Next())] })]))]);
        var rule = new FrenchAverage(mode);

        var inOrder = ClassAverages.Compute(rule, @class.Pupils, @class.Subjects);
        var computed = ClassAverages.Compute(rule, shuffled.Pupils, shuffled.Subjects);

        for (var p = 0; p < @class.Pupils.Count; p++)
        {
            for (var s = 0; s < @class.Subjects.Count; s++)
            {
                Assert.Equal(inOrder.Of(p, s), computed.Of(p, s));
            }
        }

        Assert.Equal((null, 0), computed.Of(@class.Pupils.Count, 0)); // the pupil listed twice counts at the first place only
    }

    [Fact]
    public void A_rule_that_fails_while_classes_are_computed_together_surfaces_its_own_error()
    {
        var random = new Random(20261205);
        var classes = Enumerable.Range(0, 6).Select(_ => RandomClass(random, 20, 3)).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => ClassAverages.ComputeMany(new FailingRule(), classes));

        Assert.Equal("The rule failed.", error.Message);
    }

    private sealed class FailingRule : IGradeAggregation
    {
        public string Id => "test.failing";

        public int Version => 1;

        public decimal? Average(IReadOnlyList<GradeItem> items) => throw new InvalidOperationException("The rule failed.");
    }
}
