using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Tests.Averages;

/// <summary>
/// Moodle's aggregation methods, on Moodle's own example (A1 70/100, A2 20/80, A3 10/10, normalised 0.7, 0.25,
/// 1.0), results out of 20 (Moodle's out of 100 divided by 5).
/// </summary>
public sealed class MoodleAggregationTests
{
    private static GradeItem Item(decimal points, decimal scale, decimal weight = 1, GradeItemKind kind = GradeItemKind.Normal) =>
        new(Mark.Of(points, scale), scale, weight, kind);

    private static readonly GradeItem[] MoodleExample = [Item(70, 100), Item(20, 80), Item(10, 10)];

    private static decimal? Run(MoodleMethod method, IReadOnlyList<GradeItem> items, MoodleOptions? options = null) =>
        new MoodleAggregation(method, options).Average(items);

    [Fact]
    public void Mean_of_grades_gives_65_out_of_100()
    {
        Assert.Equal(13m, Run(MoodleMethod.Mean, MoodleExample)); // (0.7 + 0.25 + 1.0) / 3 = 0.65
    }

    [Fact]
    public void Weighted_mean_with_weights_10_5_3_gives_62_5_out_of_100()
    {
        GradeItem[] items = [Item(70, 100, 10), Item(20, 80, 5), Item(10, 10, 3)];

        Assert.Equal(12.5m, Run(MoodleMethod.WeightedMean, items)); // (7 + 1.25 + 3) / 18 = 0.625
    }

    [Fact]
    public void Simple_weighted_mean_weighs_each_grade_by_its_range()
    {
        Assert.Equal(20m * 100 / 190, Run(MoodleMethod.SimpleWeightedMean, MoodleExample)!.Value, 20); // (70 + 20 + 10) / (100 + 80 + 10)
    }

    [Fact]
    public void Mean_with_extra_credits_adds_weight_times_grade_and_divides_by_the_normal_items()
    {
        // Moodle's help: items 20/100 (extra credit weight 2), 40/100, 70/100. Moodle's code: (0.4 + 0.7 + 2 × 0.2) / 2 = 0.75.
        GradeItem[] items = [Item(20, 100, 2, GradeItemKind.Bonus), Item(40, 100, 0), Item(70, 100, 0)];

        Assert.Equal(15m, Run(MoodleMethod.MeanWithExtraCredits, items));
    }

    [Fact]
    public void Median_takes_the_middle_grade_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(14m, Run(MoodleMethod.Median, MoodleExample)); // median(0.25, 0.7, 1.0) = 0.7
        Assert.Equal(9.5m, Run(MoodleMethod.Median, [Item(70, 100), Item(20, 80)])); // (0.25 + 0.7) / 2
    }

    [Fact]
    public void Lowest_and_highest_take_the_extreme_normalised_grades()
    {
        Assert.Equal(5m, Run(MoodleMethod.Lowest, MoodleExample));
        Assert.Equal(20m, Run(MoodleMethod.Highest, MoodleExample));
    }

    [Fact]
    public void Mode_takes_the_most_frequent_grade_and_the_highest_of_equally_frequent_ones()
    {
        Assert.Equal(10m, Run(MoodleMethod.Mode, [Item(5, 10), Item(10, 20), Item(18, 20)]));
        Assert.Equal(18m, Run(MoodleMethod.Mode, [Item(5, 10), Item(18, 20)]));
    }

    [Fact]
    public void Natural_sums_points_over_maxima_and_extra_credit_adds_points_only()
    {
        Assert.Equal(20m * 100 / 190, Run(MoodleMethod.Natural, MoodleExample)!.Value, 20);
        Assert.Equal(20m * 90 / 100, Run(MoodleMethod.Natural, [Item(60, 80), Item(15, 20), Item(15, 20, kind: GradeItemKind.Bonus)]));
    }

    [Fact]
    public void Natural_is_capped_at_the_maximum()
    {
        Assert.Equal(20m, Run(MoodleMethod.Natural, [Item(20, 20), Item(20, 20, kind: GradeItemKind.Bonus)]));
    }

    [Fact]
    public void Dropping_the_lowest_grade_leaves_it_out_first()
    {
        Assert.Equal(17m, Run(MoodleMethod.Mean, MoodleExample, new MoodleOptions(DropLowest: 1))); // (0.7 + 1.0) / 2
    }

    [Fact]
    public void Keeping_the_highest_grade_keeps_only_it()
    {
        Assert.Equal(20m, Run(MoodleMethod.Mean, MoodleExample, new MoodleOptions(KeepHighest: 1)));
    }

    [Fact]
    public void Two_equal_grades_are_two_grades_when_dropping()
    {
        Assert.Equal(10m, Run(MoodleMethod.Mean, [Item(10, 20), Item(10, 20), Item(5, 10)], new MoodleOptions(DropLowest: 1)));
    }

    [Fact]
    public void Empty_grades_are_left_out_by_default_and_count_as_zero_when_asked()
    {
        GradeItem[] items = [Item(16, 20), new(Mark.Coded(MarkCode.Absent), 20)];

        Assert.Equal(16m, Run(MoodleMethod.Mean, items));
        Assert.Equal(8m, Run(MoodleMethod.Mean, items, new MoodleOptions(EmptyAsZero: true)));
    }

    [Fact]
    public void Dropping_and_keeping_at_once_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MoodleAggregation(MoodleMethod.Mean, new MoodleOptions(1, 1)));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_grades_there_is_no_average_in_any_method()
    {
        foreach (var method in Enum.GetValues<MoodleMethod>())
        {
            Assert.Null(Run(method, []));
        }
    }

    [Fact]
    public void Every_method_has_its_own_id()
    {
        var ids = Enum.GetValues<MoodleMethod>().Select(m => new MoodleAggregation(m).Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("moodle.", id, StringComparison.Ordinal));
    }
}
