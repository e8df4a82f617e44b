using Ent.Plugins.Grading.Averages;

namespace Ent.Plugins.Grading.Tests.Averages;

/// <summary>Display rounding, class statistics and the overall average.</summary>
public sealed class RoundingAndStatisticsTests
{
    [Theory]
    [InlineData(0.01, RoundingDirection.Nearest, 12.345, 12.35)]
    [InlineData(0.1, RoundingDirection.Nearest, 12.25, 12.3)]
    [InlineData(0.1, RoundingDirection.Nearest, 12.24, 12.2)]
    [InlineData(0.5, RoundingDirection.Nearest, 12.24, 12.0)]
    [InlineData(0.5, RoundingDirection.Nearest, 12.25, 12.5)]
    [InlineData(0.5, RoundingDirection.Up, 12.01, 12.5)]
    [InlineData(1, RoundingDirection.Nearest, 10.5, 11)]
    [InlineData(1, RoundingDirection.Up, 10.01, 11)]
    [InlineData(1, RoundingDirection.Up, 10, 10)]
    public void Averages_are_shown_to_the_departments_step(double step, RoundingDirection direction, double exact, double shown)
    {
        Assert.Equal((decimal)shown, new AverageRounding((decimal)step, direction).Apply((decimal)exact));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0)]
    [InlineData(2)]
    public void Other_rounding_steps_are_refused_naming_the_value(double step)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AverageRounding((decimal)step));

        Assert.Contains(((decimal)step).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_statistics_skip_missing_values()
    {
        var statistics = Statistics.Of([12m, null, 8m, 16m]);

        Assert.Equal(new Statistics(12m, 8m, 16m, 3), statistics);
        Assert.Equal(Statistics.Empty, Statistics.Of([null, null]));
    }

    [Fact]
    public void The_overall_average_weighs_subject_averages_by_their_coefficients()
    {
        Assert.Equal(12.5m, OverallAverage.Of([(14m, 3m), (10m, 2m), (11m, 0m), (null, 4m), (13m, 1m)])); // (42 + 20 + 13) / 6
    }

    [Fact]
    public void Without_a_subject_average_there_is_no_overall_average()
    {
        Assert.Null(OverallAverage.Of([(null, 2m), (15m, 0m)]));
    }

    [Fact]
    public void A_negative_subject_coefficient_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OverallAverage.Of([(12m, -1m)]));

        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }
}
