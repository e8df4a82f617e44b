using Semver;

namespace Ent.Sdk.Versioning;

/// <summary>
/// A semantic version (https://semver.org): major.minor.patch, an optional pre-release and build metadata. Parsed and
/// compared by the Semver library, strictly as semver.org 2.0.0 says (numeric pre-release identifiers of any size
/// compare as numbers; build metadata does not take part in precedence). Major, minor and patch are at most 2,147,483,647.
/// </summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private SemanticVersion(SemVersion value) => Value = value;

    /// <summary>Creates a release version.</summary>
    /// <param name="major">Incremented on a breaking change.</param>
    /// <param name="minor">Incremented on a compatible addition.</param>
    /// <param name="patch">Incremented on a fix.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative.</exception>
    public SemanticVersion(int major, int minor, int patch)
        : this(new SemVersion(Part(major, nameof(major)), Part(minor, nameof(minor)), Part(patch, nameof(patch))))
    {
    }

    /// <summary>Incremented on a breaking change.</summary>
    public int Major => (int)Value.Major;

    /// <summary>Incremented on a compatible addition.</summary>
    public int Minor => (int)Value.Minor;

    /// <summary>Incremented on a fix.</summary>
    public int Patch => (int)Value.Patch;

    /// <summary>The pre-release label (e.g. <c>beta.2</c>), empty for a release.</summary>
    public string PreRelease => Value.Prerelease;

    /// <summary>The build metadata (after '+'), empty when there is none; it does not take part in comparisons.</summary>
    public string Build => Value.Metadata;

    /// <summary>Whether this is a pre-release.</summary>
    public bool IsPreRelease => Value.IsPrerelease;

    /// <summary>The library's version behind this one.</summary>
    internal SemVersion Value { get; }

    /// <summary>Parses a version such as <c>1.2.0</c>, <c>2.0.0-beta.1</c> or <c>1.0.0+build.5</c>.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a semantic version; the message names it.</exception>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a semantic version (expected major.minor.patch with parts up to {int.MaxValue}, e.g. 1.2.0 or 2.0.0-beta.1).");

    /// <summary>Parses a version, or returns false.</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The version, when the text is one.</param>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength
            || !SemVersion.TryParse(text.Trim(), SemVersionStyles.Strict, out var parsed, MaxLength)
            || parsed.Major > int.MaxValue || parsed.Minor > int.MaxValue || parsed.Patch > int.MaxValue)
        {
            return false;
        }

        version = new SemanticVersion(parsed);
        return true;
    }

    /// <summary>The longest text read as a version.</summary>
    internal const int MaxLength = 256;

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other) => other is null ? 1 : Value.ComparePrecedenceTo(other.Value);

    /// <inheritdoc />
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    /// <inheritdoc />
    public override int GetHashCode() => SemVersion.PrecedenceComparer.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString();

    /// <summary>Whether two versions are equal in precedence.</summary>
    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two versions differ in precedence.</summary>
    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> precedes <paramref name="right"/>.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> follows <paramref name="right"/>.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> precedes or equals <paramref name="right"/>.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> follows or equals <paramref name="right"/>.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => Compare(left, right) >= 0;

    private static int Compare(SemanticVersion left, SemanticVersion right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.CompareTo(right);
    }

    private static int Part(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}
