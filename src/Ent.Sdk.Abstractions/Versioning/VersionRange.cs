using Semver;

namespace Ent.Sdk.Versioning;

/// <summary>
/// A range of semantic versions, written with a caret (<c>^1.2.0</c>: 1.2.0 up to, not including, 2.0.0;
/// <c>^0.1.0</c>: up to 0.2.0), as an interval in NuGet's notation (<c>[1.0.0,2.0.0)</c>, <c>[1.2.0,]</c>,
/// <c>[1.2.3]</c>), or as a bare minimum (<c>1.2.0</c>: 1.2.0 or later). Matching follows npm's rules through the
/// Semver library: a pre-release is in a range only when a bound names a pre-release of the same major.minor.patch,
/// so <c>^1.0.0</c> takes neither 1.5.0-alpha nor 2.0.0-beta.1. <c>*</c> takes every version, pre-releases included.
/// </summary>
public sealed class VersionRange
{
    private readonly string _text;
    private readonly SemVersionRange _range;

    private VersionRange(string text, SemVersionRange range)
    {
        _text = text;
        _range = range;
    }

    /// <summary>Any version, pre-releases included.</summary>
    public static VersionRange Any { get; } = new("*", SemVersionRange.All);

    /// <summary>Parses a range.</summary>
    /// <param name="text">The text, e.g. <c>^1.0.0</c> or <c>[1.0.0,2.0.0)</c>.</param>
    /// <exception cref="FormatException">The text is not a version range; the message names it.</exception>
    public static VersionRange Parse(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length > SemanticVersion.MaxLength * 2 + 3)
        {
            throw new FormatException($"'{trimmed[..40]}…' ({trimmed.Length} characters) is not a version range: it is too long.");
        }

        if (trimmed == "*")
        {
            return Any;
        }

        var npm = trimmed.Length switch
        {
            > 0 when trimmed[0] == '^' => "^" + Bound(trimmed[1..], text),
            > 0 when trimmed[0] is '[' or '(' => Interval(trimmed, text),
            _ => ">=" + Bound(trimmed, text),
        };
        return SemVersionRange.TryParseNpm(npm, out var range, npm.Length + 1) ? new(trimmed, range) : throw Invalid(text);
    }

    /// <summary>Whether a version is in the range.</summary>
    /// <param name="version">The version.</param>
    public bool Includes(SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _range.Contains(version.Value);
    }

    /// <inheritdoc />
    public override string ToString() => _text;

    /// <summary>NuGet's interval notation, written as npm comparators.</summary>
    private static string Interval(string trimmed, string? original)
    {
        var last = trimmed[^1];
        if (trimmed.Length < 3 || last is not (']' or ')'))
        {
            throw Invalid(original);
        }

        var body = trimmed[1..^1];
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            // [1.2.3]: exactly one version.
            return trimmed[0] == '[' && last == ']' ? "=" + Bound(body, original) : throw Invalid(original);
        }

        var lower = body[..comma].Trim();
        var upper = body[(comma + 1)..].Trim();
        if (lower.Length == 0 && upper.Length == 0)
        {
            throw Invalid(original);
        }

        var comparators = new List<string>(2);
        if (lower.Length > 0)
        {
            comparators.Add((trimmed[0] == '[' ? ">=" : ">") + Bound(lower, original));
        }

        if (upper.Length > 0)
        {
            comparators.Add((last == ']' ? "<=" : "<") + Bound(upper, original));
        }

        if (lower.Length > 0 && upper.Length > 0 && SemanticVersion.Parse(lower) > SemanticVersion.Parse(upper))
        {
            throw new FormatException($"'{original}' is not a version range: its lower bound is above its upper bound.");
        }

        return string.Join(' ', comparators);
    }

    private static string Bound(string bound, string? original) =>
        SemanticVersion.TryParse(bound, out var version) ? version.ToString() : throw Invalid(original);

    private static FormatException Invalid(string? original) =>
        new($"'{original}' is not a version range (use ^1.0.0, [1.0.0,2.0.0) or 1.0.0).");
}
