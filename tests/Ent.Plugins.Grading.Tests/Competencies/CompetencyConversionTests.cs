using Ent.Plugins.Grading.Competencies;

namespace Ent.Plugins.Grading.Tests.Competencies;

/// <summary>Levels, points and marks, with ../shared/DOMAIN.md's worked example (135/250 → 11).</summary>
public sealed class CompetencyConversionTests
{
    [Theory]
    [InlineData(MasteryLevel.Insufficient, 10)]
    [InlineData(MasteryLevel.Fragile, 25)]
    [InlineData(MasteryLevel.Satisfactory, 40)]
    [InlineData(MasteryLevel.VeryGood, 50)]
    public void Each_level_is_worth_its_points(MasteryLevel level, int points)
    {
        Assert.Equal(points, CompetencyConversion.Points(level));
    }

    [Fact]
    public void Points_135_out_of_250_make_10_8_shown_as_11()
    {
        MasteryLevel[] levels = [MasteryLevel.VeryGood, MasteryLevel.Satisfactory, MasteryLevel.Fragile, MasteryLevel.Insufficient, MasteryLevel.Insufficient];

        Assert.Equal(10.8m, CompetencyConversion.ExactMark(levels));
        Assert.Equal(11, CompetencyConversion.Mark(levels));
    }

    [Fact]
    public void Without_evaluations_there_is_no_mark_and_no_position()
    {
        Assert.Null(CompetencyConversion.Mark([]));
        Assert.Null(CompetencyConversion.Position(Array.Empty<MasteryLevel>()));
    }

    [Theory]
    [InlineData(50, MasteryLevel.VeryGood)]
    [InlineData(45.01, MasteryLevel.VeryGood)]
    [InlineData(45, MasteryLevel.Satisfactory)]
    [InlineData(33, MasteryLevel.Satisfactory)]
    [InlineData(32.99, MasteryLevel.Fragile)]
    [InlineData(18, MasteryLevel.Fragile)]
    [InlineData(17.99, MasteryLevel.Insufficient)]
    [InlineData(0, MasteryLevel.Insufficient)]
    public void An_average_of_points_is_positioned_at_the_thresholds_18_33_and_45(double points, MasteryLevel level)
    {
        Assert.Equal(level, CompetencyConversion.Position((decimal)points));
    }

    [Fact]
    public void Evaluations_are_positioned_by_their_average_points()
    {
        Assert.Equal(MasteryLevel.Fragile, CompetencyConversion.Position([MasteryLevel.VeryGood, MasteryLevel.Insufficient, MasteryLevel.Insufficient])); // 70 / 3 = 23.3
        Assert.Equal(MasteryLevel.Satisfactory, CompetencyConversion.Position([MasteryLevel.VeryGood, MasteryLevel.Fragile])); // 37.5
    }

    [Fact]
    public void An_average_outside_0_to_50_points_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CompetencyConversion.Position(51m));

        Assert.Contains("51", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_outside_the_four_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CompetencyConversion.Points((MasteryLevel)5));

        Assert.Contains("5 is not a mastery level", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_eight_components_each_named_in_french_and_english()
    {
        var components = Enum.GetValues<SocleComponent>();

        Assert.Equal(8, components.Length);
        Assert.All(components, c => Assert.False(string.IsNullOrWhiteSpace(SocleNames.Of(c).English)));
        Assert.Equal("Très bonne maîtrise", SocleNames.Of(MasteryLevel.VeryGood).French);
    }
}
