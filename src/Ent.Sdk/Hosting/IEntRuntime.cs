using Ent.Sdk.Composition;
using Ent.Sdk.Diagnostics;

namespace Ent.Sdk.Hosting;

/// <summary>The plugins of a composed host: which loaded, in which order, what went wrong; starts and stops them.</summary>
public interface IEntRuntime
{
    /// <summary>The plugins that loaded, in start order (each after what it depends on).</summary>
    IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>Every diagnostic so far: from validation and loading, then from start and stop.</summary>
    IReadOnlyList<PluginDiagnostic> Diagnostics { get; }

    /// <summary>Runs the host's <see cref="IEntStartupTask"/>s (once), then starts the plugins in dependency order. A plugin that throws is marked failed, and so are the plugins that require it; the others start.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="PluginCompositionException">The host is strict and a plugin failed to start; the started ones were stopped.</exception>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops the started plugins in reverse order. A plugin that throws is reported and the others still stop.</summary>
    /// <param name="cancellationToken">Cancels the stop.</param>
    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>The plugin whose assembly defines a type (a service, a strategy…), or null for the host's own types.</summary>
    /// <param name="type">The type.</param>
    LoadedPlugin? PluginDefining(Type type);

    /// <summary>Whether a plugin is loaded and not failed.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    bool IsHealthy(string pluginId);
}
