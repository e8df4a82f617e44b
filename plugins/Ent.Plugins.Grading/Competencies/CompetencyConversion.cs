namespace Ent.Plugins.Grading.Competencies;

/// <summary>
/// Conversions between mastery levels, points and marks, as ../shared/DOMAIN.md describes them (Index Éducation's
/// automatic grading): levels are worth 10, 25, 40 and 50 points; a mark is the points over the maximum × 20,
/// rounded to the nearest point (135/250 → 10.8 → 11); an average of points is positioned on the four levels
/// at the thresholds 18, 33 and 45 (above 45: very good; 33–45: satisfactory; 18 to under 33: fragile; under 18:
/// insufficient; the boundaries 33 and 45 belong to the satisfactory level, a choice the source leaves open).
/// </summary>
public static class CompetencyConversion
{
    /// <summary>The points of the highest level.</summary>
    public const int MaximumPoints = 50;

    /// <summary>The points a level is worth.</summary>
    /// <param name="level">The level.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not a level.</exception>
    public static int Points(MasteryLevel level) => level switch
    {
        MasteryLevel.Insufficient => 10,
        MasteryLevel.Fragile => 25,
        MasteryLevel.Satisfactory => 40,
        MasteryLevel.VeryGood => 50,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, $"{(int)level} is not a mastery level (1–4)."),
    };

    /// <summary>The exact mark out of 20 of some evaluations: their points over the maximum × 20; null without any.</summary>
    /// <param name="levels">The evaluations' levels.</param>
    public static decimal? ExactMark(IEnumerable<MasteryLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        int points = 0, count = 0;
        foreach (var level in levels)
        {
            points += Points(level);
            count++;
        }

        return count == 0 ? null : 20m * points / (count * MaximumPoints);
    }

    /// <summary>The mark out of 20, rounded to the nearest point (halves up), as Pronote gives it; null without evaluations.</summary>
    /// <param name="levels">The evaluations' levels.</param>
    public static int? Mark(IEnumerable<MasteryLevel> levels) =>
        ExactMark(levels) is { } exact ? (int)Math.Round(exact, MidpointRounding.AwayFromZero) : null;

    /// <summary>The level an average of points (0–50) is positioned at.</summary>
    /// <param name="averagePoints">The average points of the evaluations.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–50.</exception>
    public static MasteryLevel Position(decimal averagePoints) => averagePoints switch
    {
        < 0 or > MaximumPoints => throw new ArgumentOutOfRangeException(nameof(averagePoints), averagePoints, $"An average of {averagePoints} points is outside 0–{MaximumPoints}."),
        > 45 => MasteryLevel.VeryGood,
        >= 33 => MasteryLevel.Satisfactory,
        >= 18 => MasteryLevel.Fragile,
        _ => MasteryLevel.Insufficient,
    };

    /// <summary>The position of some evaluations: the level of their average points; null without any.</summary>
    /// <param name="levels">The evaluations' levels.</param>
    public static MasteryLevel? Position(IEnumerable<MasteryLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var points = levels.Select(Points).ToList();
        return points.Count == 0 ? null : Position((decimal)points.Sum() / points.Count);
    }
}
