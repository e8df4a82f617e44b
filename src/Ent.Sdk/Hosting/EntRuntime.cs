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
    private readonly TimeSpan _startTimeout;
    private readonly TimeSpan _stopTimeout;

    public EntRuntime(PluginComposition composition, IServiceProvider services, ILogger<EntRuntime> logger, TimeSpan startTimeout, TimeSpan stopTimeout)
    {
        _startTimeout = startTimeout;
        _stopTimeout = stopTimeout;
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
            CheckOptions();
            CheckShippedViews();
            if (_composition.Strict && Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new PluginCompositionException(Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray());
            }
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
                await RunBoundedAsync(plugin, (p, context, token) => p.StartAsync(context, token), _startTimeout, cancellationToken).ConfigureAwait(false);
                plugin.State = PluginState.Started;
                LogStarted(plugin.Id, plugin.Manifest.Version.ToString());
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                plugin.State = PluginState.Failed;
                if (exception is TimeoutException)
                {
                    Add(PluginDiagnosticCodes.StartTimedOut, plugin, $"StartAsync did not return within {_startTimeout.TotalSeconds:0.###} s (EntOptions.PluginStartTimeout); the plugin is marked failed and its cancellation token cancelled.");
                }
                else
                {
                    Add(PluginDiagnosticCodes.StartFailed, plugin, $"StartAsync threw {exception.GetType().Name}: {exception.Message}");
                }

                if (_composition.Strict)
                {
                    await StopAsync(cancellationToken).ConfigureAwait(false);
                    throw new PluginCompositionException(Diagnostics);
                }
            }
        }

        _services.GetService<Scheduling.RecurringTasks>()?.Start(); // the plugins' recurring tasks, once they have started
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_services.GetService<Scheduling.RecurringTasks>() is { } tasks)
        {
            await tasks.StopAsync().ConfigureAwait(false); // no task runs while the plugins stop
        }

        foreach (var plugin in Plugins.Reverse().Where(p => p.State == PluginState.Started))
        {
            try
            {
                await RunBoundedAsync(plugin, (p, context, token) => p.StopAsync(context, token), _stopTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Add(PluginDiagnosticCodes.StopFailed, plugin, $"StopAsync did not return within {_stopTimeout.TotalSeconds:0.###} s (EntOptions.PluginStopTimeout); the others stop.", DiagnosticSeverity.Warning);
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

        if (_composition.Contracts is { IsCollectible: true } contracts)
        {
            contracts.Unload();
        }
    }

    /// <summary>
    /// Options are checked before anything starts: each plugin's declared options (bound from its configuration
    /// section, then validated), then everything registered with <c>ValidateOnStart</c>. A plugin whose options are
    /// invalid fails with ENT055 naming the key and the value; the host's own invalid options stop the start.
    /// </summary>
    private void CheckOptions()
    {
        foreach (var plugin in Plugins.Where(p => p.State == PluginState.Registered))
        {
            foreach (var type in plugin.OptionsTypes)
            {
                if (OptionsProblem(type) is { } problem)
                {
                    FailOptions(plugin, type, problem);
                    break;
                }
            }
        }

        try
        {
            _services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (exception is Microsoft.Extensions.Options.OptionsValidationException or AggregateException)
        {
            var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
            foreach (var failure in failures)
            {
                if (failure is not Microsoft.Extensions.Options.OptionsValidationException invalid || PluginDefining(invalid.OptionsType) is not { } plugin)
                {
                    throw; // the host's own options: it must not start with them
                }

                if (plugin.State != PluginState.Failed)
                {
                    FailOptions(plugin, invalid.OptionsType, string.Join(" ", invalid.Failures));
                }
            }
        }
    }

    private string? OptionsProblem(Type optionsType)
    {
        var monitorType = typeof(Microsoft.Extensions.Options.IOptionsMonitor<>).MakeGenericType(optionsType);
        try
        {
            _ = monitorType.GetProperty(nameof(Microsoft.Extensions.Options.IOptionsMonitor<object>.CurrentValue))!.GetValue(_services.GetRequiredService(monitorType));
            return null;
        }
        catch (System.Reflection.TargetInvocationException exception) when (exception.InnerException is Microsoft.Extensions.Options.OptionsValidationException invalid)
        {
            return string.Join(" ", invalid.Failures);
        }
        catch (System.Reflection.TargetInvocationException exception) when (exception.InnerException is InvalidOperationException or FormatException)
        {
            return exception.InnerException.Message; // the binder's: names the key and the value
        }
    }

    private void FailOptions(LoadedPlugin plugin, Type optionsType, string problem)
    {
        plugin.State = PluginState.Failed;
        Add(PluginDiagnosticCodes.OptionsInvalid, plugin,
            $"Its options {optionsType.Name} (configuration section '{PluginServiceContext.ConfigurationSection(plugin.Id)}') are invalid: {problem}");
    }

    /// <summary>
    /// The templates and strings plugins ship must be whole: a syntax error (ENT070) or a missing translation (ENT071)
    /// is a warning naming the plugin, and in a strict host an error that refuses the start (thrown by the caller).
    /// </summary>
    private void CheckShippedViews()
    {
        if (_services.GetService<Views.IViewCatalog>() is not { } catalog)
        {
            return;
        }

        var severity = _composition.Strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        foreach (var problem in catalog.Diagnostics.Where(d => d.Source.Layer == Views.ViewLayer.Shipped))
        {
            if (Plugins.FirstOrDefault(p => p.Id == problem.Source.Origin) is not { } plugin)
            {
                continue; // the host's own views: its own code, reported by the catalog
            }

            var code = problem.Template.StartsWith("strings:", StringComparison.Ordinal) ? PluginDiagnosticCodes.TranslationMissing : PluginDiagnosticCodes.ShippedViewInvalid;
            Add(code, plugin, $"It ships {problem}", severity);
        }
    }

    /// <summary>
    /// Runs a plugin's start or stop on the thread pool (so that a plugin blocking before its first await cannot hold
    /// the host) under its load context, and gives up after the timeout, cancelling the plugin's token.
    /// </summary>
    private async Task RunBoundedAsync(LoadedPlugin plugin, Func<EntPlugin, PluginRuntimeContext, CancellationToken, Task> step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var context = new PluginRuntimeContext(plugin.Manifest, _services);
        Task running;
        using (plugin.EnterContextualReflection())
        {
            running = Task.Run(() => step(plugin.Instance, context, limit.Token), CancellationToken.None);
        }

        try
        {
            await running.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await limit.CancelAsync().ConfigureAwait(false);
            _ = running.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default); // observed, never rethrown
            throw;
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
