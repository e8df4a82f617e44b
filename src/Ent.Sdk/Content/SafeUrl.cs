namespace Ent.Sdk.Content;

/// <summary>The one URL rule of content: on the syntax tree and again in the rendered HTML.</summary>
internal static class SafeUrl
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];
    private static readonly string[] SafeImageTypes = ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"];

    /// <summary>Whether a URL may stay in a link or an image: relative, or one of the safe schemes (data: images only for images).</summary>
    public static bool IsSafe(string? url, bool image)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): so do we.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative
        }

        var scheme = compact[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase)
            || (image && SafeImageTypes.Any(t => compact.StartsWith(t, StringComparison.OrdinalIgnoreCase)));
    }
}
