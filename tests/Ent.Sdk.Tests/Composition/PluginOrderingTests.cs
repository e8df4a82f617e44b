using Ent.Sdk.Composition;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.TestPlugins;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Composition;

/// <summary>The dependency graph and the life cycle, with plugins registered in-process.</summary>
public sealed class PluginOrderingTests
{
    private readonly Recorder _recorder = new();

    [Fact]
    public async Task Plugins_start_in_dependency_order_and_stop_in_reverse()
    {
        await using var host = Build(new("d", Optional: ["c"]), new("c", ["b"]), new("a"), new("b", ["a"]));
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(["a", "b", "c", "d"], _recorder.Of("start"));
        Assert.Equal(["d", "c", "b", "a"], _recorder.Of("stop"));
        Assert.Equal(["a", "b", "c", "d"], _recorder.Of("register"));
    }

    [Fact]
    public async Task Plugins_in_a_dependency_cycle_are_refused_and_the_others_load()
    {
        await using var host = Build(new("a", ["b"]), new("b", ["a"]), new("self", ["self"]), new("free"));

        Assert.Equal(["a", "b", "self"], host.Runtime.Diagnostics.Where(d => d.Code == PluginDiagnosticCodes.DependencyCycle).Select(d => d.PluginId).Order());
        Assert.Contains("a -> b", host.Runtime.Diagnostics.First(d => d.PluginId == "a").Message, StringComparison.Ordinal);
        Assert.Equal(["free"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Fact]
    public async Task A_plugin_requiring_a_refused_plugin_is_refused_too()
    {
        await using var host = Build(new("b", ["missing"]), new("c", ["b"]), new("a"));

        Assert.Equal(PluginDiagnosticCodes.DependencyMissing, host.Runtime.Diagnostics.Single(d => d.PluginId == "b").Code);
        Assert.Equal(PluginDiagnosticCodes.DependencyFailed, host.Runtime.Diagnostics.Single(d => d.PluginId == "c").Code);
        Assert.Equal(["a"], host.Runtime.Plugins.Select(p => p.Id));
        Assert.Equal(["a"], _recorder.Of("register"));
    }

    [Fact]
    public async Task A_plugin_that_fails_to_start_is_isolated_and_what_requires_it_does_not_start()
    {
        await using var host = Build(new("a"), new("b", ["a"], FailOnStart: true), new("c", ["b"]), new("d"));
        await host.StartAsync();

        Assert.Equal(["a", "b", "d"], _recorder.Of("start"));
        Assert.Equal(PluginState.Failed, host.Runtime.Plugins.Single(p => p.Id == "b").State);
        Assert.Equal(PluginState.Failed, host.Runtime.Plugins.Single(p => p.Id == "c").State);
        Assert.Equal(PluginDiagnosticCodes.StartFailed, host.Runtime.Diagnostics.Single(d => d.PluginId == "b").Code);
        Assert.Contains("b cannot start", host.Runtime.Diagnostics.Single(d => d.PluginId == "b").Message, StringComparison.Ordinal);
        Assert.Equal(PluginDiagnosticCodes.DependencyFailed, host.Runtime.Diagnostics.Single(d => d.PluginId == "c").Code);
        Assert.False(host.Runtime.IsHealthy("b"));
        Assert.True(host.Runtime.IsHealthy("d"));
    }

    [Fact]
    public async Task A_strict_host_whose_plugin_fails_to_start_stops_the_started_ones_and_throws()
    {
        await using var host = Compose(strict: true, [new("a"), new("b", ["a"], FailOnStart: true)]);

        var error = await Assert.ThrowsAsync<PluginCompositionException>(() => host.StartAsync());

        Assert.Equal(PluginDiagnosticCodes.StartFailed, Assert.Single(error.Diagnostics).Code);
        Assert.Equal(["a"], _recorder.Of("stop"));
    }

    [Fact]
    public async Task A_plugin_that_fails_to_stop_is_reported_and_the_others_still_stop()
    {
        await using var host = Build(new("a"), new("b", ["a"], FailOnStop: true));
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(["b", "a"], _recorder.Of("stop"));
        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.StopFailed, DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
    }

    [Fact]
    public async Task An_in_process_plugin_outside_its_sdk_range_is_refused()
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPlugin(new RecordingPlugin("old", _recorder), RecordingPlugin.Manifest("old", sdk: "[0.1.0,1.0.0)"));
        await using var host = builder.Build();

        Assert.Equal(PluginDiagnosticCodes.SdkVersionUnsupported, Assert.Single(host.Runtime.Diagnostics).Code);
        Assert.Empty(_recorder.Steps);
    }

    [Fact]
    public async Task Startup_tasks_run_once_before_any_plugin_starts_and_their_failure_stops_the_start()
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<IEntStartupTask>(new RecordingStartupTask(_recorder, fail: false));
        builder.Ent.AddPlugin(new RecordingPlugin("a", _recorder), RecordingPlugin.Manifest("a"));
        await using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
        await host.StartAsync();

        Assert.Equal(["register:a", "startup", "start:a", "stop:a", "start:a"], _recorder.Steps);

        var failing = EntHost.CreateBuilder();
        failing.Services.AddSingleton<IEntStartupTask>(new RecordingStartupTask(new Recorder(), fail: true));
        await using var broken = failing.Build();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken.StartAsync());
        Assert.Equal("storage is down", error.Message);
    }

    [Fact]
    public async Task Disposing_a_started_host_stops_its_plugins()
    {
        var host = Build(new P("a"));
        await host.StartAsync();

        await host.DisposeAsync();

        Assert.Equal(["a"], _recorder.Of("stop"));
    }

    [Fact]
    public async Task A_plugin_whose_start_never_returns_is_marked_failed_after_the_timeout_and_the_others_start()
    {
        using var release = new ManualResetEventSlim();
        var builder = EntHost.CreateBuilder();
        builder.Ent.Options.PluginStartTimeout = TimeSpan.FromMilliseconds(200);
        builder.Ent.AddPlugin(new RecordingPlugin("a", _recorder), RecordingPlugin.Manifest("a"));
        builder.Ent.AddPlugin(new HangingPlugin(release, cooperative: false), RecordingPlugin.Manifest("stuck"));
        builder.Ent.AddPlugin(new HangingPlugin(release, cooperative: true), RecordingPlugin.Manifest("waiting"));
        builder.Ent.AddPlugin(new RecordingPlugin("d", _recorder), RecordingPlugin.Manifest("d"));
        await using var host = builder.Build();

        await host.StartAsync();
        release.Set();

        Assert.Equal(["a", "d"], _recorder.Of("start"));
        Assert.Equal(["a", "d"], host.Runtime.Plugins.Where(p => p.State == PluginState.Started).Select(p => p.Id));
        foreach (var id in new[] { "stuck", "waiting" })
        {
            var diagnostic = host.Runtime.Diagnostics.Single(d => d.PluginId == id);
            Assert.Equal(PluginDiagnosticCodes.StartTimedOut, diagnostic.Code);
            Assert.Contains("0.2 s", diagnostic.Message, StringComparison.Ordinal);
            Assert.False(host.Runtime.IsHealthy(id));
        }
    }

    [Fact]
    public async Task A_strict_host_whose_plugin_start_never_returns_stops_after_the_timeout_and_throws()
    {
        using var release = new ManualResetEventSlim();
        var builder = EntHost.CreateBuilder();
        builder.Ent.UseStrictPlugins();
        builder.Ent.Options.PluginStartTimeout = TimeSpan.FromMilliseconds(200);
        builder.Ent.AddPlugin(new RecordingPlugin("a", _recorder), RecordingPlugin.Manifest("a"));
        builder.Ent.AddPlugin(new HangingPlugin(release, cooperative: false), RecordingPlugin.Manifest("stuck"));
        await using var host = builder.Build();

        var error = await Assert.ThrowsAsync<PluginCompositionException>(() => host.StartAsync());
        release.Set();

        Assert.Equal(PluginDiagnosticCodes.StartTimedOut, Assert.Single(error.Diagnostics).Code);
        Assert.Equal(["a"], _recorder.Of("stop"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_start_timeout_that_is_not_positive_is_refused_naming_it(int seconds)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.Options.PluginStartTimeout = TimeSpan.FromSeconds(seconds);

        var error = Assert.Throws<ArgumentException>(() => builder.Build());

        Assert.Contains("PluginStartTimeout", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A plugin whose start never returns: blocking its thread (ignoring its token) or awaiting its token.</summary>
    private sealed class HangingPlugin(ManualResetEventSlim release, bool cooperative) : Ent.Sdk.Plugins.EntPlugin
    {
        public override void ConfigureServices(Ent.Sdk.Plugins.PluginServiceContext context)
        {
        }

        public override Task StartAsync(Ent.Sdk.Plugins.PluginRuntimeContext context, CancellationToken cancellationToken)
        {
            if (cooperative)
            {
                return Task.Delay(Timeout.Infinite, cancellationToken);
            }

            release.Wait(TimeSpan.FromMinutes(1)); // blocks before returning any task, until the test ends
            return Task.CompletedTask;
        }
    }

    private EntHost Build(params P[] plugins) => Compose(strict: false, plugins);

    private EntHost Compose(bool strict, P[] plugins)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.UseStrictPlugins(strict);
        foreach (var plugin in plugins)
        {
            builder.Ent.AddPlugin(
                new RecordingPlugin(plugin.Id, _recorder, plugin.FailOnStart, plugin.FailOnStop),
                RecordingPlugin.Manifest(plugin.Id, plugin.Requires, plugin.Optional));
        }

        return builder.Build();
    }

    private sealed class RecordingStartupTask(Recorder recorder, bool fail) : IEntStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            recorder.Steps.Enqueue("startup");
            return fail ? throw new InvalidOperationException("storage is down") : Task.CompletedTask;
        }
    }

    /// <summary>An in-process test plugin: what it requires, what it optionally uses, and whether it fails.</summary>
    public sealed record P(string Id, string[]? Requires = null, string[]? Optional = null, bool FailOnStart = false, bool FailOnStop = false);
}
