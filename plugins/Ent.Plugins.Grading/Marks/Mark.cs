using System.Globalization;

namespace Ent.Plugins.Grading.Marks;

/// <summary>A pupil's mark in an assessment: a number on the assessment's scale, or a code (the default value is a mark of 0).</summary>
public readonly record struct Mark
{
    private Mark(int stored) => Stored = stored;

    /// <summary>The points, on the assessment's scale, without trailing zeros (15, 12.5, 7.25); null for a code.</summary>
    public decimal? Points => Stored >= 0 ? Decimal(Stored) : null;

    /// <summary>The code; null for a number.</summary>
    public MarkCode? Code => Stored < 0 ? (MarkCode)(-Stored) : null;

    /// <summary>The mark in one whole number, as the gradebook's documents and the term close keep it: hundredths of a point, or a code as its negative number.</summary>
    internal int Stored { get; }

    /// <summary>A number of points on a scale.</summary>
    /// <param name="points">The points, from 0 to the scale, to the hundredth at most.</param>
    /// <param name="scale">The assessment's scale (20 for a mark out of 20).</param>
    /// <exception cref="ArgumentOutOfRangeException">Below 0 or above the scale; the message names both.</exception>
    public static Mark Of(decimal points, decimal scale)
    {
        Scale.Check(scale);
        if (points < 0 || points > scale)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, $"A mark of {points.ToString(CultureInfo.InvariantCulture)} is outside 0–{scale.ToString(CultureInfo.InvariantCulture)}, the assessment's scale.");
        }

        return decimal.Round(points, 2) == points
            ? new Mark((int)(points * 100))
            : throw new ArgumentOutOfRangeException(nameof(points), points, $"A mark of {points.ToString(CultureInfo.InvariantCulture)} has more than two decimals: marks are kept to the hundredth.");
    }

    /// <summary>A number of points given as a double (from a form or an import): NaN and infinities are refused.</summary>
    /// <param name="points">The points.</param>
    /// <param name="scale">The assessment's scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not a finite number, or outside the scale.</exception>
    public static Mark Of(double points, decimal scale)
    {
        if (!double.IsFinite(points))
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, $"A mark must be a number; {points.ToString(CultureInfo.InvariantCulture)} is not.");
        }

        Scale.Check(scale);
        if (points < 0 || points > (double)scale)
        {
            // Checked before the conversion: a value a decimal cannot hold (1e30) is refused by name, not by an OverflowException.
            throw new ArgumentOutOfRangeException(nameof(points), points, $"A mark of {points.ToString("R", CultureInfo.InvariantCulture)} is outside 0–{scale.ToString(CultureInfo.InvariantCulture)}, the assessment's scale.");
        }

        return Of((decimal)points, scale);
    }

    /// <summary>A code instead of a number.</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not one of the codes.</exception>
    public static Mark Coded(MarkCode code) =>
        MarkCodes.IsDefined(code)
            ? new Mark(-(int)code)
            : throw new ArgumentOutOfRangeException(nameof(code), code, $"{(int)code} is not a mark code (1–7: absent, exempt, not graded, unfit, not handed in, absent unjustified, not handed in counted).");

    /// <summary>The points that count in an average: the number, 0 for a code that counts as 0, null for a code left out.</summary>
    public decimal? Counted => Stored >= 0 ? Points : IsCounted ? 0m : null;

    /// <summary>Whether it counts in an average (<see cref="Counted"/> is not null).</summary>
    internal bool IsCounted => Stored >= 0 || ((MarkCode)(-Stored)).CountsAsZero();

    /// <summary>A mark from its <see cref="Stored"/> number, checked against the scale.</summary>
    internal static Mark FromStored(int value, int scale) => value < 0 ? Coded((MarkCode)(-value)) : Of(value / 100m, scale);

    private static decimal Decimal(int hundredths) =>
        hundredths % 100 == 0 ? hundredths / 100 : hundredths % 10 == 0 ? new decimal(hundredths / 10, 0, 0, false, 1) : new decimal(hundredths, 0, 0, false, 2);

    /// <inheritdoc />
    public override string ToString() => Code?.ToString() ?? Points!.Value.ToString(CultureInfo.InvariantCulture);
}
