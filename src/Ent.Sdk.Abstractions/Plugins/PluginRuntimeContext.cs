namespace Ent.Sdk.Plugins;

/// <summary>What a plugin gets when the host starts or stops it.</summary>
/// <param name="Manifest">The plugin's manifest.</param>
/// <param name="Services">The host's services, the plugin's own included.</param>
public sealed record PluginRuntimeContext(PluginManifest Manifest, IServiceProvider Services);
