using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Tests.Averages;

/// <summary>Rules by id and version: a result is recomputed by the version that produced it.</summary>
public sealed class GradeAggregationsTests
{
    private sealed class FixedRule(string id, int version, decimal result) : IGradeAggregation
    {
        public string Id => id;

        public int Version => version;

        public decimal? Average(IReadOnlyList<GradeItem> items) => result;
    }

    [Fact]
    public void The_latest_version_serves_new_results_and_a_recorded_version_serves_old_ones()
    {
        var rules = new GradeAggregations([new FixedRule("school.custom", 1, 10m), new FixedRule("school.custom", 2, 11m)]);
        GradeItem[] marks = [new(Mark.Of(15m, 20m), 20m)];

        Assert.Equal(11m, rules.Latest("school.custom").Average(marks));
        Assert.Equal(10m, rules.Get(new CalculationVersion("school.custom", 1)).Average(marks));
    }

    [Fact]
    public void A_version_no_longer_registered_is_an_error_saying_the_stored_results_are_kept()
    {
        var rules = new GradeAggregations([new FrenchAverage(FrenchAverageMode.NormalizedTo20)]);

        var error = Assert.Throws<KeyNotFoundException>(() => rules.Get(new CalculationVersion("fr.normalized-to-20", 7)));

        Assert.Contains("fr.normalized-to-20 v7", error.Message, StringComparison.Ordinal);
        Assert.Contains("kept as stored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rules_with_the_same_id_and_version_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new GradeAggregations([new FixedRule("x", 1, 1m), new FixedRule("x", 1, 2m)]));

        Assert.Contains("x v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_is_an_error_listing_the_known_ones()
    {
        var rules = new GradeAggregations([new FrenchAverage(FrenchAverageMode.SumOfScales), new MoodleAggregation(MoodleMethod.Median)]);

        var error = Assert.Throws<KeyNotFoundException>(() => rules.Latest("nope"));

        Assert.Contains("fr.sum-of-scales", error.Message, StringComparison.Ordinal);
        Assert.Contains("moodle.median", error.Message, StringComparison.Ordinal);
    }
}
