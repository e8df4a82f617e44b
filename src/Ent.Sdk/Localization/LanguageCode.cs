using System.Globalization;
using System.Text.RegularExpressions;

namespace Ent.Sdk.Localization;

/// <summary>Language codes as Ent uses them: <c>fr</c>, <c>en</c>, or with a region (<c>fr-FR</c>), each a culture .NET knows.</summary>
public static partial class LanguageCode
{
    /// <summary>Whether <paramref name="code"/> is a language code with a known culture.</summary>
    /// <param name="code">The code.</param>
    public static bool IsValid(string? code)
    {
        if (code is null || !Shape().IsMatch(code))
        {
            return false;
        }

        try
        {
            _ = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The culture that formats dates and numbers for a language (<c>fr</c> writes 12,5).</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="ArgumentException">The code is not valid.</exception>
    public static CultureInfo CultureOf(string code) =>
        IsValid(code) ? CultureInfo.GetCultureInfo(code) : throw new ArgumentException($"'{code}' is not a language code such as 'fr' or 'en'.", nameof(code));

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
