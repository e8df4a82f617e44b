using System.Globalization;

namespace Ent.Sdk.Versioning;

/// <summary>A semantic version (https://semver.org): major.minor.patch, an optional pre-release and build metadata.</summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private SemanticVersion(int major, int minor, int patch, string preRelease, string build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        Build = build;
    }

    /// <summary>Creates a release version.</summary>
    /// <param name="major">Incremented on a breaking change.</param>
    /// <param name="minor">Incremented on a compatible addition.</param>
    /// <param name="patch">Incremented on a fix.</param>
    public SemanticVersion(int major, int minor, int patch)
        : this(major, minor, patch, string.Empty, string.Empty)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        ArgumentOutOfRangeException.ThrowIfNegative(patch);
    }

    /// <summary>Incremented on a breaking change.</summary>
    public int Major { get; }

    /// <summary>Incremented on a compatible addition.</summary>
    public int Minor { get; }

    /// <summary>Incremented on a fix.</summary>
    public int Patch { get; }

    /// <summary>The pre-release label (e.g. <c>beta.2</c>), empty for a release.</summary>
    public string PreRelease { get; }

    /// <summary>Build metadata, ignored in comparisons.</summary>
    public string Build { get; }

    /// <summary>Whether this is a pre-release.</summary>
    public bool IsPreRelease => PreRelease.Length > 0;

    /// <summary>Parses a version such as <c>1.2.3</c>, <c>1.2.3-beta.1</c> or <c>1.2.3+abc</c>.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a semantic version; the message names it.</exception>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a semantic version (expected major.minor.patch, e.g. 1.2.0).");

    /// <summary>Tries to parse a version.</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The version when the method returns true.</param>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim();
        var build = string.Empty;
        var plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = rest[(plus + 1)..];
            rest = rest[..plus];
            if (!IsIdentifierList(build))
            {
                return false;
            }
        }

        var preRelease = string.Empty;
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            preRelease = rest[(dash + 1)..];
            rest = rest[..dash];
            if (!IsIdentifierList(preRelease))
            {
                return false;
            }
        }

        var parts = rest.Split('.');
        if (parts.Length != 3 || !TryPart(parts[0], out var major) || !TryPart(parts[1], out var minor) || !TryPart(parts[2], out var patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, preRelease, build);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var result = Major.CompareTo(other.Major);
        result = result != 0 ? result : Minor.CompareTo(other.Minor);
        result = result != 0 ? result : Patch.CompareTo(other.Patch);
        return result != 0 ? result : ComparePreRelease(PreRelease, other.PreRelease);
    }

    /// <inheritdoc />
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, PreRelease);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}{(IsPreRelease ? "-" + PreRelease : string.Empty)}{(Build.Length > 0 ? "+" + Build : string.Empty)}";

    /// <summary>Whether two versions are equal (build metadata ignored).</summary>
    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two versions differ.</summary>
    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    /// <summary>Whether a version precedes another.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => Compare(left, right) < 0;

    /// <summary>Whether a version follows another.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => Compare(left, right) > 0;

    /// <summary>Whether a version precedes or equals another.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => Compare(left, right) <= 0;

    /// <summary>Whether a version follows or equals another.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => Compare(left, right) >= 0;

    private static int Compare(SemanticVersion left, SemanticVersion right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.CompareTo(right);
    }

    private static int ComparePreRelease(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            // A release ranks above any of its pre-releases.
            return right.Length.CompareTo(left.Length);
        }

        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumeric = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var result = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (result != 0)
            {
                return result;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static bool TryPart(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && (text == "0" || !text.StartsWith('0'));

    private static bool IsIdentifierList(string text) =>
        text.Length > 0 && text.Split('.').All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}
