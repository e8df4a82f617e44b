using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;

namespace Ent.Sdk.Loading;

/// <summary>
/// Loads plugins with McMaster.NETCore.Plugins: one collectible context per plugin, honouring its
/// <c>.deps.json</c> and native libraries. The assemblies the plugin ships (except the shared
/// contracts) are private to it; everything else (the contracts, the framework) comes from the host.
/// Contracts that plugins publish for each other live in a load context of their own; when the request
/// shares such assemblies, that context resolves them (and hands everything else to the default context).
/// Declaring the plugin's own files private, rather than listing the shared ones, spares McMaster a
/// walk of the shared assemblies' whole reference graph for every plugin.
/// </summary>
internal sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader
{
    /// <inheritdoc />
    public IPluginAssemblyHandle Load(PluginLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assemblyPath = request.AssemblyPath;
        var shared = request.SharedAssemblies.Select(a => a.GetName().Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shipped = Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!, "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !shared.Contains(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var sharedContexts = request.SharedAssemblies.Select(AssemblyLoadContext.GetLoadContext).OfType<AssemblyLoadContext>()
            .Where(c => c != AssemblyLoadContext.Default).Distinct().ToArray();
        if (sharedContexts.Length > 1)
        {
            throw new ArgumentException("The shared assemblies come from more than one load context besides the default one; the McMaster loader resolves them through one.", nameof(request));
        }

        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, config =>
        {
            config.IsUnloadable = request.Unloadable;
            if (sharedContexts.Length == 1)
            {
                config.DefaultContext = sharedContexts[0];
            }

            config.PreferSharedTypes = true;
            foreach (var name in shipped)
            {
                config.PrivateAssemblies.Add(new AssemblyName(name!));
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
