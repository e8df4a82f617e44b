using System.Net;
using System.Text;

namespace Ent.Sdk.Content;

/// <summary>
/// A one-pass, allow-list sanitiser for the HTML the Markdown pipeline produces: it keeps the elements
/// and attributes Markdown renders, with double-quoted values; every other <c>&lt;</c> is escaped as
/// text, comments are dropped, and URL attributes keep only a safe URL (relative, http(s), mailto, or a
/// raster <c>data:</c> image), written without any character reference other than <c>&amp;amp;</c>, so
/// that no entity can spell a scheme. No DOM is built: the cost stays close to the renderer's own.
/// </summary>
internal static class HtmlAllowList
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre",
        "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
        "span", "div", "input", "section", "col", "colgroup",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "id", "class", "type", "checked", "disabled", "align", "start", "style",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ElementLookup = Elements.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeLookup = Attributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Sanitises HTML: what is not on the allow-list is escaped or dropped, never passed through.</summary>
    public static string Sanitize(string html)
    {
        var output = new StringBuilder(html.Length + 64);
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0)
            {
                output.Append(html, position, html.Length - position);
                break;
            }

            output.Append(html, position, open - position);
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                position = end < 0 ? html.Length : end + 3;
                continue;
            }

            var tagEnd = TryTag(html, open, output);
            if (tagEnd < 0)
            {
                output.Append("&lt;");
                position = open + 1;
            }
            else
            {
                position = tagEnd;
            }
        }

        return output.ToString();
    }

    /// <summary>Copies one allowed tag and returns the position after it, or -1 (nothing written) if it is not one.</summary>
    private static int TryTag(string html, int open, StringBuilder output)
    {
        var mark = output.Length;
        var end = CopyTag(html, open, output);
        if (end < 0)
        {
            output.Length = mark; // roll back what was written of a tag that is not allowed
        }

        return end;
    }

    private static int CopyTag(string html, int open, StringBuilder output)
    {
        var i = open + 1;
        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }

        var name = html.AsSpan(nameStart, i - nameStart);
        if (name.IsEmpty || !ElementLookup.Contains(name))
        {
            return -1;
        }

        var image = name.SequenceEqual("img");
        output.Append(closing ? "</" : "<").Append(name);
        while (true)
        {
            while (i < html.Length && html[i] == ' ')
            {
                i++;
            }

            if (i >= html.Length)
            {
                return -1;
            }

            if (html[i] == '>')
            {
                output.Append('>');
                return i + 1;
            }

            if (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>')
            {
                output.Append(" />");
                return i + 2;
            }

            if (closing)
            {
                return -1;
            }

            var attributeStart = i;
            while (i < html.Length && (char.IsAsciiLetterLower(html[i]) || html[i] == '-'))
            {
                i++;
            }

            var attribute = html.AsSpan(attributeStart, i - attributeStart);
            if (attribute.IsEmpty)
            {
                return -1;
            }

            var value = ReadOnlySpan<char>.Empty;
            var hasValue = i < html.Length && html[i] == '=';
            if (hasValue)
            {
                if (i + 1 >= html.Length || html[i + 1] != '"')
                {
                    return -1; // only double-quoted values, as the pipeline writes them
                }

                var valueEnd = html.IndexOf('"', i + 2);
                if (valueEnd < 0)
                {
                    return -1;
                }

                value = html.AsSpan(i + 2, valueEnd - i - 2);
                i = valueEnd + 1;
            }

            if (!AttributeLookup.Contains(attribute) || value.Contains('<'))
            {
                continue; // dropped
            }

            if (attribute.SequenceEqual("style") && !IsTableStyle(value))
            {
                continue; // only the styles tables are rendered with: a cell's alignment, a grid column's width
            }

            var url = attribute.SequenceEqual("href") || attribute.SequenceEqual("src");
            if (url && (!hasValue || !IsSafeUrl(value, image)))
            {
                continue;
            }

            output.Append(' ').Append(attribute);
            if (hasValue)
            {
                output.Append("=\"").Append(value).Append('"');
            }
        }
    }

    /// <summary><c>text-align: left|right|center;</c> (pipe and grid table cells) or <c>width:NN%</c> (grid table columns), nothing else.</summary>
    private static bool IsTableStyle(ReadOnlySpan<char> value)
    {
        if (value is "text-align: left;" or "text-align: right;" or "text-align: center;")
        {
            return true;
        }

        if (!value.StartsWith("width:", StringComparison.Ordinal) || !value.EndsWith('%'))
        {
            return false;
        }

        var number = value[6..^1];
        return number.Length is > 0 and <= 8 && !number.ContainsAnyExcept("0123456789.");
    }

    private static bool IsSafeUrl(ReadOnlySpan<char> value, bool image)
    {
        // Only &amp; may appear: any other reference (&colon;, &#106;…) could spell a scheme once decoded.
        for (var amp = value.IndexOf('&'); amp >= 0; amp = value[(amp + 1)..].IndexOf('&') is var next and >= 0 ? amp + 1 + next : -1)
        {
            if (!value[amp..].StartsWith("&amp;", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return SafeUrl.IsSafe(value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString(), image);
    }
}
