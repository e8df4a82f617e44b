using System.Net;
using System.Text;

namespace Ent.Sdk.Content;

/// <summary>
/// The allow-list sanitiser for whole pages rendered by templates, whose HTML is written by people
/// (plugin vendors, departments, schools) rather than by the Markdown pipeline. It reads tags as a
/// browser tokeniser does (any case, single, double or no quotes) and writes them back in one canonical
/// form: allowed elements and attributes only, every value double-quoted and re-encoded after its URL or
/// CSS has been checked in decoded form, so that what the browser sees is exactly what was checked.
/// Script-bearing elements (<c>script</c>, <c>iframe</c>, <c>svg</c>…) are dropped with their content,
/// any other unknown <c>&lt;</c> is escaped as text, comments are dropped, and a <c>style</c> element or
/// attribute survives only if its CSS holds nothing that could run or load code. No DOM is built.
/// </summary>
internal static class HtmlPageSanitizer
{
    private static readonly HashSet<string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "title", "meta", "style", "header", "footer", "main", "nav", "section", "article", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "wbr", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure", "figcaption",
        "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark", "del", "ins", "code", "pre", "kbd", "samp", "var",
        "blockquote", "q", "cite", "abbr", "time", "address", "details", "summary", "progress", "meter", "label", "form",
        "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "output",
    };

    /// <summary>Elements dropped with everything up to their end tag: their content is code, or parsed by other rules.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noembed", "noframes",
        "xmp", "plaintext", "svg", "math", "base", "link",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "style", "href", "src", "alt", "width", "height",
        "colspan", "rowspan", "scope", "headers", "datetime", "name", "value", "type", "for", "action", "method", "checked",
        "disabled", "selected", "readonly", "required", "placeholder", "min", "max", "low", "high", "optimum", "step",
        "maxlength", "charset", "content", "rel", "target", "start", "reversed", "open", "cite", "span", "label", "multiple",
        "rows", "cols", "align", "valign", "formaction", "download", "translate",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "action", "formaction", "cite" };

    private static readonly string[] UnsafeCss = ["expression", "javascript", "vbscript", "behavior", "binding", "@import", "\\", "<", "data:text", "data:application"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ElementLookup = Elements.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DroppedLookup = DroppedWithContent.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeLookup = Attributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Sanitises a page: what is not on the allow-list is escaped or dropped, never passed through.</summary>
    public static string Sanitize(string html)
    {
        var output = new StringBuilder(html.Length + 64);
        Sanitize(html, output);
        return output.ToString();
    }

    /// <summary>Sanitises a page into <paramref name="output"/>.</summary>
    public static void Sanitize(string html, StringBuilder output)
    {
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0)
            {
                output.Append(html, position, html.Length - position);
                return;
            }

            output.Append(html, position, open - position);
            position = Markup(html, open, output);
        }
    }

    /// <summary>Handles the markup that starts at <paramref name="open"/> and returns the position after it.</summary>
    private static int Markup(string html, int open, StringBuilder output)
    {
        var next = open + 1 < html.Length ? html[open + 1] : '\0';
        if (next == '!')
        {
            return Declaration(html, open, output);
        }

        var closing = next == '/';
        var nameStart = closing ? open + 2 : open + 1;
        var nameEnd = nameStart;
        while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            output.Append("&lt;");
            return open + 1;
        }

        var span = html.AsSpan(nameStart, nameEnd - nameStart);
        if (DroppedLookup.TryGetValue(span, out var dropped))
        {
            return closing ? SkipPast(html, nameEnd, '>') : SkipElement(html, nameEnd, dropped);
        }

        if (!ElementLookup.TryGetValue(span, out var name)) // the set's own lower-case string: no allocation per tag
        {
            output.Append("&lt;");
            return open + 1;
        }

        var mark = output.Length;
        output.Append(closing ? "</" : "<").Append(name);
        var end = CopyAttributes(html, nameEnd, name, closing, output, out var selfClosing);
        if (end < 0)
        {
            output.Length = mark; // a tag that never ends is text
            output.Append("&lt;");
            return open + 1;
        }

        output.Append(selfClosing ? " />" : ">");
        return !closing && name == "style" ? StyleContent(html, end, mark, output) : end;
    }

    /// <summary>Copies the allowed attributes of a tag; returns the position after its <c>&gt;</c>, or -1 if it has none.</summary>
    private static int CopyAttributes(string html, int i, string element, bool closing, StringBuilder output, out bool selfClosing)
    {
        selfClosing = false;
        while (true)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                selfClosing = html[i] == '/';
                i++;
            }

            if (i >= html.Length)
            {
                return -1;
            }

            if (html[i] == '>')
            {
                return i + 1;
            }

            selfClosing = false;
            var attributeStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var attributeSpan = html.AsSpan(attributeStart, i - attributeStart);
            var attribute = AttributeLookup.TryGetValue(attributeSpan, out var known) ? known : attributeSpan.ToString().ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            string? value = null;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i >= html.Length)
                {
                    return -1;
                }

                int valueStart, valueEnd;
                if (html[i] is '"' or '\'')
                {
                    valueStart = i + 1;
                    valueEnd = html.IndexOf(html[i], valueStart);
                    if (valueEnd < 0)
                    {
                        return -1;
                    }

                    i = valueEnd + 1;
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueEnd = i;
                }

                value = html.AsSpan(valueStart, valueEnd - valueStart).ToString();
                if (value.Contains('&'))
                {
                    value = WebUtility.HtmlDecode(value);
                }
            }

            if (!closing && IsAllowed(element, attribute, value))
            {
                output.Append(' ').Append(attribute);
                if (value is not null)
                {
                    output.Append("=\"");
                    HtmlEscaping.Append(output, value);
                    output.Append('"');
                }
            }
        }
    }

    private static bool IsAllowed(string element, string attribute, string? value)
    {
        var known = Attributes.Contains(attribute)
            || ((attribute.StartsWith("data-", StringComparison.Ordinal) || attribute.StartsWith("aria-", StringComparison.Ordinal))
                && attribute.Length > 5 && attribute.AsSpan(5).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-") < 0);
        if (!known)
        {
            return false;
        }

        if (UrlAttributes.Contains(attribute))
        {
            return value is not null && SafeUrl.IsSafe(value, image: attribute == "src" && element == "img");
        }

        return attribute != "style" || IsSafeCss(value);
    }

    /// <summary>Keeps a style element's CSS if it is safe; otherwise removes the whole element, start tag included.</summary>
    private static int StyleContent(string html, int contentStart, int tagMark, StringBuilder output)
    {
        var close = IndexOfEndTag(html, contentStart, "style");
        var contentEnd = close < 0 ? html.Length : close;
        var css = html.AsSpan(contentStart, contentEnd - contentStart);
        if (IsSafeCss(css))
        {
            output.Append(css).Append("</style>");
        }
        else
        {
            output.Length = tagMark;
        }

        return close < 0 ? html.Length : SkipPast(html, close, '>');
    }

    private static bool IsSafeCss(ReadOnlySpan<char> css)
    {
        foreach (var token in UnsafeCss)
        {
            if (css.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>&lt;!DOCTYPE html&gt;</c> is kept; comments and any other declaration are dropped.</summary>
    private static int Declaration(string html, int open, StringBuilder output)
    {
        if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var close = SkipPast(html, open, '>');
        var declaration = html.AsSpan(open + 2, close - open - 2).TrimEnd('>').Trim();
        if (declaration.Equals("doctype html", StringComparison.OrdinalIgnoreCase))
        {
            output.Append("<!DOCTYPE html>");
        }

        return close;
    }

    private static int SkipElement(string html, int from, string name)
    {
        var close = IndexOfEndTag(html, from, name);
        return close < 0 ? html.Length : SkipPast(html, close, '>');
    }

    private static int IndexOfEndTag(string html, int from, string name)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            var after = at + 2 + name.Length;
            if (string.Compare(html, at + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after >= html.Length || !char.IsAsciiLetterOrDigit(html[after])))
            {
                return at;
            }
        }

        return -1;
    }

    private static int SkipPast(string html, int from, char c)
    {
        var at = html.IndexOf(c, from);
        return at < 0 ? html.Length : at + 1;
    }
}
