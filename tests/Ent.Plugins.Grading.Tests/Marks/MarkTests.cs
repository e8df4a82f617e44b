using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Tests.Marks;

/// <summary>Bad marks, scales and coefficients are refused with an error naming the value.</summary>
public sealed class MarkTests
{
    [Theory]
    [InlineData(21, 20, "21")]
    [InlineData(-0.5, 20, "-0.5")]
    [InlineData(11, 10, "11")]
    public void A_mark_outside_its_scale_is_refused_naming_it(decimal points, decimal scale, string named)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mark.Of(points, scale));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e30)] // beyond what a decimal holds
    [InlineData(-1e300)]
    [InlineData(double.MaxValue)]
    public void A_mark_from_a_value_a_decimal_cannot_hold_is_refused_naming_the_value(double points)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mark.Of(points, 20m));

        Assert.Contains(points.ToString("R", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("0–20", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_mark_that_is_not_a_number_is_refused(double points)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mark.Of(points, 20m));

        Assert.Contains("is not", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    [InlineData(101)]
    [InlineData(12.5)]
    public void A_scale_of_zero_negative_over_100_or_fractional_is_refused_naming_it(decimal scale)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mark.Of(1m, scale));

        Assert.Contains($"A scale of {scale}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mark_with_more_than_two_decimals_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mark.Of(12.125m, 20m));

        Assert.Contains("12.125", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_coefficient_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GradeItem(Mark.Of(10m, 20m), 20m, -2m));

        Assert.Contains("A coefficient of -2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_not_in_the_list_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Mark.Coded((MarkCode)42));

        Assert.Contains("42 is not a mark code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mark_above_its_items_scale_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradeItem(Mark.Of(18m, 20m), 10m));
    }

    [Theory]
    [InlineData(MarkCode.Absent, null)]
    [InlineData(MarkCode.Exempt, null)]
    [InlineData(MarkCode.NotGraded, null)]
    [InlineData(MarkCode.Unfit, null)]
    [InlineData(MarkCode.NotHandedIn, null)]
    [InlineData(MarkCode.AbsentUnjustified, 0)]
    [InlineData(MarkCode.NotHandedInCounted, 0)]
    public void Each_code_is_left_out_or_counted_as_zero(MarkCode code, int? counted)
    {
        Assert.Equal((decimal?)counted, Mark.Coded(code).Counted);
    }

    [Theory]
    [InlineData(15.50, "15.5")]
    [InlineData(15.00, "15")]
    [InlineData(7.25, "7.25")]
    [InlineData(0, "0")]
    public void A_marks_points_are_kept_to_the_hundredth_and_shown_without_trailing_zeros(decimal points, string shown)
    {
        var mark = Mark.Of(points, 20m);

        Assert.Equal(points, mark.Points);
        Assert.Null(mark.Code);
        Assert.Equal(shown, mark.ToString());
    }

    [Fact]
    public void A_mark_and_a_code_are_equal_only_to_the_same_mark_or_code()
    {
        Assert.Equal(Mark.Of(12.5m, 20m), Mark.Of(12.50m, 20m));
        Assert.NotEqual(Mark.Of(0m, 20m), Mark.Coded(MarkCode.AbsentUnjustified)); // counted as 0, yet a code
        Assert.Equal(MarkCode.Absent, Mark.Coded(MarkCode.Absent).Code);
        Assert.Null(Mark.Coded(MarkCode.Absent).Points);
    }
}
