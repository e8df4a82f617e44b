using System.Globalization;
using System.Text.RegularExpressions;

namespace Ent.Sdk.Localization;

/// <summary>Language codes as Ent uses them: <c>fr</c>, <c>en</c>, or with a region (<c>fr-FR</c>), each a culture .NET knows.</summary>
public static partial class LanguageCode
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CultureInfo> Known = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="code"/> is a language code with a known culture.</summary>
    /// <param name="code">The code.</param>
    public static bool IsValid(string? code) => code is not null && Lookup(code) is not null;

    /// <summary>The culture that formats dates and numbers for a language (<c>fr</c> writes 12,5).</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="ArgumentException">The code is not valid.</exception>
    public static CultureInfo CultureOf(string code) =>
        (code is null ? null : Lookup(code)) ?? throw new ArgumentException($"'{code}' is not a language code such as 'fr' or 'en'.", nameof(code));

    /// <summary>The culture of a valid code, cached; invalid codes are not cached, so that no input can grow the cache.</summary>
    private static CultureInfo? Lookup(string code)
    {
        if (Known.TryGetValue(code, out var known))
        {
            return known;
        }

        var found = Find(code);
        return found is null ? null : Known.GetOrAdd(code, found);
    }

    private static CultureInfo? Find(string code)
    {
        if (code.Length > 16 || !Shape().IsMatch(code))
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
