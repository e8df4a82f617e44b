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

    /// <summary>The contracts assemblies it publishes for the plugins depending on it, loaded once and shared with them.</summary>
    public IReadOnlyList<Assembly> Contracts { get; internal init; } = [];

    internal EntPlugin Instance { get; }

    internal IPluginAssemblyHandle? Handle { get; }

    /// <summary>The options types the plugin declared with <c>context.AddOptions&lt;T&gt;()</c>, checked when the host starts.</summary>
    internal IReadOnlyList<Type> OptionsTypes { get; init; } = [];

    /// <summary>The domain event handler types this plugin registered: they receive only the events of schools where it is on.</summary>
    internal IReadOnlySet<Type> HandlerTypes { get; init; } = new HashSet<Type>();

    /// <summary>What the plugin contributes to schools (strategies, activity kinds, demo contributors, view areas): offered only where it is on.</summary>
    internal PluginContributions Contributions { get; init; } = PluginContributions.None;

    internal IDisposable? EnterContextualReflection() => Handle?.EnterContextualReflection();

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Manifest.Version} ({State})";
}

/// <summary>What a plugin contributes that a school is offered: the types and instances it registered at those contribution points.</summary>
/// <param name="Strategies">Its strategy types.</param>
/// <param name="ActivityKinds">The ids of its activity kinds.</param>
/// <param name="DemoContributors">Its demo contributor types.</param>
/// <param name="ViewAreas">The areas of its views.</param>
internal sealed record PluginContributions(IReadOnlySet<Type> Strategies, IReadOnlySet<string> ActivityKinds, IReadOnlySet<Type> DemoContributors, IReadOnlySet<string> ViewAreas)
{
    public static PluginContributions None { get; } = new(new HashSet<Type>(), new HashSet<string>(), new HashSet<Type>(), new HashSet<string>());

    public static PluginContributions Of(IEnumerable<Microsoft.Extensions.DependencyInjection.ServiceDescriptor> accepted)
    {
        var descriptors = accepted.Where(d => !d.IsKeyedService).ToArray();
        HashSet<Type> TypesOf(Type service) => [.. descriptors.Where(d => d.ServiceType == service).Select(d => d.ImplementationType ?? d.ImplementationInstance?.GetType()).OfType<Type>()];
        return new(
            TypesOf(typeof(Ent.Core.Strategies.IPedagogicalStrategy)),
            descriptors.Select(d => d.ImplementationInstance).OfType<Ent.Core.Courses.ActivityKind>().Select(k => k.Id).ToHashSet(StringComparer.Ordinal),
            TypesOf(typeof(Demo.IDemoContributor)),
            descriptors.Select(d => d.ImplementationInstance).OfType<Views.ViewPackage>().Select(v => v.Area).ToHashSet(StringComparer.Ordinal));
    }
}
