using System.Reflection;
using System.Runtime.Loader;

namespace Ent.Sdk.Loading;

/// <summary>
/// Loads a plugin's entry assembly into a load context of its own, sharing only the contract
/// assemblies with the host. The default implementation uses McMaster.NETCore.Plugins; another
/// (e.g. a plain <see cref="AssemblyLoadContext"/>) can replace it.
/// </summary>
public interface IPluginAssemblyLoader
{
    /// <summary>Loads a plugin's entry assembly.</summary>
    /// <param name="request">What to load, what to share with the host, and whether the context can unload.</param>
    /// <returns>A handle that owns the load context; disposing it unloads the plugin when the context is collectible.</returns>
    IPluginAssemblyHandle Load(PluginLoadRequest request);
}

/// <summary>What a plugin loader is asked to load.</summary>
/// <param name="AssemblyPath">The full path of the entry assembly in the plugin folder.</param>
/// <param name="SharedAssemblies">The assemblies the plugin must see from the host, never from its folder.</param>
/// <param name="Unloadable">Whether the load context is collectible, so that disposing the handle releases it.</param>
public sealed record PluginLoadRequest(string AssemblyPath, IReadOnlyCollection<Assembly> SharedAssemblies, bool Unloadable);

/// <summary>A loaded plugin assembly and the load context that owns it.</summary>
public interface IPluginAssemblyHandle : IDisposable
{
    /// <summary>The entry assembly.</summary>
    Assembly Assembly { get; }

    /// <summary>The load context; collectible when the request asked for an unloadable plugin.</summary>
    AssemblyLoadContext LoadContext { get; }

    /// <summary>Makes the plugin's context the contextual-reflection context until disposed, so that <c>Type.GetType</c> in plugin code finds the plugin's types.</summary>
    IDisposable EnterContextualReflection();
}
