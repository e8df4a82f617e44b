using System.Diagnostics.CodeAnalysis;

namespace Ent.Core.Organisation;

/// <summary>
/// A school's UAI (unité administrative immatriculée, formerly RNE): seven digits and a check
/// letter, the letter being <c>ABCDEFGHJKLMNPRSTUVWXYZ</c>[n mod 23] for the seven-digit number n.
/// </summary>
public readonly record struct Uai
{
    private const string CheckLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Uai(string value) => Value = value;

    /// <summary>The canonical form: seven digits and an upper-case check letter, e.g. <c>0930123X</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a UAI, accepting a lower-case check letter and surrounding spaces.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException">The text is not a UAI or its check letter is wrong; the message names the value.</exception>
    public static Uai Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var uai, out var error) ? uai : throw new FormatException(error);
    }

    /// <summary>Tries to parse a UAI.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="uai">The parsed UAI when the method returns true.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out Uai uai) => TryParse(text, out uai, out _);

    /// <summary>Computes the check letter for a seven-digit number.</summary>
    /// <param name="number">A number from 0 to 9,999,999.</param>
    public static char CheckLetterFor(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9_999_999);
        return CheckLetters[number % 23];
    }

    private static bool TryParse(string? text, out Uai uai, out string error)
    {
        uai = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length != 8 || !trimmed.AsSpan(0, 7).ContainsOnlyDigits())
        {
            error = $"'{text}' is not a UAI: expected seven digits followed by a check letter, e.g. 0750655E.";
            return false;
        }

        var number = int.Parse(trimmed.AsSpan(0, 7), System.Globalization.CultureInfo.InvariantCulture);
        var expected = CheckLetterFor(number);
        var actual = char.ToUpperInvariant(trimmed[7]);
        if (actual != expected)
        {
            error = $"'{text}' is not a valid UAI: its check letter is '{trimmed[7]}' but {trimmed[..7]} requires '{expected}'.";
            return false;
        }

        uai = new Uai(string.Concat(trimmed.AsSpan(0, 7), actual.ToString()));
        error = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
