using Ent.Sdk.Views;

namespace Ent.Sdk.Tests.Views;

/// <summary>Rendering named templates: models, languages, encoding, includes, thread safety.</summary>
public sealed class ViewRendererTests
{
    [Fact]
    public void A_shipped_template_renders_its_model_in_french_by_default()
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/report-card", ReportCardView.Sample());

        Assert.Contains("<title>Bulletin de Inès Benali</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Mathématiques</td><td>12,5</td><td>11,3</td>", html, StringComparison.Ordinal);
        Assert.Contains("Moyenne générale : 12,08", html, StringComparison.Ordinal);
        Assert.Contains("18 décembre 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scope_language_switches_strings_and_number_formats_to_english()
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/report-card", ReportCardView.Sample("en"), new ViewScope(Language: "en"));

        Assert.Contains("<title>Inès Benali's report card</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Mathématiques</td><td>12.5</td>", html, StringComparison.Ordinal);
        Assert.Contains("Overall average: 12.08", html, StringComparison.Ordinal);
        Assert.Contains("18 December 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_in_an_html_template_are_encoded()
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/report-card", ReportCardView.Sample());

        Assert.Contains("Doit approfondir ses leçons &lt;b&gt;à la maison&lt;/b&gt;.", html, StringComparison.Ordinal);
        Assert.Contains("Très bon trimestre, à l'écoute.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_in_a_text_template_are_written_as_they_are()
    {
        using var host = ViewHost.Create();

        var text = host.Render("specs/echo-text", new { Value = "<b>Zoé & Léa</b>" });

        Assert.Equal("<b>Zoé & Léa</b>\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_included_template_is_written_as_html_not_encoded_twice()
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/report-card", ReportCardView.Sample());

        Assert.Contains("<header><h1>Collège Louise Michel (fictif)</h1><p>Bulletin du premier trimestre — Inès Benali, 4e B</p></header>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_in_a_template_goes_through_the_safe_pipeline()
    {
        using var host = ViewHost.Create();

        var html = host.Render("specs/markdown", new { Content = "# Les fractions\n\n**1/2** vaut 0,5 [ici](javascript:alert(1))" });

        Assert.Contains("<h1 id=\"les-fractions\">Les fractions</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>1/2</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_dictionary_model_keeps_its_keys()
    {
        using var host = ViewHost.Create();

        var text = host.Render("specs/echo", new Dictionary<string, object?> { ["value"] = 3.5m }, new ViewScope(Language: "fr"));

        Assert.Contains("<p title=\"3,5\">3,5</p>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_renders_do_not_share_state()
    {
        using var host = ViewHost.Create();
        var expectedFr = host.Render("specs/report-card", ReportCardView.Sample());
        var expectedEn = host.Render("specs/report-card", ReportCardView.Sample("en"), new ViewScope(Language: "en"));

        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = i % 2 == 0
            ? host.Render("specs/report-card", ReportCardView.Sample())
            : host.Render("specs/report-card", ReportCardView.Sample("en"), new ViewScope(Language: "en")));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? expectedFr : expectedEn, results[i]);
        }
    }

    [Fact]
    public void An_unknown_template_is_an_error_naming_it()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/no-such-page"));

        Assert.Equal(ViewFailure.UnknownTemplate, error.Failure);
        Assert.Contains("'specs/no-such-page'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_template_line_and_column()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/broken"));

        Assert.Equal(ViewFailure.Syntax, error.Failure);
        Assert.Equal("specs/broken", error.Template);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains("specs/broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3, column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_string_is_an_error_naming_the_key_and_the_template()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/missing-text.sbn-html"] = "<p>\n{{ t \"no.such.key\" }}</p>" });

        var error = Assert.Throws<ViewException>(() => host.Render("specs/missing-text"));

        Assert.Equal(ViewFailure.Runtime, error.Failure);
        Assert.Contains("no.such.key", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("<p>\n{{ t }}</p>")]
    [InlineData("<p>\n{{ include }}</p>")]
    [InlineData("<p>\n{{ include \"specs/echo\" \"specs/echo\" }}</p>")]
    public void A_function_called_with_the_wrong_arguments_is_a_runtime_error_with_its_line(string template)
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/call.sbn-html"] = template });

        var error = Assert.Throws<ViewException>(() => host.Render("specs/call"));

        Assert.Equal(ViewFailure.Runtime, error.Failure);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_invalid_language_is_refused_naming_it()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ArgumentException>(() => host.Render("specs/echo", null, new ViewScope(Language: "klingon")));

        Assert.Contains("'klingon'", error.Message, StringComparison.Ordinal);
    }
}
