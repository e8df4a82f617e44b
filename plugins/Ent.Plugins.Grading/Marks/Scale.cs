using System.Globalization;

namespace Ent.Plugins.Grading.Marks;

/// <summary>The rules of an assessment's scale and coefficient.</summary>
public static class Scale
{
    /// <summary>The largest scale (Pronote allows 1 to 99; 100 is common elsewhere).</summary>
    public const decimal Maximum = 100m;

    /// <summary>The largest coefficient.</summary>
    public const decimal MaximumCoefficient = 99m;

    /// <summary>Checks a scale: a whole number from 1 to <see cref="Maximum"/>.</summary>
    /// <param name="scale">The scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">The message names the value.</exception>
    public static void Check(decimal scale)
    {
        if (scale < 1 || scale > Maximum || decimal.Truncate(scale) != scale)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"A scale of {scale.ToString(CultureInfo.InvariantCulture)} is not allowed: marks are out of a whole number from 1 to {Maximum.ToString(CultureInfo.InvariantCulture)} (5, 10, 20, 100…).");
        }
    }

    /// <summary>Checks a coefficient: from 0 (the assessment does not count) to <see cref="MaximumCoefficient"/>, in hundredths at most.</summary>
    /// <param name="coefficient">The coefficient.</param>
    /// <exception cref="ArgumentOutOfRangeException">The message names the value.</exception>
    public static void CheckCoefficient(decimal coefficient)
    {
        if (coefficient < 0 || coefficient > MaximumCoefficient || (coefficient.Scale > 2 && decimal.Round(coefficient, 2) != coefficient))
        {
            throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, $"A coefficient of {coefficient.ToString(CultureInfo.InvariantCulture)} is not allowed: from 0 (does not count) to {MaximumCoefficient.ToString(CultureInfo.InvariantCulture)}, in hundredths at most.");
        }
    }
}
