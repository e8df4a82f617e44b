using Ent.Sdk.Views;

namespace Ent.Sdk.Localization;

/// <summary>The strings of the view catalog: shipped texts with the department's rewording over them.</summary>
internal sealed class LocalizedStrings(ViewCatalog catalog) : ILocalizedStrings
{
    /// <inheritdoc />
    public string DefaultLanguage => catalog.Options.DefaultLanguage;

    /// <inheritdoc />
    public IReadOnlyList<string> LanguagesOf(string area) => catalog.LanguagesOf(area);

    /// <inheritdoc />
    public string Get(string area, string key, string? language = null, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(key);
        language ??= DefaultLanguage;
        var culture = LanguageCode.CultureOf(language);
        var text = Find(area, key, language) ?? throw new KeyNotFoundException(
            $"No text for '{key}' in the area '{area}' (asked in '{language}'; the area has texts in: {string.Join(", ", catalog.LanguagesOf(area).DefaultIfEmpty("no language"))}).");
        if (arguments is not { Length: > 0 })
        {
            return text;
        }

        try
        {
            return string.Format(culture, text, arguments);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"The text '{area}:{key}' (\"{text}\") does not fit the {arguments.Length} value(s) given: {exception.Message}", exception);
        }
    }

    private string? Find(string area, string key, string language)
    {
        if (Lookup(area, key, language) is { } exact)
        {
            return exact;
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Lookup(area, key, language[..dash]) is { } neutral)
        {
            return neutral;
        }

        return Lookup(area, key, DefaultLanguage)
            ?? catalog.LanguagesOf(area).Select(l => Lookup(area, key, l)).FirstOrDefault(t => t is not null);
    }

    private string? Lookup(string area, string key, string language) =>
        catalog.Strings(area, language) is { } table && table.Texts.TryGetValue(key, out var text) ? text : null;
}
