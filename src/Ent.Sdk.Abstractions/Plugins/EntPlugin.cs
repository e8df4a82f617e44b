namespace Ent.Sdk.Plugins;

/// <summary>
/// The entry point of a plugin. A plugin assembly holds exactly one public, non-abstract subclass
/// with a public parameterless constructor. It registers its services and contributions in
/// <see cref="ConfigureServices"/>, the one place where a plugin plugs in; it may also run code when
/// the host starts and stops, in dependency order.
/// </summary>
public abstract class EntPlugin
{
    /// <summary>Registers the plugin's services and contributions. Runs once, before the host's provider is built.</summary>
    /// <param name="context">Where to register, and what the plugin may know of the host.</param>
    public abstract void ConfigureServices(PluginServiceContext context);

    /// <summary>Runs when the host starts, after the plugins this one depends on have started.</summary>
    /// <param name="context">The host's services and the plugin's manifest.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public virtual Task StartAsync(PluginRuntimeContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the host stops, before the plugins this one depends on stop.</summary>
    /// <param name="context">The host's services and the plugin's manifest.</param>
    /// <param name="cancellationToken">Cancels the stop.</param>
    public virtual Task StopAsync(PluginRuntimeContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
