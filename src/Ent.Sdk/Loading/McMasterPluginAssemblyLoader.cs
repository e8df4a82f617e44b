using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;

namespace Ent.Sdk.Loading;

/// <summary>Loads plugins with McMaster.NETCore.Plugins: one collectible context per plugin, honouring its <c>.deps.json</c> and native libraries.</summary>
public sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader
{
    /// <inheritdoc />
    public IPluginAssemblyHandle Load(string assemblyPath, IReadOnlyCollection<Assembly> sharedAssemblies)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        ArgumentNullException.ThrowIfNull(sharedAssemblies);
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, config =>
        {
            config.IsUnloadable = true;
            config.PreferSharedTypes = false;
            foreach (var shared in sharedAssemblies)
            {
                config.SharedAssemblies.Add(shared.GetName());
            }
        });
        try
        {
            return new Handle(loader, loader.LoadDefaultAssembly());
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    private sealed class Handle(PluginLoader loader, Assembly assembly) : IPluginAssemblyHandle
    {
        public Assembly Assembly { get; } = assembly;

        public AssemblyLoadContext LoadContext => loader.LoadContext;

        public IDisposable EnterContextualReflection() => loader.EnterContextualReflection();

        public void Dispose() => loader.Dispose();
    }
}
