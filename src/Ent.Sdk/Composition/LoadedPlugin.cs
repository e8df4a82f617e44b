using System.Reflection;
using System.Runtime.Loader;
using Ent.Sdk.Loading;
using Ent.Sdk.Plugins;

namespace Ent.Sdk.Composition;

/// <summary>Where a plugin is in its life.</summary>
public enum PluginState
{
    /// <summary>Loaded and its services registered; not started yet.</summary>
    Registered,

    /// <summary>Started.</summary>
    Started,

    /// <summary>Failed to start, or a plugin it requires did; see the diagnostics.</summary>
    Failed,

    /// <summary>Stopped.</summary>
    Stopped,
}

/// <summary>A plugin that passed validation, loaded and registered its services.</summary>
public sealed class LoadedPlugin
{
    internal LoadedPlugin(PluginManifest manifest, string? folder, EntPlugin instance, IPluginAssemblyHandle? handle)
    {
        Manifest = manifest;
        Folder = folder;
        Instance = instance;
        Handle = handle;
    }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The plugin's id.</summary>
    public string Id => Manifest.Id;

    /// <summary>Its folder, or null for a plugin registered in-process.</summary>
    public string? Folder { get; }

    /// <summary>Where it is in its life.</summary>
    public PluginState State { get; internal set; }

    /// <summary>Its entry assembly.</summary>
    public Assembly Assembly => Instance.GetType().Assembly;

    /// <summary>The load context of a folder plugin (its own, collectible); null for an in-process plugin.</summary>
    public AssemblyLoadContext? LoadContext => Handle?.LoadContext;

    internal EntPlugin Instance { get; }

    internal IPluginAssemblyHandle? Handle { get; }

    /// <summary>The options types the plugin declared with <c>context.AddOptions&lt;T&gt;()</c>, checked when the host starts.</summary>
    internal IReadOnlyList<Type> OptionsTypes { get; init; } = [];

    /// <summary>The domain event handler types this plugin registered: they receive only the events of schools where it is on.</summary>
    internal IReadOnlySet<Type> HandlerTypes { get; init; } = new HashSet<Type>();

    internal IDisposable? EnterContextualReflection() => Handle?.EnterContextualReflection();

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Manifest.Version} ({State})";
}
