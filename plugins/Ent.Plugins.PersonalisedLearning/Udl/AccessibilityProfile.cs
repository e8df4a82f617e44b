namespace Ent.Plugins.PersonalisedLearning.Udl;

/// <summary>
/// How a pupil's content is shown to them, set by the pupil, a parent or the school: a display for dyslexia (font, spacing), larger
/// text, audio first, simplified text (FALC), and for an allophone pupil the language of their translations.
/// </summary>
/// <param name="DyslexiaFriendly">A display easier to read with dyslexia: a legible font, more spacing, no justified text.</param>
/// <param name="LargerText">Larger text.</param>
/// <param name="AudioFirst">The audio representation first, where there is one.</param>
/// <param name="SimplifiedText">The simplified text (FALC) first, where there is one.</param>
/// <param name="Language">The pupil's language, for translations (<c>ar</c>, <c>uk</c>…), or null.</param>
public sealed record AccessibilityProfile(bool DyslexiaFriendly, bool LargerText, bool AudioFirst, bool SimplifiedText, string? Language)
{
    /// <summary>No particular need.</summary>
    public static AccessibilityProfile None { get; } = new(false, false, false, false, null);
}
