namespace Ent.Plugins.Grading.Averages;

/// <summary>A class's figures for an assessment, a subject or a period: average, lowest and highest, over the values that exist.</summary>
/// <param name="Average">The mean, exact; null when there is no value.</param>
/// <param name="Minimum">The lowest value.</param>
/// <param name="Maximum">The highest value.</param>
/// <param name="Count">How many values counted.</param>
public sealed record Statistics(decimal? Average, decimal? Minimum, decimal? Maximum, int Count)
{
    /// <summary>No value.</summary>
    public static Statistics Empty { get; } = new(null, null, null, 0);

    /// <summary>The figures of some values; nulls (no average, a mark left out) are skipped.</summary>
    /// <param name="values">The values.</param>
    public static Statistics Of(ReadOnlySpan<decimal?> values)
    {
        decimal sum = 0, min = decimal.MaxValue, max = decimal.MinValue;
        var count = 0;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                continue;
            }

            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            count++;
        }

        return count == 0 ? Empty : new Statistics(sum / count, min, max, count);
    }
}

/// <summary>The overall average (moyenne générale): the subject averages weighted by the subjects' coefficients.</summary>
public static class OverallAverage
{
    /// <summary>The overall average, exact; subjects without an average or with coefficient 0 are left out; null if none remains.</summary>
    /// <param name="subjects">Each subject's average (out of 20) and coefficient for the overall average.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative coefficient or an average outside 0–20; the message names it.</exception>
    public static decimal? Of(ReadOnlySpan<(decimal? Average, decimal Coefficient)> subjects)
    {
        decimal sum = 0, coefficients = 0;
        foreach (var (average, coefficient) in subjects)
        {
            Marks.Scale.CheckCoefficient(coefficient);
            if (average is not { } value || coefficient == 0)
            {
                continue;
            }

            if (value is < 0 or > 20)
            {
                throw new ArgumentOutOfRangeException(nameof(subjects), value, $"A subject average of {value} is outside 0–20.");
            }

            sum += coefficient * value;
            coefficients += coefficient;
        }

        return coefficients == 0 ? null : sum / coefficients;
    }
}
