using BenchmarkDotNet.Attributes;
using Ent.Sdk.Hosting;

namespace Ent.Benchmarks;

/// <summary>
/// Composing and starting a host from 10 plugin folders (discovery, validation, loading, registration,
/// provider, start), against the same host with no plugins. Per-folder cost = (TenPluginFolders −
/// NoPlugins) / 10; the target is under 10 ms. Each iteration composes one host; disposing it, and
/// collecting the unloaded plugin contexts, happens in the iteration cleanup, outside the measure.
/// </summary>
[MemoryDiagnoser]
public class HostCompositionBenchmarks
{
    private string _tenPlugins = string.Empty;
    private string _empty = string.Empty;
    private EntHost? _host;

    [GlobalSetup]
    public void Setup()
    {
        _tenPlugins = SamplePluginFolders.Create(10);
        _empty = SamplePluginFolders.Create(0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_tenPlugins, recursive: true);
        Directory.Delete(_empty, recursive: true);
    }

    [IterationCleanup]
    public void DisposeHost()
    {
        _host?.Dispose();
        _host = null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Benchmark(Baseline = true)]
    public Task<int> NoPlugins() => ComposeAndStart(_empty);

    [Benchmark]
    public Task<int> TenPluginFolders() => ComposeAndStart(_tenPlugins);

    private async Task<int> ComposeAndStart(string directory)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPluginDirectory(directory);
        _host = builder.Build();
        await _host.StartAsync().ConfigureAwait(false);
        return _host.Runtime.Plugins.Count;
    }
}
