using System.Globalization;

namespace Ent.Plugins.Grading.Averages;

/// <summary>Which way a displayed average is rounded.</summary>
public enum RoundingDirection
{
    /// <summary>To the nearest step, halves up (12.25 → 12.3 at 0.1).</summary>
    Nearest,

    /// <summary>Up to the next step (12.21 → 12.5 at 0.5), in the pupil's favour.</summary>
    Up,
}

/// <summary>
/// How a department shows averages: to 0.01, 0.1, 0.5 or 1 point, to the nearest or up. A display choice
/// only: stored averages stay exact.
/// </summary>
public sealed record AverageRounding
{
    private static readonly decimal[] Steps = [0.01m, 0.1m, 0.5m, 1m];

    /// <summary>Creates a rounding rule.</summary>
    /// <param name="step">0.01, 0.1, 0.5 or 1.</param>
    /// <param name="direction">Nearest or up.</param>
    /// <exception cref="ArgumentOutOfRangeException">Another step; the message names it.</exception>
    public AverageRounding(decimal step, RoundingDirection direction = RoundingDirection.Nearest)
    {
        Step = Steps.Contains(step) ? step : throw new ArgumentOutOfRangeException(nameof(step), step, $"A rounding step of {step.ToString(CultureInfo.InvariantCulture)} is not offered: 0.01, 0.1, 0.5 or 1.");
        Direction = Enum.IsDefined(direction) ? direction : throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a rounding direction.");
    }

    /// <summary>The French default: to the nearest hundredth.</summary>
    public static AverageRounding Default { get; } = new(0.01m);

    /// <summary>The step.</summary>
    public decimal Step { get; }

    /// <summary>The direction.</summary>
    public RoundingDirection Direction { get; }

    /// <summary>The average as shown.</summary>
    /// <param name="average">The exact average.</param>
    public decimal Apply(decimal average)
    {
        var steps = average / Step;
        var rounded = Direction == RoundingDirection.Up ? Math.Ceiling(steps) : Math.Round(steps, MidpointRounding.AwayFromZero);
        return rounded * Step;
    }
}
