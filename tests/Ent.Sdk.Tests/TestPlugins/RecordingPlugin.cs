using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Ent.Sdk.Versioning;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.TestPlugins;

/// <summary>Records what in-process test plugins do, in order.</summary>
internal sealed class Recorder
{
    public ConcurrentQueue<string> Steps { get; } = new();

    public string[] Of(string verb) => Steps.Where(s => s.StartsWith(verb + ":", StringComparison.Ordinal)).Select(s => s[(verb.Length + 1)..]).ToArray();
}

/// <summary>An in-process plugin that records its registration, start and stop, and can be told to fail.</summary>
internal sealed class RecordingPlugin(string id, Recorder recorder, bool failOnStart = false, bool failOnStop = false) : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
        recorder.Steps.Enqueue("register:" + id);
        context.Services.AddSingleton(recorder);
    }

    public override Task StartAsync(PluginRuntimeContext context, CancellationToken cancellationToken)
    {
        recorder.Steps.Enqueue("start:" + id);
        return failOnStart ? throw new InvalidOperationException($"{id} cannot start") : Task.CompletedTask;
    }

    public override Task StopAsync(PluginRuntimeContext context, CancellationToken cancellationToken)
    {
        recorder.Steps.Enqueue("stop:" + id);
        return failOnStop ? throw new InvalidOperationException($"{id} cannot stop") : Task.CompletedTask;
    }

    public static PluginManifest Manifest(string id, string[]? requires = null, string[]? optional = null, string sdk = "^1.0.0", string version = "1.0.0")
    {
        var dependencies = (requires ?? []).Select(d => new PluginDependency(d, VersionRange.Any))
            .Concat((optional ?? []).Select(d => new PluginDependency(d, VersionRange.Any, Optional: true)))
            .ToImmutableArray();
        return new PluginManifest(id, SemanticVersion.Parse(version), VersionRange.Parse(sdk), new LocalizedText(id), new LocalizedText(id), dependencies: dependencies);
    }
}

/// <summary>A plugin whose manifest is embedded in this test assembly, for AddPlugin&lt;T&gt;().</summary>
public sealed class EmbeddedManifestPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.Services.AddSingleton(this);
}

/// <summary>An in-process plugin that registers whatever the test gives it.</summary>
internal sealed class ConfiguringPlugin(Action<PluginServiceContext> configure) : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => configure(context);
}
