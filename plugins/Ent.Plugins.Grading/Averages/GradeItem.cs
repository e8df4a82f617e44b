using System.Globalization;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Averages;

/// <summary>How an assessment counts in an average.</summary>
public enum GradeItemKind
{
    /// <summary>Counts with its coefficient.</summary>
    Normal,

    /// <summary>
    /// A bonus: in the French average only the points above half the scale count, added without adding its
    /// coefficient to the total; in Moodle's methods it is an extra-credit item.
    /// </summary>
    Bonus,

    /// <summary>Optional (facultatif): counts only if it raises the average.</summary>
    Optional,
}

/// <summary>One mark as an average sees it: the mark, its assessment's scale, coefficient and kind.</summary>
public sealed record GradeItem
{
    /// <summary>Creates an item, checking that the mark fits the scale.</summary>
    /// <param name="mark">The mark.</param>
    /// <param name="scale">The assessment's scale (more than 0, at most 100).</param>
    /// <param name="coefficient">The coefficient (0 to 99; 0: does not count). In Moodle's weighted methods, the item's weight.</param>
    /// <param name="kind">How the assessment counts.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of its range; the message names it.</exception>
    public GradeItem(Mark mark, decimal scale, decimal coefficient = 1m, GradeItemKind kind = GradeItemKind.Normal)
    {
        Scale.Check(scale);
        Scale.CheckCoefficient(coefficient);
        if (mark.Points > scale)
        {
            throw new ArgumentOutOfRangeException(nameof(mark), mark.Points, $"A mark of {mark.Points?.ToString(CultureInfo.InvariantCulture)} is above the scale of {scale.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{(int)kind} is not a kind of assessment (normal, bonus, optional).");
        }

        (Mark, OutOf, Coefficient, Kind) = (mark, scale, coefficient, kind);
    }

    /// <summary>The mark.</summary>
    public Mark Mark { get; }

    /// <summary>The assessment's scale: the mark is out of this many points.</summary>
    public decimal OutOf { get; }

    /// <summary>The coefficient.</summary>
    public decimal Coefficient { get; }

    /// <summary>How the assessment counts.</summary>
    public GradeItemKind Kind { get; }

    /// <summary>The counted mark brought to 0–1, or null when it is left out.</summary>
    internal decimal? Fraction => Mark.Counted is { } points ? points / OutOf : null;
}
