using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Content;

/// <summary>
/// The shared pipeline: Markdig with raw HTML disabled and the extensions teachers need, built once;
/// link and image URLs checked on the syntax tree; the HTML then passed through HtmlSanitizer, which
/// keeps only the elements and attributes Markdown produces.
/// </summary>
public sealed class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];
    private static readonly string[] SafeImageTypes = ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"];

    private readonly MarkdownOptions _options;
    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    /// <summary>Builds the pipeline and the sanitiser once.</summary>
    /// <param name="options">The limits.</param>
    public MarkdownRenderer(IOptions<MarkdownOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseGridTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseEmphasisExtras()
            .UseFigures()
            .UseMathematics()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .Build();
        _sanitizer = CreateSanitizer();
    }

    /// <inheritdoc />
    public RenderedContent Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > _options.MaxInputLength)
        {
            throw new ContentLimitException("length", markdown.Length, _options.MaxInputLength);
        }

        var depth = NestingDepth(markdown);
        if (depth > _options.MaxNestingDepth)
        {
            throw new ContentLimitException("nesting depth", depth, _options.MaxNestingDepth);
        }

        var document = Markdown.Parse(markdown, _pipeline);
        var warnings = new List<ContentWarning>();
        CheckLinks(document, warnings);
        CheckHeadings(document, warnings);
        warnings.Sort((a, b) => a.Line.CompareTo(b.Line));

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return new RenderedContent(_sanitizer.Sanitize(writer.ToString()), warnings);
    }

    /// <summary>Whether a URL may stay in a link or an image: relative, or one of the safe schemes (data: images only for images).</summary>
    internal static bool IsSafe(string? url, bool image)
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

    /// <summary>The deepest nesting of quotes, list indentation and brackets, measured on the text before parsing.</summary>
    private static int NestingDepth(string markdown)
    {
        var deepest = 0;
        var brackets = 0;
        var lineStart = true;
        var quotes = 0;
        var indent = 0;
        foreach (var c in markdown)
        {
            if (c == '\n')
            {
                lineStart = true;
                quotes = indent = 0;
                continue;
            }

            if (lineStart)
            {
                if (c == '>')
                {
                    deepest = Math.Max(deepest, ++quotes);
                    continue;
                }

                if (c == ' ' || c == '\t')
                {
                    indent += c == '\t' ? 4 : 1;
                    deepest = Math.Max(deepest, indent / 2);
                    continue;
                }

                lineStart = false;
            }

            if (c is '[' or '(')
            {
                deepest = Math.Max(deepest, ++brackets);
            }
            else if (c is ']' or ')' && brackets > 0)
            {
                brackets--;
            }
        }

        return deepest;
    }

    private static void CheckLinks(MarkdownDocument document, List<ContentWarning> warnings)
    {
        foreach (var link in document.Descendants<LinkInline>().ToArray())
        {
            if (!IsSafe(link.Url, link.IsImage))
            {
                link.Url = string.Empty; // the text stays, the target goes
            }

            if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
            {
                warnings.Add(new ContentWarning(ContentWarning.ImageWithoutAlt, link.Line + 1,
                    "Image sans texte alternatif : décrivez-la entre les crochets. / Image without alternative text: describe it between the brackets."));
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url, image: false))
            {
                autolink.Url = string.Empty;
            }
        }
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static void CheckHeadings(MarkdownDocument document, List<ContentWarning> warnings)
    {
        var previous = 0;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (previous > 0 && heading.Level > previous + 1)
            {
                warnings.Add(new ContentWarning(ContentWarning.HeadingSkipsLevel, heading.Line + 1,
                    $"Titre de niveau {heading.Level} après un titre de niveau {previous} : n'en sautez pas. / Level {heading.Level} heading after a level {previous} heading: do not skip levels."));
            }

            previous = heading.Level;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre",
                "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
                "span", "div", "input", "section",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "id", "class", "type", "checked", "disabled", "align", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "data" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += (_, e) =>
        {
            // data: only for images, and only raster types (an SVG can carry script).
            if (e.SanitizedUrl is { } url && !IsSafe(url, image: e.Tag.TagName.Equals("img", StringComparison.OrdinalIgnoreCase)))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }
}
