using System.Globalization;

namespace Ent.Core.Text;

/// <summary>A short text in French and in English; French is the default for a French department.</summary>
public sealed record LocalizedText
{
    /// <summary>Creates a text in both languages.</summary>
    /// <param name="french">The French text; required.</param>
    /// <param name="english">The English text; when empty, the French text is used.</param>
    /// <exception cref="ArgumentException">The French text is empty.</exception>
    public LocalizedText(string french, string? english = null)
    {
        if (string.IsNullOrWhiteSpace(french))
        {
            throw new ArgumentException("A localized text needs its French version.", nameof(french));
        }

        French = french;
        English = string.IsNullOrWhiteSpace(english) ? french : english;
    }

    /// <summary>The French text.</summary>
    public string French { get; }

    /// <summary>The English text.</summary>
    public string English { get; }

    /// <summary>Returns the text for a culture: English for any English culture, French otherwise.</summary>
    /// <param name="culture">The culture; the current UI culture when null.</param>
    public string For(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == "en" ? English : French;
    }

    /// <inheritdoc />
    public override string ToString() => French;
}
