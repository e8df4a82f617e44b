namespace Ent.Core.Identifiers;

/// <summary>
/// The rule for the stable, human-readable ids Ent uses for plugins, capabilities and activity kinds:
/// 1 to 100 characters, lower-case ASCII letters, digits, '.' and '-', starting with a letter
/// (e.g. <c>acme.reading-club</c>).
/// </summary>
public static class StableId
{
    /// <summary>The longest stable id.</summary>
    public const int MaxLength = 100;

    /// <summary>Whether a text is a valid stable id.</summary>
    /// <param name="id">The text.</param>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !char.IsAsciiLetterLower(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
