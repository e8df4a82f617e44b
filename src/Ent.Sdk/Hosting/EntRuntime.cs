using Ent.Sdk.Composition;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Sdk.Hosting;

/// <summary>The runtime of a composed host. Disposing it (with the service provider) releases the plugins' load contexts.</summary>
internal sealed partial class EntRuntime : IEntRuntime, IDisposable
{
    private readonly PluginComposition _composition;
    private readonly IServiceProvider _services;
    private readonly ILogger<EntRuntime> _logger;
    private readonly List<PluginDiagnostic> _diagnostics;
    private readonly Lock _gate = new();
    private bool _disposed;
    private bool _startupTasksRan;

    public EntRuntime(PluginComposition composition, IServiceProvider services, ILogger<EntRuntime> logger)
    {
        _composition = composition;
        _services = services;
        _logger = logger;
        _diagnostics = [.. composition.Diagnostics];
        foreach (var diagnostic in composition.Diagnostics)
        {
            LogDiagnostic(diagnostic.Code, diagnostic.PluginId ?? "?", diagnostic.Folder ?? "in-process", diagnostic.Message);
        }
    }

    public IReadOnlyList<LoadedPlugin> Plugins => _composition.Plugins;

    public IReadOnlyList<PluginDiagnostic> Diagnostics
    {
        get
        {
            lock (_gate)
            {
                return _diagnostics.ToArray();
            }
        }
    }

    public LoadedPlugin? PluginDefining(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Plugins.FirstOrDefault(p => p.Assembly == type.Assembly);
    }

    public bool IsHealthy(string pluginId) =>
        Plugins.Any(p => p.Id == pluginId && p.State is PluginState.Registered or PluginState.Started);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_startupTasksRan)
        {
            foreach (var task in _services.GetServices<IEntStartupTask>())
            {
                await task.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            _startupTasksRan = true;
        }

        foreach (var plugin in Plugins.Where(p => p.State is PluginState.Registered or PluginState.Stopped))
        {
            var failedDependency = plugin.Manifest.Dependencies.FirstOrDefault(d => !d.Optional && !Plugins.Any(p => p.Id == d.Id && p.State == PluginState.Started));
            if (failedDependency is not null)
            {
                plugin.State = PluginState.Failed;
                Add(PluginDiagnosticCodes.DependencyFailed, plugin, $"It requires '{failedDependency.Id}', which did not start.");
                continue;
            }

            try
            {
                using (plugin.EnterContextualReflection())
                {
                    await plugin.Instance.StartAsync(new PluginRuntimeContext(plugin.Manifest, _services), cancellationToken).ConfigureAwait(false);
                }

                plugin.State = PluginState.Started;
                LogStarted(plugin.Id, plugin.Manifest.Version.ToString());
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                plugin.State = PluginState.Failed;
                Add(PluginDiagnosticCodes.StartFailed, plugin, $"StartAsync threw {exception.GetType().Name}: {exception.Message}");
                if (_composition.Strict)
                {
                    await StopAsync(cancellationToken).ConfigureAwait(false);
                    throw new PluginCompositionException(Diagnostics);
                }
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var plugin in Plugins.Reverse().Where(p => p.State == PluginState.Started))
        {
            try
            {
                using (plugin.EnterContextualReflection())
                {
                    await plugin.Instance.StopAsync(new PluginRuntimeContext(plugin.Manifest, _services), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Add(PluginDiagnosticCodes.StopFailed, plugin, $"StopAsync threw {exception.GetType().Name}: {exception.Message}", DiagnosticSeverity.Warning);
            }

            plugin.State = PluginState.Stopped;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var plugin in Plugins.Reverse())
        {
            plugin.Handle?.Dispose();
        }
    }

    private void Add(string code, LoadedPlugin plugin, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        lock (_gate)
        {
            _diagnostics.Add(new PluginDiagnostic(code, severity, plugin.Id, plugin.Folder, message));
        }

        LogDiagnostic(code, plugin.Id, plugin.Folder ?? "in-process", message);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Plugin diagnostic {Code} for '{PluginId}' ({Folder}): {Message}")]
    private partial void LogDiagnostic(string code, string pluginId, string folder, string message);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Plugin '{PluginId}' {Version} started.")]
    private partial void LogStarted(string pluginId, string version);
}
