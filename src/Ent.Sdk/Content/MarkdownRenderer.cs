using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Content;

/// <summary>
/// The shared pipeline: Markdig with raw HTML disabled and the extensions teachers need, built once;
/// link and image URLs checked on the syntax tree; the HTML then passed through an allow-list
/// sanitiser (<see cref="HtmlAllowList"/>) that keeps only the elements and attributes Markdown produces.
/// </summary>
internal sealed class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly System.Buffers.SearchValues<char> Structural = System.Buffers.SearchValues.Create("[]()\n");

    private readonly MarkdownOptions _options;
    private readonly MarkdownPipeline _pipeline;

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

        try
        {
            var document = Markdown.Parse(markdown, _pipeline);
            var warnings = Check(document);
            return new RenderedContent(HtmlAllowList.Sanitize(document.ToHtml(_pipeline)), warnings); // the pipeline's pooled renderer
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // Markdig refuses what it cannot parse safely (its own nesting limit): the documented exception, never Markdig's.
            throw new ContentLimitException("nesting depth", _options.MaxNestingDepth, exception);
        }
    }

    /// <summary>The deepest nesting of quotes, list markers, list indentation and brackets, measured on the text before parsing.</summary>
    private static int NestingDepth(string markdown)
    {
        var deepest = 0;
        var brackets = 0;
        var text = markdown.AsSpan();
        var position = 0;
        while (position < text.Length)
        {
            // The start of a line: its quote markers and indentation.
            var quotes = 0;
            var indent = 0;
            for (; position < text.Length; position++)
            {
                var c = text[position];
                if (c == '>' || (c is '-' or '*' or '+' && position + 1 < text.Length && text[position + 1] == ' '))
                {
                    deepest = Math.Max(deepest, ++quotes); // a quote or a list marker: "- - - x" nests as deep as indented lists
                }
                else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(text, position) is var markerEnd and > 0)
                {
                    deepest = Math.Max(deepest, ++quotes);
                    position = markerEnd;
                }
                else if (c is ' ' or '\t')
                {
                    indent += c == '\t' ? 4 : 1;
                    deepest = Math.Max(deepest, indent / 2);
                }
                else
                {
                    break;
                }
            }

            // The rest of the line: only brackets count, found by a vectorised search.
            while (position < text.Length)
            {
                var next = text[position..].IndexOfAny(Structural);
                if (next < 0)
                {
                    return deepest;
                }

                position += next;
                var c = text[position++];
                if (c == '\n')
                {
                    break;
                }

                if (c is '[' or '(')
                {
                    deepest = Math.Max(deepest, ++brackets);
                }
                else if (brackets > 0)
                {
                    brackets--;
                }
            }
        }

        return deepest;
    }

    /// <summary>Where an ordered list marker (<c>12.</c> or <c>3)</c> followed by a space) starting at a position ends, or -1.</summary>
    private static int OrderedMarkerEnd(ReadOnlySpan<char> text, int position)
    {
        var end = position;
        while (end < text.Length && end - position < 9 && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end + 1 < text.Length && text[end] is '.' or ')' && text[end + 1] == ' ' ? end : -1;
    }

    /// <summary>One walk over the syntax tree: unsafe URLs lose their target; images without alt text and skipped heading levels are reported.</summary>
    private static List<ContentWarning> Check(MarkdownDocument document)
    {
        var warnings = new List<ContentWarning>();
        var previousHeading = 0;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    if (!SafeUrl.IsSafe(link.Url, link.IsImage))
                    {
                        link.Url = string.Empty; // the text stays, the target goes
                    }

                    if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
                    {
                        warnings.Add(new ContentWarning(ContentWarning.ImageWithoutAlt, link.Line + 1,
                            "Image sans texte alternatif : décrivez-la entre les crochets. / Image without alternative text: describe it between the brackets."));
                    }

                    break;
                case AutolinkInline autolink when !SafeUrl.IsSafe(autolink.Url, image: false):
                    autolink.Url = string.Empty;
                    break;
                case HeadingBlock heading:
                    if (previousHeading > 0 && heading.Level > previousHeading + 1)
                    {
                        warnings.Add(new ContentWarning(ContentWarning.HeadingSkipsLevel, heading.Line + 1,
                            $"Titre de niveau {heading.Level} après un titre de niveau {previousHeading} : n'en sautez pas. / Level {heading.Level} heading after a level {previousHeading} heading: do not skip levels."));
                    }

                    previousHeading = heading.Level;
                    break;
            }
        }

        warnings.Sort((a, b) => a.Line.CompareTo(b.Line));
        return warnings;
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
