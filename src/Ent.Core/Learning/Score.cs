namespace Ent.Core.Learning;

/// <summary>A score on a scale, e.g. 13.5 out of 20.</summary>
public readonly record struct Score
{
    /// <summary>Creates a score.</summary>
    /// <param name="raw">The score obtained.</param>
    /// <param name="max">The top of the scale; positive.</param>
    /// <param name="min">The bottom of the scale; below the top.</param>
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty or the score lies outside it; the message names the value.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public Score(decimal raw, decimal max, decimal min = 0)
    {
        if (max <= min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"A score's scale must have its top ({max}) above its bottom ({min}).");
        }

        if (raw < min || raw > max)
        {
            throw new ArgumentOutOfRangeException(nameof(raw), raw, $"The score {raw} lies outside its scale {min}..{max}.");
        }

        Raw = raw;
        Max = max;
        Min = min;
    }

    /// <summary>The score obtained.</summary>
    public decimal Raw { get; }

    /// <summary>The top of the scale.</summary>
    public decimal Max { get; }

    /// <summary>The bottom of the scale.</summary>
    public decimal Min { get; }

    /// <summary>The score scaled to 0..1.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal Scaled => (Raw - Min) / (Max - Min);

    /// <summary>The score brought to a scale of 20, as French marks are.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal OutOfTwenty => Scaled * 20m;

    /// <inheritdoc />
    public override string ToString() => $"{Raw}/{Max}";
}
