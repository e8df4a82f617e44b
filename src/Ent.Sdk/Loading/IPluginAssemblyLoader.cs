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
    /// <param name="assemblyPath">The full path of the entry assembly in the plugin folder.</param>
    /// <param name="sharedAssemblies">The assemblies the plugin must see from the host, never from its folder.</param>
    /// <returns>A handle that owns the load context; disposing it unloads the plugin.</returns>
    IPluginAssemblyHandle Load(string assemblyPath, IReadOnlyCollection<Assembly> sharedAssemblies);
}

/// <summary>A loaded plugin assembly and the load context that owns it.</summary>
public interface IPluginAssemblyHandle : IDisposable
{
    /// <summary>The entry assembly.</summary>
    Assembly Assembly { get; }

    /// <summary>The load context; collectible, so that disposing the handle lets it unload.</summary>
    AssemblyLoadContext LoadContext { get; }

    /// <summary>Makes the plugin's context the contextual-reflection context until disposed, so that <c>Type.GetType</c> in plugin code finds the plugin's types.</summary>
    IDisposable EnterContextualReflection();
}
