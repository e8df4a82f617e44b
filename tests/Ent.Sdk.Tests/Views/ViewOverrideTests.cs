using Ent.Sdk.Views;

namespace Ent.Sdk.Tests.Views;

/// <summary>Departments and schools override templates and wording by name; a broken override never breaks a page.</summary>
public sealed class ViewOverrideTests
{
    private const string School = "0930001W";
    private const string OtherSchool = "0930002X";

    [Fact]
    public void A_department_override_replaces_the_shipped_template()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/echo.sbn-html"] = "<p class=\"dept\">{{ value }}</p>" });

        Assert.Equal("<p class=\"dept\">ok</p>", host.Render("specs/echo", new { Value = "ok" }));
    }

    [Fact]
    public void A_school_override_applies_to_its_school_only()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/echo.sbn-html"] = "<p>department {{ value }}</p>",
            [$"schools/{School}/views/specs/echo.sbn-html"] = "<p>school {{ value }}</p>",
        });

        Assert.Equal("<p>school ok</p>", host.Render("specs/echo", new { Value = "ok" }, new ViewScope(School)));
        Assert.Equal("<p>department ok</p>", host.Render("specs/echo", new { Value = "ok" }, new ViewScope(OtherSchool)));
        Assert.Equal("<p>department ok</p>", host.Render("specs/echo", new { Value = "ok" }));
    }

    [Fact]
    public void An_override_of_a_partial_applies_inside_the_shipped_page()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/partials/header.sbn-html"] = "<header>{{ t \"period\" period }} (département)</header>" });

        var html = host.Render("specs/report-card", ReportCardView.Sample());

        Assert.Contains("<header>Bulletin du premier trimestre (département)</header>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_with_a_syntax_error_falls_back_to_the_shipped_template_with_a_diagnostic()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/echo.sbn-html"] = "<p>\n{{ for x in }}</p>" });

        var html = host.Render("specs/echo", new { Value = "ok" });

        Assert.StartsWith("<p title=\"ok\">ok</p>", html, StringComparison.Ordinal);
        var diagnostic = Assert.Single(host.Catalog.Diagnostics, d => d.Template == "specs/echo");
        Assert.Equal(ViewLayer.Department, diagnostic.Source.Layer);
        Assert.Equal(2, diagnostic.Line);
        Assert.Contains("syntax error", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_failing_at_run_time_falls_back_and_reports_it_once()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/echo.sbn-html"] = "<p>{{ t \"not.a.key\" }}</p>" });

        var first = host.Render("specs/echo", new { Value = "ok" });
        var second = host.Render("specs/echo", new { Value = "ok" });

        Assert.StartsWith("<p title=\"ok\">ok</p>", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        var diagnostic = Assert.Single(host.Catalog.Diagnostics, d => d.Template == "specs/echo");
        Assert.Contains("not.a.key", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_in_an_endless_loop_is_stopped_and_falls_back()
    {
        using var host = ViewHost.Create(
            new Dictionary<string, string> { ["views/specs/echo.sbn-html"] = "{{ while true }}{{ end }}" },
            o => (o.Timeout, o.MaxLoopIterations) = (TimeSpan.FromMilliseconds(200), int.MaxValue));

        var html = host.Render("specs/echo", new { Value = "ok" });

        Assert.StartsWith("<p title=\"ok\">ok</p>", html, StringComparison.Ordinal);
        Assert.Contains(host.Catalog.Diagnostics, d => d.Template == "specs/echo" && d.Message.Contains("longer than", StringComparison.Ordinal));
    }

    [Fact]
    public void The_catalog_lists_every_template_and_where_the_effective_one_comes_from()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["views/specs/echo.sbn-html"] = "<p>{{ value }}</p>",
            [$"schools/{School}/views/specs/report-card.sbn-html"] = "<p>school</p>",
            ["views/specs/department-only.sbn-html"] = "<p>only here</p>",
        });

        var echo = host.Catalog.Find("specs/echo")!;
        var card = host.Catalog.Find("specs/report-card")!;
        var own = host.Catalog.Find("specs/department-only")!;

        Assert.Equal(ViewLayer.Department, echo.EffectiveFor()!.Layer);
        Assert.Equal(typeof(ViewHost).Assembly.GetName().Name, echo.Shipped!.Origin);
        Assert.Equal(ViewLayer.School, card.EffectiveFor(School)!.Layer);
        Assert.Equal(ViewLayer.Shipped, card.EffectiveFor(OtherSchool)!.Layer);
        Assert.Null(own.Shipped);
        Assert.Equal(ViewKind.Text, host.Catalog.Find("specs/letter")!.Kind);
        Assert.Equal(host.Catalog.Templates.Select(t => t.Name).Order(StringComparer.Ordinal), host.Catalog.Templates.Select(t => t.Name));
    }

    [Fact]
    public void An_override_of_the_wrong_kind_is_ignored_with_a_diagnostic()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/echo.sbn-txt"] = "{{ value }}" });

        Assert.StartsWith("<p title=\"ok\">", host.Render("specs/echo", new { Value = "ok" }), StringComparison.Ordinal);
        Assert.Contains(host.Catalog.Diagnostics, d => d.Template == "specs/echo" && d.Message.Contains("Text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_school_folder_that_is_not_a_uai_is_ignored_with_a_diagnostic_naming_it()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["schools/college-x/views/specs/echo.sbn-html"] = "<p>x</p>" });

        Assert.Contains(host.Catalog.Diagnostics, d => d.Message.Contains("'college-x'", StringComparison.Ordinal));
        Assert.Empty(host.Catalog.Find("specs/echo")!.Schools);
    }

    [Fact]
    public void A_department_rewords_a_shipped_string_and_keeps_the_others()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["strings/specs.fr.json"] = "{ \"average\": \"Moy.\" }" });

        Assert.Equal("Moy.", host.Strings.Get("specs", "average"));
        Assert.Equal("Matière", host.Strings.Get("specs", "subject"));
        Assert.Contains("<th>Moy.</th>", host.Render("specs/report-card", ReportCardView.Sample()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_string_override_leaves_the_shipped_texts_with_a_diagnostic()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["strings/specs.fr.json"] = "{ \"average\": 12 }" });

        Assert.Equal("Moyenne", host.Strings.Get("specs", "average"));
        Assert.Contains(host.Catalog.Diagnostics, d => d.Template == "strings:specs" && d.Message.Contains("'average'", StringComparison.Ordinal));
    }
}
