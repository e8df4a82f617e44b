namespace Ent.Sdk.Localization;

/// <summary>
/// The wording of plugins and of the host, per area (<c>grading</c>) and language, as shipped in
/// <c>Strings/&lt;language&gt;.json</c> and reworded by the department in its override folder.
/// Templates use it through <c>t "key"</c>. Thread-safe.
/// </summary>
public interface ILocalizedStrings
{
    /// <summary>The department's default language.</summary>
    string DefaultLanguage { get; }

    /// <summary>
    /// A text in a language, formatted with the language's culture (<c>{0}</c> placeholders). Falls back to the
    /// default language, then to any language that has the key.
    /// </summary>
    /// <param name="area">The area, e.g. <c>grading</c>.</param>
    /// <param name="key">The key, e.g. <c>report-card.title</c>.</param>
    /// <param name="language">The language, or null for the default.</param>
    /// <param name="arguments">The values for the placeholders.</param>
    /// <exception cref="KeyNotFoundException">No language of the area has the key; the message names area, key and languages.</exception>
    /// <exception cref="FormatException">The text's placeholders do not match the arguments; the message names the key.</exception>
    string Get(string area, string key, string? language = null, params object?[] arguments);

    /// <summary>The languages an area has texts in.</summary>
    /// <param name="area">The area.</param>
    IReadOnlyList<string> LanguagesOf(string area);
}
