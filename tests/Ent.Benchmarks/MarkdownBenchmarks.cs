using BenchmarkDotNet.Attributes;
using Ent.Sdk.Content;
using Markdig;
using Microsoft.Extensions.Options;

namespace Ent.Benchmarks;

/// <summary>
/// Rendering course content: the safe pipeline (target: within 1.5× of the baseline) beside a plain
/// Markdig <c>ToHtml</c> with the same extensions, on the same documents: a course page of about 6 KB
/// with headings, a table, task lists, a figure, mathematics, links and footnotes.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private const string Section = """
        ## Séquence 3 : les fractions

        Regardez d'abord la [vidéo](https://video.example/fractions) puis lisez le *chapitre 4* du manuel[^1].

        | fraction | décimal | pourcentage |
        |---|---|---|
        | 1/2 | 0,5 | 50 % |
        | 1/4 | 0,25 | 25 % |
        | 3/4 | 0,75 | 75 % |

        - [x] regarder la vidéo
        - [ ] faire le quiz de préparation
        - [ ] apporter le cahier

        > **À retenir** : une fraction $\frac{a}{b}$ représente a parts d'un tout partagé en b parts égales.

        ^^^
        ![Un disque partagé en quatre parts égales](images/disque.png)
        ^^^ Un quart du disque est colorié.

        1. Comparer ~~deux~~ fractions de même dénominateur.
        2. Ranger des fractions : voir [l'exercice 12](exercices.html#ex12).

        $$\frac{1}{2} + \frac{1}{4} = \frac{3}{4}$$

        [^1]: Manuel de 6e, p. 54 à 57.

        """;

    private readonly MarkdownRenderer _safe = new(Options.Create(new MarkdownOptions()));
    private readonly MarkdownPipeline _plain = new MarkdownPipelineBuilder()
        .UsePipeTables().UseGridTables().UseTaskLists().UseFootnotes().UseEmphasisExtras().UseFigures().UseMathematics()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

    private readonly MarkdownPipeline _plainWithoutHtml = new MarkdownPipelineBuilder().DisableHtml()
        .UsePipeTables().UseGridTables().UseTaskLists().UseFootnotes().UseEmphasisExtras().UseFigures().UseMathematics()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

    private readonly Ganss.Xss.HtmlSanitizer _sanitizer = new();

    private readonly string _document = "# Les fractions\n\n" + string.Concat(Enumerable.Repeat(Section, 6));

    [Benchmark(Baseline = true)]
    public string PlainMarkdig() => Markdown.ToHtml(_document, _plain);

    [Benchmark]
    public string SafePipeline() => _safe.Render(_document).Html;

    /// <summary>The alternative the safe pipeline is measured against: Markdig (raw HTML off), then HtmlSanitizer on its output.</summary>
    [Benchmark]
    public string MarkdigThenHtmlSanitizer() => _sanitizer.Sanitize(Markdown.ToHtml(_document, _plainWithoutHtml));

    /// <summary>A floor for any DOM-based sanitiser: Markdig, then only parsing its HTML with AngleSharp (what HtmlSanitizer builds on).</summary>
    [Benchmark]
    public int MarkdigThenAngleSharpParseOnly() =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Markdown.ToHtml(_document, _plain)).Body!.ChildElementCount;
}
