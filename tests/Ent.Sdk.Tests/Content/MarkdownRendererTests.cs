using System.Text.RegularExpressions;
using Ent.Sdk.Content;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Tests.Content;

/// <summary>The shared Markdown pipeline: what teachers need renders, nothing executable comes out.</summary>
public sealed partial class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new(Options.Create(new MarkdownOptions()));

    /// <summary>Cross-site scripting attempts, through every door Markdown has.</summary>
    public static TheoryData<string> XssCorpus() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><script>alert(2)</script></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[x](\"onmouseover=alert(1) \")",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<<script>script>alert(1)<</script>/script>",
        "<img src=\"x\" onerror=\"alert(1)\"",
        "[a](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
        "`<script>alert(1)</script>`",
        "$$<script>alert(1)</script>$$",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "- [ ] <img src=x onerror=alert(1)>",
        "^[<script>alert(1)</script>]",
    ];

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void Nothing_executable_comes_out(string markdown)
    {
        var html = Renderer.Render(markdown).Html;

        Assert.Empty(ExecutableParts(html));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,AAAA\">")]
    public void The_detector_finds_what_a_browser_would_run(string html)
    {
        Assert.NotEmpty(ExecutableParts(html));
    }

    [Fact]
    public void Plain_markdig_with_html_disabled_still_lets_a_javascript_link_through()
    {
        var plain = Markdig.Markdown.ToHtml("[x](javascript:alert(1))", Markdig.MarkdownExtensions.DisableHtml(new Markdig.MarkdownPipelineBuilder()).Build());

        Assert.NotEmpty(ExecutableParts(plain));
        Assert.Empty(ExecutableParts(Renderer.Render("[x](javascript:alert(1))").Html));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = Renderer.Render("<b>gras</b> <script>alert(1)</script>").Html;

        Assert.Contains("&lt;b&gt;gras&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_unsafe_link_keeps_its_text_and_loses_its_target()
    {
        var html = Renderer.Render("[le cours](javascript:alert(1))").Html;

        Assert.Contains("le cours", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[site](https://eduscol.education.fr/)", "href=\"https://eduscol.education.fr/\"")]
    [InlineData("[écrire](mailto:prof@college.example)", "href=\"mailto:prof@college.example\"")]
    [InlineData("[suite](chapitre-2.html#exercices)", "href=\"chapitre-2.html#exercices\"")]
    [InlineData("![Un triangle rectangle](data:image/png;base64,iVBORw0KGgo=)", "src=\"data:image/png;base64,iVBORw0KGgo=\"")]
    public void Safe_links_and_images_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, Renderer.Render(markdown).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extensions_teachers_need_render()
    {
        var html = Renderer.Render("""
            # Les fractions

            | fraction | décimal |
            |---|---|
            | 1/2 | 0,5 |

            - [x] regarder la vidéo
            - [ ] faire le quiz

            Un texte ~~barré~~ et H~2~O, avec une note[^1].

            $$\frac{1}{2}$$

            ^^^
            ![Un partage en deux](parts.png)
            ^^^ Deux parts égales

            [^1]: Voir le manuel, p. 12.
            """).Html;

        Assert.Contains("<h1 id=\"les-fractions\">", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("<del>barré</del>", html, StringComparison.Ordinal);
        Assert.Contains("<sub>2</sub>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"math\"", html, StringComparison.Ordinal);
        Assert.Contains("\\frac{1}{2}", html, StringComparison.Ordinal);
        Assert.Contains("<figure", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Deux parts égales</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_alternative_text_is_reported_with_its_line()
    {
        var warning = Assert.Single(Renderer.Render("Intro\n\n![](schema.png)").Warnings);

        Assert.Equal((ContentWarning.ImageWithoutAlt, 3), (warning.Code, warning.Line));
    }

    [Fact]
    public void A_heading_that_skips_a_level_is_reported()
    {
        var warning = Assert.Single(Renderer.Render("# Chapitre\n\n### Exercice\n\n## Partie").Warnings);

        Assert.Equal((ContentWarning.HeadingSkipsLevel, 3), (warning.Code, warning.Line));
        Assert.Contains("3", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accessible_content_has_no_warning()
    {
        Assert.Empty(Renderer.Render("# Titre\n\n## Partie\n\n![Un cercle](cercle.png)").Warnings);
    }

    [Fact]
    public void Ten_megabytes_of_brackets_are_refused_at_once_naming_the_limit()
    {
        var error = Assert.Throws<ContentLimitException>(() => Renderer.Render(new string('[', 10_000_000)));

        Assert.Equal(("length", 10_000_000L, 1_000_000L), (error.Limit, error.Actual, error.Maximum));
        Assert.Contains("1000000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("[")]
    [InlineData("(")]
    public void Very_deep_nesting_is_refused_with_its_depth(string opener)
    {
        var error = Assert.Throws<ContentLimitException>(() => Renderer.Render(string.Concat(Enumerable.Repeat(opener, 100_000)) + " x"));

        Assert.Equal("nesting depth", error.Limit);
        Assert.Equal(32, error.Maximum);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("* ")]
    [InlineData("+ ")]
    [InlineData("1. ")]
    [InlineData("7) ")]
    [InlineData("- > ")]
    [InlineData("> 1. ")]
    public void Lists_nested_on_one_line_are_refused_as_the_documented_limit(string marker)
    {
        var error = Assert.Throws<ContentLimitException>(() => Renderer.Render(string.Concat(Enumerable.Repeat(marker, 300)) + "x"));

        Assert.Equal(("nesting depth", 32L), (error.Limit, error.Maximum));
    }

    [Fact]
    public void Whatever_the_input_the_renderer_returns_html_or_the_documented_limit_and_nothing_else()
    {
        string[] pieces = ["- ", "* ", "1. ", "> ", "[", "](", ")", "![", "**", "_", "`", "~~", "^", "$", "|", "+---+", "\n", "\n\n", "    ", "[^1]", "[^1]: ", "#", "<b>", "&", "x", "---", ":", "==", "++"];
        var random = new Random(20261201);
        for (var i = 0; i < 3_000; i++)
        {
            var input = string.Concat(Enumerable.Range(0, random.Next(1, 400)).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                Renderer.Render(input);
            }
            catch (ContentLimitException)
            {
                // documented: the content is over a limit
            }
        }
    }

    public static TheoryData<string, string, string> Extensions => new()
    {
        { "grid table", "+---+---+\n| a | b |\n+===+===+\n| 1 | 2 |\n+---+---+\n", "<col style=\"width:50%\" />" },
        { "pipe table alignment", "| a | b |\n|:--|--:|\n| 1 | 2 |\n", "<td style=\"text-align: right;\">2</td>" },
        { "task list", "- [x] fait\n- [ ] à faire\n", "<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" />" },
        { "footnote", "Note[^1].\n\n[^1]: La note.\n", "<div class=\"footnotes\">" },
        { "emphasis extras", "~~barré~~ ++inséré++ ==marqué== H~2~O x^2^\n", "<del>barré</del> <ins>inséré</ins> <mark>marqué</mark> H<sub>2</sub>O x<sup>2</sup>" },
        { "figure", "^^^\n![chat](chat.png)\n^^^ Un chat\n", "<figcaption>Un chat</figcaption>" },
        { "mathematics", "$x^2$\n", "<span class=\"math\">" },
        { "auto identifiers", "# Les fractions\n", "<h1 id=\"les-fractions\">" },
    };

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Every_extension_the_pipeline_enables_renders_as_html_not_as_escaped_text(string extension, string markdown, string expected)
    {
        var html = Renderer.Render(markdown).Html;

        Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{extension}: {html}");
        Assert.DoesNotContain("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_style_written_by_the_author_stays_text()
    {
        Assert.Equal("<p>&lt;td style=&quot;color: red&quot;&gt;</p>\n", Renderer.Render("<td style=\"color: red\">").Html); // only the renderer's own table styles pass
    }

    [Fact]
    public void Deeply_indented_lists_are_refused()
    {
        var markdown = string.Join('\n', Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- item"));

        Assert.Throws<ContentLimitException>(() => Renderer.Render(markdown));
    }

    [Fact]
    public void Nesting_within_the_limit_renders()
    {
        var html = Renderer.Render("> > > citation dans une citation").Html;

        Assert.Equal(3, Regex.Matches(html, "<blockquote>").Count);
    }

    /// <summary>
    /// What a browser could execute in a piece of HTML, found the way a browser parses it: script-capable
    /// elements, event-handler attributes, and URLs whose scheme is not http(s), mailto or a raster data: image.
    /// </summary>
    internal static IReadOnlyList<string> ExecutableParts(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var found = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (element.LocalName is "script" or "iframe" or "object" or "embed" or "svg" or "math" or "style" or "link" or "meta" or "base" or "form")
            {
                found.Add($"<{element.LocalName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style")
                {
                    found.Add($"{element.LocalName}[{attribute.Name}]");
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    if (UnsafeUrls.IsUnsafe(attribute.Value))
                    {
                        found.Add($"{element.LocalName}[{attribute.Name}={attribute.Value}]");
                    }
                }
            }
        }

        return found;
    }
}
