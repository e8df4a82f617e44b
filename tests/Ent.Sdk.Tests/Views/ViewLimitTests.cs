using System.Diagnostics;
using Ent.Sdk.Views;

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
    public void Options_out_of_range_fail_at_start_naming_the_values()
    {
        var problems = new ViewOptions { MaxLoopIterations = 0, Timeout = TimeSpan.Zero, DefaultLanguage = "zz" }.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("MaxLoopIterations (0)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'zz'", StringComparison.Ordinal));
    }
}
