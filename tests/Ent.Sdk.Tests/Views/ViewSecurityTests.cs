using System.Text.RegularExpressions;
using Ent.Sdk.Tests.Content;
using Ent.Sdk.Views;

namespace Ent.Sdk.Tests.Views;

/// <summary>Templates and their values are untrusted: nothing executable comes out, and no template reaches a .NET object.</summary>
public sealed partial class ViewSecurityTests
{
    /// <summary>Hostile values, written by the echo template in text, in double- and single-quoted attributes, unquoted, and as a link.</summary>
    public static TheoryData<string> HostileValues() =>
    [
        "<script>alert(1)</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "x onmouseover=alert(1)",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "<svg onload=alert(1)>",
        "<iframe src=javascript:alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "</p><style>body{background:url(javascript:alert(1))}</style>",
        "{{ 1 + 1 }}",
    ];

    /// <summary>Hostile template texts: an override written by someone who should not be trusted to write script.</summary>
    public static TheoryData<string> HostileTemplates() =>
    [
        "<script>alert(1)</script><p>ok</p>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC='javascript:alert(1)'>",
        "<a href=JAVASCRIPT:alert(1)>x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"java&#09;script:alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<body onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=\"alert(1)\"><a href=\"javascript:alert(1)\"><text>x</text></a><use href=\"data:image/svg+xml,<svg onload=alert(1)>\"/><animate attributeName=\"href\" to=\"javascript:alert(1)\"/><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<video src=\"javascript:alert(1)\" onerror=\"alert(1)\" poster=\"javascript:alert(1)\"><track src=\"javascript:alert(1)\"><source src=\"data:text/html,<script>alert(1)</script>\"></video>",
        "<audio controls onplay=\"alert(1)\" src=\"vbscript:msgbox(1)\"></audio>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<style>body { background: url(\"\\6a avascript:alert(1)\") }</style>",
        "<style></style><script>alert(1)</script>",
        "<p <script>alert(1)</script>>",
        "<img src=\"x\" onerror=\"alert(1)\"",
        "<!--<script>-->alert(1)<!--</script>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<textarea></textarea><script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void A_hostile_value_renders_as_text_in_every_position(string value)
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/echo", new { Value = value });

        Assert.Empty(ExecutableParts(html));
    }

    [Theory]
    [MemberData(nameof(HostileTemplates))]
    public void A_hostile_template_renders_without_anything_executable(string template)
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/hostile.sbn-html"] = template });

        var html = host.Render("specs/hostile");

