using System.Diagnostics;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Views;

/// <summary>A bad template cannot hang the host: each limit ends the render with an error naming the template.</summary>
public sealed class ViewLimitTests
{
    [Fact]
    public void A_loop_without_end_is_stopped_by_the_loop_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/endless"));

        Assert.Equal(ViewFailure.LoopLimit, error.Failure);
        Assert.Contains("specs/endless", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_loop_without_end_is_stopped_by_the_time_limit_when_the_loop_limit_is_lifted()
    {
        using var host = ViewHost.Create(configure: o => (o.Timeout, o.MaxLoopIterations) = (TimeSpan.FromMilliseconds(300), int.MaxValue));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/endless"));

        Assert.Equal(ViewFailure.Timeout, error.Failure);
        Assert.Contains("specs/endless", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the render was stopped, not left to run");
    }

    [Fact]
    public void Too_many_iterations_are_stopped_by_the_loop_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/many-iterations"));

        Assert.Equal(ViewFailure.LoopLimit, error.Failure);
        Assert.Equal(2, error.Line);
        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_recursion_is_stopped_by_the_recursion_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/recursive"));

        Assert.Equal(ViewFailure.RecursionLimit, error.Failure);
        Assert.Contains("specs/recursive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_including_itself_is_stopped_by_the_recursion_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/self-include"));

        Assert.Equal(ViewFailure.RecursionLimit, error.Failure);
        Assert.Contains("specs/self-include", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_much_output_is_stopped_by_the_output_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/huge-output"));

        Assert.Equal(ViewFailure.OutputLimit, error.Failure);
        Assert.Contains("2000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_render_throws_operation_cancelled_not_a_limit()
    {
        using var host = ViewHost.Create(configure: o => (o.Timeout, o.MaxLoopIterations) = (TimeSpan.FromMinutes(1), int.MaxValue));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => host.Render("specs/endless", cancellationToken: cancellation.Token));
    }

    [Fact]
    public void A_huge_model_list_is_stopped_by_the_loop_limit_not_rendered()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/list.sbn-html"] = "{{ for i in items }}{{ i }}{{ end }}" });

        var error = Assert.Throws<ViewException>(() => host.Render("specs/list", new { Items = Enumerable.Range(0, 20_000).ToArray() }));

        Assert.Equal(ViewFailure.LoopLimit, error.Failure);
    }

    [Fact]
    public void Template_code_nested_too_deep_is_a_syntax_error_not_a_stack_overflow()
    {
        var nested = string.Concat(Enumerable.Repeat("{{ if true }}", 5_000)) + string.Concat(Enumerable.Repeat("{{ end }}", 5_000));
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/deep.sbn-html"] = nested });

        var error = Assert.Throws<ViewException>(() => host.Render("specs/deep"));

        Assert.Equal(ViewFailure.Syntax, error.Failure);
        Assert.Contains("depth limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_of_ten_megabytes_of_brackets_is_refused_at_load_naming_its_length()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["views/specs/brackets.sbn-html"] = new string('[', 10_000_000) });

        var error = Assert.Throws<ViewException>(() => host.Render("specs/brackets"));

        Assert.Contains("10000000 characters long", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Catalog.Diagnostics, d => d.Template == "specs/brackets");
    }

    [Fact]
    public void Ten_megabytes_of_brackets_in_a_value_stop_at_the_output_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/echo", new { Value = new string('[', 10_000_000) }));

        Assert.Equal(ViewFailure.OutputLimit, error.Failure);
    }

    [Fact]
    public void Markdown_over_its_limits_in_a_template_is_an_error_naming_the_template_and_the_limit()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<ViewException>(() => host.Render("specs/markdown", new { Content = new string('>', 1_000) + " deep" }));

        Assert.Equal(ViewFailure.Runtime, error.Failure);
        Assert.Contains("specs/markdown", error.Message, StringComparison.Ordinal);
        Assert.Contains("nesting depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_out_of_range_fail_at_start_naming_the_values()
    {
        var problems = new ViewOptions { MaxLoopIterations = 0, Timeout = TimeSpan.Zero, DefaultLanguage = "zz" }.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("MaxLoopIterations (0)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'zz'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_catastrophic_regular_expression_is_stopped_by_the_renders_time_limit_as_a_timeout()
    {
        using var host = ViewHost.Create(configure: o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var error = Assert.Throws<ViewException>(() => host.Render("specs/catastrophic-regex", new { Value = new string('a', 40) + "!" }));

        Assert.Equal(ViewFailure.Timeout, error.Failure); // not a runtime error after Scriban's own 10 s
        Assert.Contains("specs/catastrophic-regex", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regular_expressions_still_match_and_replace_within_the_limit()
    {
        using var host = ViewHost.Create();

        Assert.Equal("#e-B #|5e-B,5e,B", host.Render("specs/regex", new { Value = "5e-B 2026" }).Trim());
    }

    [Fact]
    public void A_value_longer_than_the_output_limit_is_never_cut_silently()
    {
        using var host = ViewHost.Create(configure: o => o.MaxOutputLength = 100);

        Assert.Equal("150", host.Render("specs/value-size", new { Value = new string('x', 150) }).Trim()); // the whole value, not 100 and "..."
        var error = Assert.Throws<ViewException>(() => host.Render("specs/echo-text", new { Value = new string('x', 150) }));
        Assert.Equal(ViewFailure.OutputLimit, error.Failure);
    }

    [Theory]
    [InlineData("{0,1000000000}")]
    [InlineData("{0,-1000000000}")]
    [InlineData("{0:D999999999}")]
    [InlineData("{0:N999}")]
    [InlineData("{0:0000000000000000000000000000000}")]
    public void A_strings_file_whose_placeholder_would_allocate_gigabytes_is_refused_naming_the_key(string text)
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["strings/specs.fr.json"] = $$"""{ "overall": "Moyenne : {{text}}" }""" });

        Assert.Equal("Moyenne générale : 12,5", host.Strings.Get("specs", "overall", "fr", 12.5m)); // the shipped text, not the override
        Assert.Contains(host.Catalog.Diagnostics, d => d.Template == "strings:specs" && d.Message.Contains("'overall'", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_placeholders_with_alignment_and_formats_are_kept()
    {
        using var host = ViewHost.Create(new Dictionary<string, string> { ["strings/specs.fr.json"] = """{ "overall": "Moyenne : {0,8:N2} le {1:dd MMMM yyyy}" }""" });

        Assert.Equal("Moyenne :    12,50 le 18 décembre 2026", host.Strings.Get("specs", "overall", "fr", 12.5m, new DateTime(2026, 12, 18)));
        Assert.DoesNotContain(host.Catalog.Diagnostics, d => d.Template == "strings:specs" && d.Message.Contains("'overall'", StringComparison.Ordinal));
    }

    [Fact]
    public void Date_now_in_a_template_is_the_departments_time_from_the_hosts_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 18, 16, 45, 0, TimeSpan.Zero));
        using var host = ViewHost.Create(services: s => s.AddSingleton<TimeProvider>(clock));

        Assert.Equal("2026-12-18 17:45", host.Render("specs/now").Trim()); // Paris is UTC+1 in December
    }
}
