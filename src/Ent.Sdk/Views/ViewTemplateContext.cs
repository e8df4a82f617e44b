using System.Globalization;
using Ent.Sdk.Content;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Ent.Sdk.Views;

/// <summary>
/// The context of one render: the shared, read-only built-in functions, the limits, the reader's language
/// and school, and HTML encoding of every value written by an HTML template (except HTML that Ent itself
/// produced: included templates and rendered Markdown).
/// </summary>
internal sealed class ViewTemplateContext : TemplateContext
{
    public ViewTemplateContext(ScriptObject builtins, ViewRenderer renderer, ViewEntry entry, string? school, string language, CultureInfo culture)
        : base(builtins)
    {
        Renderer = renderer;
        School = school;
        ReaderLanguage = language;
        Kind = entry.Kind;
        Area = entry.Area;
        MemberFilter = static _ => false; // no reflection: models are script objects already
        PushCulture(culture);
    }

    /// <summary>The renderer, for the functions.</summary>
    public ViewRenderer Renderer { get; }

    /// <summary>The school whose overrides apply, or null.</summary>
    public string? School { get; }

    /// <summary>The reader's language.</summary>
    public string ReaderLanguage { get; }

    /// <summary>HTML or text: decides encoding.</summary>
    public ViewKind Kind { get; }

    /// <summary>The area of the template being run (an include switches it), whose strings <c>t</c> reads.</summary>
    public string Area { get; set; }

    /// <summary>When the render must end (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public required long Deadline { get; init; }

    /// <summary>The time the render has left, at least a millisecond: what a regular expression may take.</summary>
    public TimeSpan TimeLeft()
    {
        var left = System.Diagnostics.Stopwatch.GetElapsedTime(System.Diagnostics.Stopwatch.GetTimestamp(), Deadline);
        return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>How deep includes nest at this point.</summary>
    public int IncludeDepth { get; set; }

    /// <summary>
    /// Whether only the host's own shipped templates have run so far: the first other one (an override, a plugin's template)
    /// clears it, and the output is then sanitised as a whole.
    /// </summary>
    public bool HostOnly { get; set; }

    /// <inheritdoc />
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is HtmlFragment fragment)
        {
            return Write(fragment.Html);
        }

        var text = ObjectToString(textAsObject);
        return Write(Kind == ViewKind.Html && text is not null ? HtmlEscaping.Escape(text) : text);
    }
}

/// <summary>
/// HTML that Ent produced (an included template, rendered Markdown): written without encoding. Markdown is safe on its own (its
/// pipeline keeps only what Markdown produces); an included template is sanitised with the page unless only host templates ran.
/// </summary>
/// <param name="Html">The HTML.</param>
internal sealed record HtmlFragment(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}