        Assert.Empty(ExecutableParts(html));
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\"></div>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("<svg><a href=\"https://example.org\"><text>x</text></a></svg>")]
    [InlineData("<svg><use href=\"#x\"></use></svg>")]
    public void The_detector_finds_what_a_browser_would_run(string html)
    {
        Assert.NotEmpty(ExecutableParts(html));
    }

    [Fact]
    public void A_chart_drawn_as_svg_shapes_and_text_survives_the_sanitiser()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/chart.sbn-html"] = "<svg role=\"img\" viewBox=\"0 0 100 20\"><rect x=\"0\" y=\"2\" width=\"40\" height=\"16\" fill=\"#0b4ea2\"></rect><line x1=\"5\" x2=\"5\" y1=\"0\" y2=\"20\" stroke-dasharray=\"5 3\"></line><text x=\"42\" y=\"14\">40 %</text></svg>",
        });

        var html = host.Render("specs/chart");

        Assert.Contains("viewBox=\"0 0 100 20\"", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"0\" y=\"2\" width=\"40\" height=\"16\" fill=\"#0b4ea2\"></rect>", html, StringComparison.Ordinal);
        Assert.Contains("<text x=\"42\" y=\"14\">40 %</text>", html, StringComparison.Ordinal);
        Assert.Empty(ExecutableParts(html));
    }

    [Fact]
    public void Media_with_their_captions_survive_the_sanitiser()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/media.sbn-html"] = "<video controls preload=\"metadata\" src=\"https://videos.example.org/v.mp4\"><track kind=\"captions\" src=\"/captions.vtt\" srclang=\"fr\" label=\"Sous-titres\" default></video><audio controls src=\"/a.mp3\"></audio><a href=\"/uk\" hreflang=\"uk\">uk</a>",
        });

        var html = host.Render("specs/media");

        Assert.Contains("<video controls=\"\" preload=\"metadata\" src=\"https://videos.example.org/v.mp4\">", html, StringComparison.Ordinal);
        Assert.Contains("<track kind=\"captions\" src=\"/captions.vtt\" srclang=\"fr\" label=\"Sous-titres\" default=\"\">", html, StringComparison.Ordinal);
        Assert.Contains("<audio controls=\"\" src=\"/a.mp3\"></audio>", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"uk\"", html, StringComparison.Ordinal);
        Assert.Empty(ExecutableParts(html));
    }

    [Fact]
    public void What_a_page_needs_survives_the_sanitiser()
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/report-card", ReportCardView.Sample());

        Assert.StartsWith("<!DOCTYPE html><html lang=\"fr\">", html.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("table { border-collapse: collapse }", html, StringComparison.Ordinal); // the stylesheet, as the sanitiser re-serialises it
        Assert.Contains("<p class=\"date\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div style=\"background: url(javascript:alert(1))\">x</div>")]
    [InlineData("<div style=\"background-image: url('jav&#x61;script:alert(1)')\">x</div>")]
    [InlineData("<div style=\"background: url(data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\">x</div>")]
    [InlineData("<style>body { background: url(\"javascript:alert(1)\") }</style><p>x</p>")]
    [InlineData("<style>@import url(https://evil.example/x.css); p { color: red }</style><p>x</p>")]
    [InlineData("<style>p { width: expression(alert(1)) }</style><p>x</p>")]
    public void Css_urls_and_code_in_a_template_are_removed_by_the_sanitiser(string template)
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/styled.sbn-html"] = template });

        var html = host.Render("specs/styled");

        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expression", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_safe_css_url_and_a_pages_stylesheet_are_kept()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/styled.sbn-html"] = "<html><head><style>@media print { p { color: black } }</style></head><body><div style=\"background-image: url(https://ent.example/fond.png)\">x</div></body></html>",
        });

        var html = host.Render("specs/styled");

        Assert.Contains("https://ent.example/fond.png", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<div style=", html, StringComparison.Ordinal);
        Assert.Equal(html, host.Render("specs/styled")); // the stylesheet sanitised once and reused gives the same page
    }

    [Fact]
    public void A_template_cannot_reach_dotnet_members_of_the_model()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/probe.sbn-txt"] = "[{{ pupil.get_type }}][{{ pupil.equality_contract }}][{{ pupil.to_string }}][{{ pupil.name }}]",
        });

        var text = host.Render("specs/probe", new { Pupil = new PupilView("Inès", "4e B") });

        Assert.Equal("[][][][Inès]", text.Trim());
    }

    [Theory]
    [InlineData("{{ object.eval \"1 + 1\" }}")]
    [InlineData("{{ object.eval_template \"{{ 1 + 1 }}\" }}")]
    [InlineData("{{ include_join [\"specs/echo\"] \"\" }}")]
    public void Functions_that_run_strings_as_code_are_not_available(string template)
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/eval.sbn-txt"] = template });

        var error = Assert.Throws<ViewException>(() => host.Render("specs/eval"));

        Assert.Equal(ViewFailure.Runtime, error.Failure);
    }

    [Fact]
    public void A_template_cannot_change_the_functions_other_renders_share()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/vandal.sbn-txt"] = "{{ string.upcase = 1 }}",
            ["views/specs/upcase.sbn-txt"] = "{{ \"abc\" | string.upcase }}",
        });

        Assert.Throws<ViewException>(() => host.Render("specs/vandal"));

        Assert.Equal("ABC", host.Render("specs/upcase").Trim());
    }

    [Fact]
    public void Assignments_stay_in_their_render()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/counter.sbn-txt"] = "{{ count = (count ?? 0) + 1; count }}" });

        Assert.Equal("1", host.Render("specs/counter").Trim());
        Assert.Equal("1", host.Render("specs/counter").Trim());
    }

    [Fact]
    public void A_model_holding_a_delegate_is_refused_naming_the_path()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/echo", new { Value = "x", Pupil = new { Load = new Func<int>(() => 1) } }));

        Assert.Equal(ViewFailure.Model, error.Failure);
        Assert.Contains("model.pupil.load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_a_cycle_is_refused()
    {
        using var host = ViewHost.Create();
        var node = new Node();
        node.Next = node;

        var error = Assert.Throws<ViewException>(() => host.Render("specs/echo", node));

        Assert.Equal(ViewFailure.Model, error.Failure);
        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What a browser would run in a whole page: script-bearing elements, handlers, unsafe URLs, CSS that calls code, a refresh.</summary>
    internal static IReadOnlyList<string> ExecutableParts(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var found = new List<string>();
        foreach (var element in document.All)
        {
            // An SVG chart's shapes and text are allowed; what in SVG loads, links, animates or embeds is not.
            if (element.LocalName is "script" or "iframe" or "object" or "embed" or "math" or "link" or "base" or "frame" or "applet"
                || (element.NamespaceUri == AngleSharp.Dom.NamespaceNames.SvgUri && element.LocalName is "a" or "use" or "image" or "foreignObject" or "animate" or "set" or "animateTransform" or "feImage" or "style"))
            {
                found.Add($"<{element.LocalName}>");
            }

            if (element.LocalName == "meta" && element.HasAttribute("http-equiv"))
            {
                found.Add("<meta http-equiv>");
            }

            if (element.LocalName == "style" && UnsafeCss().IsMatch(element.TextContent))
            {
                found.Add($"<style>{element.TextContent}</style>");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "srcdoc")
                {
                    found.Add($"{element.LocalName}[{attribute.Name}]");
                }

                if (attribute.Name == "style" && UnsafeCss().IsMatch(attribute.Value))
                {
                    found.Add($"{element.LocalName}[style={attribute.Value}]");
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data")
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


    [GeneratedRegex(@"javascript|expression|@import|behavior|binding|\\", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeCss();

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
