using Ent.Plugins.Grading.Competencies;

namespace Ent.Plugins.Grading.Tests.Competencies;

/// <summary>The socle in the DNB: 400 points up to session 2025, none from session 2026.</summary>
public sealed class DnbSocleTests
{
    private static Dictionary<SocleComponent, MasteryLevel> All(MasteryLevel level) =>
        Enum.GetValues<SocleComponent>().ToDictionary(c => c, _ => level);

    [Fact]
    public void Up_to_session_2025_eight_very_good_components_bring_400_points()
    {
        Assert.Equal(400, DnbSocle.Points(2025, All(MasteryLevel.VeryGood)));
        Assert.Equal(80, DnbSocle.Points(2024, All(MasteryLevel.Insufficient)));
    }

    [Fact]
    public void From_session_2026_the_socle_brings_no_points_and_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DnbSocle.Points(2026, All(MasteryLevel.VeryGood)));

        Assert.Contains("session 2026", error.Message, StringComparison.Ordinal);
        Assert.Contains("LSU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_component_is_named()
    {
        var levels = All(MasteryLevel.Satisfactory);
        levels.Remove(SocleComponent.ArtsAndBody);

        var error = Assert.Throws<ArgumentException>(() => DnbSocle.Points(2025, levels));

        Assert.Contains("ArtsAndBody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ninth_component_is_refused_naming_it()
    {
        var levels = All(MasteryLevel.VeryGood);
        levels[(SocleComponent)9] = MasteryLevel.VeryGood;

        var error = Assert.Throws<ArgumentException>(() => DnbSocle.Points(2025, levels));

        Assert.Contains("9 is not one of the 8 components", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_given_twice_is_refused_naming_it()
    {
        var levels = All(MasteryLevel.Fragile).ToList();
        levels.Add(new(SocleComponent.FrenchLanguage, MasteryLevel.VeryGood));

        var error = Assert.Throws<ArgumentException>(() => DnbSocle.Points(2025, levels));

        Assert.Contains("FrenchLanguage is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_level_that_is_not_one_of_the_four_is_refused_naming_it()
    {
        var levels = All(MasteryLevel.Satisfactory);
        levels[SocleComponent.ArtsAndBody] = (MasteryLevel)7;

        var error = Assert.Throws<ArgumentException>(() => DnbSocle.Points(2025, levels));

        Assert.Contains("7 is not a level of mastery", error.Message, StringComparison.Ordinal);
        Assert.Contains("ArtsAndBody", error.Message, StringComparison.Ordinal);
    }
}
