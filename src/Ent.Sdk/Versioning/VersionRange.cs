namespace Ent.Sdk.Versioning;

/// <summary>
/// A range of semantic versions, written as in NuGet (<c>[1.0.0,2.0.0)</c>, <c>[1.2.0,]</c>, <c>[1.2.3]</c>),
/// with a caret (<c>^1.2.0</c>: from 1.2.0 up to, not including, 2.0.0), or as a bare minimum
/// (<c>1.2.0</c>: 1.2.0 or later).
/// </summary>
public sealed class VersionRange
{
    private readonly string _text;

    private VersionRange(string text, SemanticVersion? minimum, bool minimumInclusive, SemanticVersion? maximum, bool maximumInclusive)
    {
        _text = text;
        Minimum = minimum;
        MinimumInclusive = minimumInclusive;
        Maximum = maximum;
        MaximumInclusive = maximumInclusive;
    }

    /// <summary>The lower bound, or null when there is none.</summary>
    public SemanticVersion? Minimum { get; }

    /// <summary>Whether the lower bound itself is in the range.</summary>
    public bool MinimumInclusive { get; }

    /// <summary>The upper bound, or null when there is none.</summary>
    public SemanticVersion? Maximum { get; }

    /// <summary>Whether the upper bound itself is in the range.</summary>
    public bool MaximumInclusive { get; }

    /// <summary>Any version.</summary>
    public static VersionRange Any { get; } = new("*", null, false, null, false);

    /// <summary>Parses a range.</summary>
    /// <param name="text">The text, e.g. <c>^1.0.0</c> or <c>[1.0.0,2.0.0)</c>.</param>
    /// <exception cref="FormatException">The text is not a version range; the message names it.</exception>
    public static VersionRange Parse(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed == "*")
        {
            return Any;
        }

        if (trimmed.StartsWith('^'))
        {
            var min = ParseBound(trimmed[1..], text);
            return new(trimmed, min, true, new SemanticVersion(min.Major + 1, 0, 0), false);
        }

        if (trimmed.Length > 0 && trimmed[0] is '[' or '(')
        {
            return ParseInterval(trimmed, text);
        }

        return new(trimmed, ParseBound(trimmed, text), true, null, false);
    }

    /// <summary>Whether a version is in the range.</summary>
    /// <param name="version">The version.</param>
    public bool Includes(SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Minimum is not null && (MinimumInclusive ? version < Minimum : version <= Minimum))
        {
            return false;
        }

        return Maximum is null || (MaximumInclusive ? version <= Maximum : version < Maximum);
    }

    /// <inheritdoc />
    public override string ToString() => _text;

    private static VersionRange ParseInterval(string trimmed, string? original)
    {
        var last = trimmed[^1];
        if (last is not (']' or ')'))
        {
            throw Invalid(original);
        }

        var body = trimmed[1..^1];
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            // [1.2.3]: exactly one version.
            if (trimmed[0] != '[' || last != ']')
            {
                throw Invalid(original);
            }

            var exact = ParseBound(body, original);
            return new(trimmed, exact, true, exact, true);
        }

        var lower = body[..comma].Trim();
        var upper = body[(comma + 1)..].Trim();
        var minimum = lower.Length == 0 ? null : ParseBound(lower, original);
        var maximum = upper.Length == 0 ? null : ParseBound(upper, original);
        if (minimum is not null && maximum is not null && minimum > maximum)
        {
            throw new FormatException($"'{original}' is not a version range: its lower bound is above its upper bound.");
        }

        return new(trimmed, minimum, trimmed[0] == '[', maximum, last == ']');
    }

    private static SemanticVersion ParseBound(string bound, string? original) =>
        SemanticVersion.TryParse(bound, out var version) ? version : throw Invalid(original);

    private static FormatException Invalid(string? original) =>
        new($"'{original}' is not a version range (use ^1.0.0, [1.0.0,2.0.0) or 1.0.0).");
}
