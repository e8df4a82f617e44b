using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Ent.Sdk.Content;

/// <summary>
/// The sanitiser for HTML written by people (plugin vendors, departments, schools) rather than by the Markdown
/// pipeline: whole pages rendered by templates, through the maintained HtmlSanitizer library (a browser-grade
/// AngleSharp parse, then allow-lists of elements, attributes, CSS properties and at-rules). URLs in attributes and in
/// CSS (<c>url(...)</c> in <c>style</c> attributes and <c>style</c> elements) keep only what <see cref="SafeUrl"/>
/// allows: relative, http(s), mailto, and raster <c>data:</c> images. Script-bearing elements go with their content.
/// A page (with <c>&lt;html&gt;</c>) is sanitised as a document, anything else as a fragment. One configured
/// instance, shared: HtmlSanitizer is safe for concurrent use once configured. Its parser is the library's, told not to
/// track source positions nor keep comments (nothing reads the one, the other is always removed).
/// <para>
/// Parsing CSS is most of the cost (a report card with its stylesheet: about 0.6 ms, without it 0.13–0.2 ms, warm, on
/// this project's 2-core machine), and a template's stylesheet is the
/// same on every render: each distinct <c>style</c> element is sanitised once, by the same sanitiser, and its
/// sanitised form kept (up to <see cref="MaxCachedStyles"/> of them); the page is sanitised without it, and the
/// sanitised stylesheets are written at the end of its head (of a fragment: first), in their order.
/// </para>
/// </summary>
internal static partial class HtmlPageSanitizer
{
    /// <summary>How many distinct sanitised stylesheets are kept.</summary>
    public const int MaxCachedStyles = 512;

    private static readonly ConcurrentDictionary<string, string> Styles = new(StringComparer.Ordinal);

    private static readonly string[] Elements =
    [
        "html", "head", "body", "title", "meta", "style", "header", "footer", "main", "nav", "section", "article", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "wbr", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure", "figcaption",
        "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark", "del", "ins", "code", "pre", "kbd", "samp", "var",
        "blockquote", "q", "cite", "abbr", "time", "address", "details", "summary", "progress", "meter", "label", "form",
        "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "output",
        // Media with their captions (alternative representations of course content).
        "audio", "video", "source", "track",
        // Charts drawn by templates: shapes and text only (no use, image, link, foreignObject, animation or script).
        "svg", "g", "rect", "line", "polyline", "circle", "text", "desc",
    ];

    private static readonly string[] Attributes =
    [
        "id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "style", "href", "src", "alt", "width", "height",
        "colspan", "rowspan", "scope", "headers", "datetime", "name", "value", "type", "for", "action", "method", "checked",
        "disabled", "selected", "readonly", "required", "placeholder", "min", "max", "low", "high", "optimum", "step",
        "maxlength", "charset", "content", "rel", "target", "start", "reversed", "open", "cite", "span", "label", "multiple",
        "rows", "cols", "align", "valign", "formaction", "download", "enctype", "accept", "translate", "aria-label", "aria-labelledby", "aria-describedby", "aria-current",
        "aria-invalid", "aria-live", "aria-hidden", "aria-required", "autocomplete", "inputmode", "pattern", "size", "autofocus",
        "viewbox", "xmlns", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
        "text-anchor", "font-size", "focusable", "controls", "preload", "kind", "srclang", "default", "hreflang",
    ];

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>Sanitises a page or a fragment: what is not on the allow-lists is removed, never passed through.</summary>
    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = html.Contains("<html", StringComparison.OrdinalIgnoreCase);
        var styles = StyleElement().Matches(html);
        if (styles.Count == 0)
        {
            return document ? Sanitizer.SanitizeDocument(html) : Sanitizer.Sanitize(html);
        }

        var sanitisedStyles = new StringBuilder();
        var rest = new StringBuilder(html.Length);
        var position = 0;
        foreach (Match style in styles)
        {
            sanitisedStyles.Append(SanitizedStyle(style.Value));
            rest.Append(html, position, style.Index - position); // the page without its style elements, in one pass
            position = style.Index + style.Length;
        }

        rest.Append(html, position, html.Length - position);
        if (!document)
        {
            return sanitisedStyles.Append(Sanitizer.Sanitize(rest.ToString())).ToString();
        }

        var page = Sanitizer.SanitizeDocument(rest.ToString());
        var headEnd = page.IndexOf("</head>", StringComparison.Ordinal); // the serialiser's own lower-case tag: always there
        return headEnd < 0 ? page : page.Insert(headEnd, sanitisedStyles.ToString());
    }

    /// <summary>A style element as the sanitiser leaves it in a head (empty if it removes it), computed once per distinct element.</summary>
    private static string SanitizedStyle(string element)
    {
        if (Styles.TryGetValue(element, out var known))
        {
            return known;
        }

        var page = Sanitizer.SanitizeDocument("<html><head>" + element + "</head><body></body></html>");
        var start = page.IndexOf("<style", StringComparison.Ordinal);
        var end = page.IndexOf("</style>", StringComparison.Ordinal);
        var sanitised = start >= 0 && end > start ? page[start..(end + "</style>".Length)] : string.Empty;
        if (Styles.Count < MaxCachedStyles)
        {
            Styles.TryAdd(element, sanitised);
        }

        return sanitised;
    }

    [GeneratedRegex("<style\\b[^>]*>.*?</style\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)] // linear time on any output
    private static partial Regex StyleElement();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Elements, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>([.. HtmlSanitizerDefaults.AllowedCssProperties, "size"], StringComparer.OrdinalIgnoreCase), // size: a printed page's (A4)
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>([AngleSharp.Css.Dom.CssRuleType.Style, AngleSharp.Css.Dom.CssRuleType.Media, AngleSharp.Css.Dom.CssRuleType.Page]),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "data"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "action", "formaction", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowCssCustomProperties = false,
            AllowDataAttributes = false,
        };
        // The library's own parser settings and browsing context (its CSS parser), but a parser that neither records where each
        // element was in the source nor builds comments: the sanitiser removes every comment and never reads a position.
        var library = HtmlSanitizer.DefaultHtmlParserFactory();
        var parsing = library.Options; // a struct: a copy
        parsing.DisableElementPositionTracking = true;
        parsing.SkipComments = true;
        var parser = new HtmlParser(parsing, library.ParseDocument(string.Empty).Context);
        var sanitizer = new HtmlSanitizer(options) { HtmlParserFactory = () => parser };
        sanitizer.FilterUrl += (_, e) =>
        {
            // The library has checked the scheme; SafeUrl narrows data: to raster images where an image is loaded.
            var image = e.Tag is null || e.Tag.LocalName is "img";
            if (!SafeUrl.IsSafe(e.SanitizedUrl ?? e.OriginalUrl, image))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            // Inside a chart only its shapes and text stay: an HTML element allowed elsewhere (a link, a form) goes with its content.
            foreach (var svg in e.Document.GetElementsByTagName("svg").ToArray()) // most pages have none: one pass by name, not a selector on every element
            {
                foreach (var element in svg.QuerySelectorAll("*").Where(element => !SvgElements.Contains(element.LocalName)).ToArray())
                {
                    element.Remove();
                }
            }
        };
        return sanitizer;
    }

    /// <summary>What an SVG chart may hold.</summary>
    private static readonly HashSet<string> SvgElements = new(["g", "rect", "line", "polyline", "circle", "text", "desc", "title"], StringComparer.OrdinalIgnoreCase);
}
