using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Tests.Averages;

/// <summary>The French subject average, with the worked examples of ../shared/DOMAIN.md (Index Éducation's).</summary>
public sealed class FrenchAverageTests
{
    private static readonly FrenchAverage To20 = new(FrenchAverageMode.NormalizedTo20);
    private static readonly FrenchAverage SumOfScales = new(FrenchAverageMode.SumOfScales);

    private static GradeItem Item(decimal points, decimal scale, decimal coefficient = 1, GradeItemKind kind = GradeItemKind.Normal) =>
        new(Mark.Of(points, scale), scale, coefficient, kind);

    private static GradeItem Coded(MarkCode code, decimal scale = 20, decimal coefficient = 1) => new(Mark.Coded(code), scale, coefficient);

    private static readonly GradeItem[] PronoteExample = [Item(18, 20), Item(2, 10), Item(1, 5)];

    [Fact]
    public void Bringing_each_mark_to_20_gives_8_67_for_18_20_2_10_1_5()
    {
        var average = To20.Average(PronoteExample)!.Value;

        Assert.Equal(26m / 3, average);
        Assert.Equal(8.67m, AverageRounding.Default.Apply(average));
    }

    [Fact]
    public void Summing_the_scales_gives_12_for_the_same_marks()
    {
        Assert.Equal(12m, SumOfScales.Average(PronoteExample));
    }

    [Fact]
    public void Coefficients_weigh_marks_in_both_modes()
    {
        GradeItem[] marks = [Item(10, 20, coefficient: 2), Item(16, 20, coefficient: 1)];

        Assert.Equal(12m, To20.Average(marks)); // (2·10 + 16) / 3
        Assert.Equal(12m, SumOfScales.Average(marks)); // 20·(2·10 + 16) / (2·20 + 20)
    }

    [Fact]
    public void With_coefficients_summing_scales_weighs_each_mark_by_coefficient_times_scale()
    {
        GradeItem[] marks = [Item(8, 10, coefficient: 2), Item(15, 20, coefficient: 1)];

        Assert.Equal(20m * (2 * 8 + 15) / (2 * 10 + 20), SumOfScales.Average(marks)); // 15.5
        Assert.Equal((2 * 16m + 15) / 3, To20.Average(marks));
    }

    [Fact]
    public void An_assessment_with_coefficient_0_does_not_count()
    {
        Assert.Equal(14m, To20.Average([Item(14, 20), Item(2, 20, coefficient: 0)]));
    }

    [Theory]
    [InlineData(MarkCode.Absent)]
    [InlineData(MarkCode.Exempt)]
    [InlineData(MarkCode.NotGraded)]
    [InlineData(MarkCode.Unfit)]
    [InlineData(MarkCode.NotHandedIn)]
    public void Codes_left_out_do_not_change_the_average(MarkCode code)
    {
        Assert.Equal(14m, To20.Average([Item(14, 20), Coded(code)]));
    }

    [Theory]
    [InlineData(MarkCode.AbsentUnjustified)]
    [InlineData(MarkCode.NotHandedInCounted)]
    public void Codes_counted_as_zero_lower_the_average(MarkCode code)
    {
        Assert.Equal(7m, To20.Average([Item(14, 20), Coded(code)]));
    }

    [Fact]
    public void A_bonus_assessment_adds_only_its_points_above_half_the_scale()
    {
        GradeItem[] marks = [Item(12, 20), Item(14, 20), Item(16, 20, kind: GradeItemKind.Bonus)];

        Assert.Equal(16m, To20.Average(marks)); // (12 + 14 + (16 − 10)) / 2
        Assert.Equal(16m, SumOfScales.Average(marks)); // 20·(12 + 14 + (16 − 10)) / 40
    }

    [Fact]
    public void A_bonus_below_half_the_scale_changes_nothing()
    {
        Assert.Equal(13m, To20.Average([Item(12, 20), Item(14, 20), Item(4, 10, kind: GradeItemKind.Bonus)]));
    }

    [Fact]
    public void A_bonus_never_takes_the_average_above_20()
    {
        Assert.Equal(20m, To20.Average([Item(19, 20), Item(20, 20, coefficient: 5, kind: GradeItemKind.Bonus)]));
    }

    [Fact]
    public void An_optional_assessment_counts_only_when_it_raises_the_average()
    {
        Assert.Equal(13m, To20.Average([Item(12, 20), Item(14, 20), Item(9, 20, kind: GradeItemKind.Optional)]));
        Assert.Equal(14m, To20.Average([Item(12, 20), Item(14, 20), Item(16, 20, kind: GradeItemKind.Optional)]));
    }

    [Fact]
    public void Optional_assessments_are_tried_from_the_best_and_each_kept_while_it_raises_the_average()
    {
        // 10 alone; 18 raises it to 14; 13 would lower 14: left out; 16 raises 14 to 14.67.
        var average = To20.Average([Item(10, 20), Item(13, 20, kind: GradeItemKind.Optional), Item(18, 20, kind: GradeItemKind.Optional), Item(16, 20, kind: GradeItemKind.Optional)]);

        Assert.Equal(44m / 3, average);
    }

    [Fact]
    public void Without_any_counted_mark_there_is_no_average()
    {
        Assert.Null(To20.Average([]));
        Assert.Null(To20.Average([Coded(MarkCode.Absent), Item(15, 20, coefficient: 0)]));
        Assert.Null(To20.Average([Item(18, 20, kind: GradeItemKind.Bonus)]));
    }

    [Fact]
    public void The_average_is_exact_and_rounding_is_left_to_display()
    {
        var average = To20.Average([Item(10, 20), Item(10, 20), Item(11, 20)])!.Value;

        Assert.Equal(31m / 3, average);
        Assert.NotEqual(10.33m, average);
    }

    [Fact]
    public void Each_mode_has_its_own_id_and_a_version()
    {
        Assert.Equal(("fr.normalized-to-20", 1), (To20.Id, To20.Version));
        Assert.Equal(("fr.sum-of-scales", 1), (SumOfScales.Id, SumOfScales.Version));
    }
}
