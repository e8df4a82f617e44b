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

    /// <summary>5/10 and 10/20 (both 0.5) in one order or the other, then 18/20.</summary>
    private static GradeItem[] TwoEqualLowest(int order) =>
        order == 0 ? [Item(5, 10), Item(10, 20), Item(18, 20)] : [Item(10, 20), Item(5, 10), Item(18, 20)];

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

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Among_equal_lowest_grades_the_one_with_the_highest_maximum_is_dropped_as_in_moodle(int order)
    {
        // 5/10 and 10/20 are both 0.5: Moodle drops 10/20 (the higher grademax), leaving (5 + 18) / (10 + 20).
        Assert.Equal(20m * 23 / 30, Run(MoodleMethod.SimpleWeightedMean, TwoEqualLowest(order), new MoodleOptions(DropLowest: 1))!.Value, 20);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Among_equal_grades_at_the_cut_keep_highest_keeps_the_lowest_maximum_whatever_the_order(int order)
    {
        // Keeping 2 of 3 is dropping 1 the way Moodle drops it: 18/20 and 5/10 stay.
        Assert.Equal(20m * 23 / 30, Run(MoodleMethod.SimpleWeightedMean, TwoEqualLowest(order), new MoodleOptions(KeepHighest: 2))!.Value, 20);
    }

    [Fact]
    public void With_drop_lowest_or_keep_highest_no_method_depends_on_the_order_of_the_items()
    {
        var random = new Random(2026);
        foreach (var method in Enum.GetValues<MoodleMethod>())
        {
            foreach (var options in new[] { new MoodleOptions(DropLowest: 1), new MoodleOptions(DropLowest: 2), new MoodleOptions(KeepHighest: 2) })
            {
                for (var round = 0; round < 50; round++)
                {
                    // Ties on purpose: few distinct fractions, several scales and coefficients.
                    var items = Enumerable.Range(0, random.Next(2, 7))
                        .Select(_ => (Scale: new[] { 10m, 20m, 40m }[random.Next(3)], Half: random.Next(3), Coefficient: (decimal)random.Next(1, 3), Bonus: random.Next(6) == 0))
                        .Select(i => Item(i.Scale * i.Half / 2, i.Scale, i.Coefficient, i.Bonus ? GradeItemKind.Bonus : GradeItemKind.Normal))
                        .ToList();
                    var reversed = Enumerable.Reverse(items).ToList();
                    var shuffled = items.OrderBy(_ => random.Next()).ToList();

                    var expected = Run(method, items, options);
                    Assert.Equal(expected, Run(method, reversed, options));
                    Assert.Equal(expected, Run(method, shuffled, options));
                }
            }
        }
    }

    [Fact]
    public void In_a_natural_category_the_limit_rules_apply_only_when_every_item_has_the_same_maximum_and_weight_and_none_is_extra_credit()
    {
        var drop = new MoodleOptions(DropLowest: 1);

        Assert.Equal(15m, Run(MoodleMethod.Natural, [Item(10, 20), Item(12, 20), Item(18, 20)], drop)); // (12 + 18) / 40
        Assert.Equal(20m * 33 / 50, Run(MoodleMethod.Natural, [Item(5, 10), Item(10, 20), Item(18, 20)], drop)!.Value, 20); // maxima differ: nothing dropped
        Assert.Equal(20m * 40 / 60, Run(MoodleMethod.Natural, [Item(10, 20), Item(12, 20, weight: 2), Item(18, 20)], drop)!.Value, 20); // weights differ
        Assert.Equal(20m * 42 / 60, Run(MoodleMethod.Natural, [Item(10, 20), Item(12, 20), Item(18, 20), Item(2, 20, kind: GradeItemKind.Bonus)], drop)!.Value, 20); // extra credit
    }

    [Fact]
    public void Version_1_keeps_computing_as_it_did_for_the_periods_closed_with_it()
    {
        var first = new MoodleAggregation(MoodleMethod.Natural, new MoodleOptions(DropLowest: 1), version: 1);

        Assert.Equal((1, MoodleAggregation.LatestVersion), (first.Version, new MoodleAggregation(MoodleMethod.Natural).Version));
        Assert.Equal(20m * 28 / 40, first.Average([Item(5, 10), Item(10, 20), Item(18, 20)])!.Value, 20); // v1 dropped 5/10, the first of the equal lowest
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
