using System.Runtime.CompilerServices;
using Ent.Core.Strategies;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Composition;

public sealed class PluginUnloadingTests
{
    [Fact]
    public void Disposing_the_host_lets_the_plugins_load_contexts_be_collected()
    {
        // Fixture.Json13 is left out on purpose: Json.NET caches the plugin's types in the shared
        // framework's TypeDescriptor, which pins its load context (see docs/plugin-authoring.md).
        using var plugins = PluginDirectory.With("Fixture.Healthy", "Fixture.Dependent", "Fixture.Optional");

        var contexts = LoadUseAndDispose(plugins);

        for (var attempt = 0; attempt < 100 && contexts.Any(c => c.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal(3, contexts.Length);
        Assert.All(contexts, context => Assert.False(context.IsAlive, "A plugin load context is still alive after the host was disposed."));
    }

    [Fact]
    public async Task Plugins_load_into_collectible_contexts_unless_the_host_turns_unloading_off()
    {
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        await using var unloadable = FolderPluginLoadingTests.Build(plugins);
        await using var permanent = FolderPluginLoadingTests.Build(plugins, ent => ent.Options.UnloadablePlugins = false);

        Assert.True(Assert.Single(unloadable.Runtime.Plugins).LoadContext!.IsCollectible);
        Assert.False(Assert.Single(permanent.Runtime.Plugins).LoadContext!.IsCollectible);
        Assert.Empty(permanent.Runtime.Diagnostics);
    }

    // Not inlined, so that no reference to the host, its services or the plugins survives on this test's stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] LoadUseAndDispose(PluginDirectory plugins)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPluginDirectory(plugins.Path);
        using var host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        foreach (var strategy in host.Services.GetServices<IPedagogicalStrategy>())
        {
            _ = strategy.Name;
        }

        return host.Runtime.Plugins.Select(p => new WeakReference(p.LoadContext)).ToArray();
    }
}
