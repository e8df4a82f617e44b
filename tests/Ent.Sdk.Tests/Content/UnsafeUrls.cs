using System.Text.RegularExpressions;

namespace Ent.Sdk.Tests.Content;

/// <summary>The detectors' URL rule, as a browser reads an attribute: control characters and whitespace ignored, then any scheme that could run or load code.</summary>
internal static partial class UnsafeUrls
{
    /// <summary>Whether a browser would follow this URL into script, or into a document that is not a raster image.</summary>
    public static bool IsUnsafe(string attributeValue) =>
        Pattern().IsMatch(new string(attributeValue.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()));

    [GeneratedRegex(@"^(javascript|vbscript|data:(?!image/(png|jpeg|gif|webp);)|[a-z][a-z0-9+.-]*:(?<!https?:)(?<!mailto:)(?<!data:))", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
