using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Views;

/// <summary>
/// The host's own templates (<c>AddEntHostViews</c>) are trusted as its code is and rendered as written; the moment anything else
/// takes part (a department's or a school's override, a plugin's template) the whole page goes through the sanitiser again.
/// </summary>
public sealed class HostViewTests
{
    private const string School = "0930001W";

    /// <summary>The fixtures once more, as the host's own templates under "host" (the same ones stay a plugin's under "specs").</summary>
    private static ViewHost Create(IReadOnlyDictionary<string, string>? overrides = null) =>
        ViewHost.Create(overrides, services: services => services.AddEntHostViews("host", typeof(ViewHost).Assembly));

    [Fact]
    public void A_host_template_is_rendered_as_written()
    {
        using var host = Create();

        Assert.Equal("<main data-host=\"yes\">Élève</main>", host.Render("host/trust/page", new { Value = "Élève" }));
    }

    [Fact]
    public void The_same_template_shipped_by_a_plugin_is_sanitised()
    {
        using var host = Create();

        Assert.Equal("<main>Élève</main>", host.Render("specs/trust/page", new { Value = "Élève" }));
    }

    [Theory]
    [MemberData(nameof(ViewSecurityTests.HostileValues), MemberType = typeof(ViewSecurityTests))]
    public void A_host_template_still_encodes_its_values(string value)
    {
        using var host = Create();

        var html = host.Render("host/trust/page", new { Value = value });

        Assert.Equal($"<main data-host=\"yes\">{System.Net.WebUtility.HtmlEncode(value)}</main>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_host_template_that_includes_host_templates_is_rendered_as_written()
    {
        using var host = Create();

        Assert.Equal("<main data-host=\"yes\"><p data-part=\"yes\">ok</p></main>", host.Render("host/trust/with-partial", new { Value = "ok" }));
    }

    [Fact]
    public void A_host_template_that_includes_a_plugins_template_is_sanitised_whole()
    {
        using var host = Create();

        Assert.Equal("<main><p>ok</p></main>", host.Render("host/trust/with-plugin-part", new { Value = "ok" }));
    }

    [Fact]
    public void A_department_override_of_a_host_template_is_sanitised()
    {
        using var host = Create(new Dictionary<string, string> { ["views/host/trust/page.sbn-html"] = "<main data-host=\"yes\"><script>alert(1)</script><img src=x onerror=alert(1)>{{ value }}</main>" });

        Assert.Equal("<main><img src=\"x\">ok</main>", host.Render("host/trust/page", new { Value = "ok" }));
    }

    [Theory]
    [InlineData("views/host/trust/partial.sbn-html")]
    [InlineData($"schools/{School}/views/host/trust/partial.sbn-html")]
    public void An_override_of_a_partial_a_host_template_includes_makes_the_whole_page_sanitised(string overridePath)
    {
        using var host = Create(new Dictionary<string, string> { [overridePath] = "<p data-part=\"override\" onclick=\"alert(1)\">{{ value }}</p>" });

        Assert.Equal("<main><p>ok</p></main>", host.Render("host/trust/with-partial", new { Value = "ok" }, new ViewScope(School)));
    }

    [Fact]
    public void Markdown_in_a_host_template_is_as_safe_as_anywhere()
    {
        using var host = Create();

        var html = host.Render("host/trust/markdown", new { Value = "[lien](javascript:alert(1)) <script>alert(1)</script> ![x](data:text/html,<script>alert(1)</script>)" });

        Assert.StartsWith("<main data-host=\"yes\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text/html", html, StringComparison.OrdinalIgnoreCase);
    }
}
