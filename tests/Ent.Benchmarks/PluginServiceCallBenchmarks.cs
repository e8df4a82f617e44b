using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Samples.PrepareFirst;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Benchmarks;

/// <summary>
/// Resolving a strategy and asking it for a proposal: through the provider of a host that loaded the
/// plugin from its folder, against the same strategy class registered directly. Target: within 1.2×.
/// </summary>
[MemoryDiagnoser]
public class PluginServiceCallBenchmarks
{
    private EntHost _folderHost = null!;
    private EntHost _permanentHost = null!;
    private ServiceProvider _direct = null!;
    private string _plugins = string.Empty;
    private LearnerSituation _situation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plugins = SamplePluginFolders.Create(1);
        _folderHost = StartHost(unloadable: true);
        _permanentHost = StartHost(unloadable: false);

        // The same services as the host's, in the same order, with the strategy registered directly.
        var services = new ServiceCollection();
        services.AddOptions<PrepareFirstOptions>();
        services.AddSingleton<IPedagogicalStrategy, PrepareFirstStrategy>();
        services.AddLogging().AddEntCore();
        _direct = services.BuildServiceProvider();

        Activity[] activities = [.. Enumerable.Range(1, 12).Select(i => Activity.Create($"Activité {i}", i % 3 == 0 ? ActivityKind.Quiz : ActivityKind.Video))];
        var course = new Course(CourseId.New(), SchoolId.New(), CourseAudience.ForClass(ClassId.New()), new Subject("MATHS", "Maths"), "Fractions",
            [new Sequence(SequenceId.New(), "S", [.. activities])]);
        var learner = PersonId.New();
        _situation = new LearnerSituation(course, learner, activities.Take(4).ToImmutableDictionary(
            a => a.Id, a => new ActivityProgress(learner, a.Id, CompletionStatus.Completed, DateTimeOffset.UnixEpoch, [new ScoreEvidence(new Score(7, 10))])));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _folderHost.Dispose();
        _permanentHost.Dispose();
        _direct.Dispose();
        Directory.Delete(_plugins, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int DirectlyRegistered() => Call(_direct);

    /// <summary>The default: the plugin's context is collectible, so its code gets no dynamic PGO.</summary>
    [Benchmark]
    public int ThroughPluginHost() => Call(_folderHost.Services);

    /// <summary>A host with UnloadablePlugins off: same call, plugin code in a non-collectible context.</summary>
    [Benchmark]
    public int ThroughPluginHostNotUnloadable() => Call(_permanentHost.Services);

    private EntHost StartHost(bool unloadable)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPluginDirectory(_plugins);
        builder.Ent.Options.UnloadablePlugins = unloadable;
        var host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        if (host.Runtime.Plugins.Count != 1)
        {
            throw new InvalidOperationException("The sample plugin did not load: " + string.Join("; ", host.Runtime.Diagnostics));
        }

        return host;
    }

    private int Call(IServiceProvider services)
    {
        foreach (var strategy in services.GetServices<IPedagogicalStrategy>())
        {
            if (strategy.Id == PrepareFirstStrategy.StrategyId)
            {
                return strategy.ProposeFor(_situation).Next.Length;
            }
        }

        throw new InvalidOperationException("The prepare-first strategy is not registered.");
    }
}
