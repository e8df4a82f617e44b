using Ent.Sdk.Content;

namespace Ent.Sdk.Tests.Content;

/// <summary>The allow-list pass on its own, against HTML that no Markdown would produce.</summary>
public sealed class HtmlAllowListTests
{
    public static TheoryData<string> Hostile() =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
        "<svg><script>alert(1)</script></svg>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href='javascript:alert(1)'>x</a>",
        "<a href=javascript:alert(1)>x</a>",
        "<<script>script>alert(1)<</script>/script>",
        "<!--><script>alert(1)</script>-->",
        "<a href=\"x\"\"onmouseover=\"alert(1)\">x</a>",
        "<img/src=x/onerror=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Nothing_executable_passes(string html)
    {
        Assert.Empty(MarkdownRendererTests.ExecutableParts(HtmlAllowList.Sanitize(html)));
    }

    [Theory]
    [InlineData("<p>Un <em>texte</em> &amp; <code>x &lt; y</code></p>")]
    [InlineData("<a href=\"https://eduscol.education.fr/?a=1&amp;b=2\" title=\"Éduscol\">lien</a>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Un schéma\" />")]
    [InlineData("<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" /> fait</li>\n</ul>")]
    public void What_markdown_produces_is_kept_as_it_is(string html)
    {
        Assert.Equal(html, HtmlAllowList.Sanitize(html));
    }

    [Fact]
    public void A_dropped_attribute_leaves_the_rest_of_the_element()
    {
        Assert.Equal("<a href=\"https://ok.example\">x</a>", HtmlAllowList.Sanitize("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>"));
    }

    [Fact]
    public void An_unknown_element_is_shown_as_text()
    {
        Assert.Equal("&lt;script>alert(1)&lt;/script>", HtmlAllowList.Sanitize("<script>alert(1)</script>"));
    }
}
