using System.Reflection;
using System.Runtime.Loader;
using Ent.Sdk.Loading;

namespace Ent.Sdk.Tests.Composition;

/// <summary>
/// A plain <see cref="AssemblyLoadContext"/> loader (proof that the loader can be replaced) that
/// deliberately resolves Ent's contract assemblies from a private folder instead of sharing the host's.
/// </summary>
internal sealed class PrivateContractLoader(string privateFolder) : IPluginAssemblyLoader
{
    public IPluginAssemblyHandle Load(PluginLoadRequest request)
    {
        var context = new PrivateContext(Path.GetDirectoryName(request.AssemblyPath)!, privateFolder);
        return new Handle(context, context.LoadFromAssemblyPath(request.AssemblyPath));
    }

    private sealed class PrivateContext(string pluginFolder, string privateFolder) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            foreach (var folder in new[] { pluginFolder, privateFolder })
            {
                var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
                if (File.Exists(candidate))
                {
                    return LoadFromAssemblyPath(candidate);
                }
            }

            return null;
        }
    }

    private sealed class Handle(AssemblyLoadContext context, Assembly assembly) : IPluginAssemblyHandle
    {
        public Assembly Assembly => assembly;

        public AssemblyLoadContext LoadContext => context;

        public IDisposable EnterContextualReflection() => context.EnterContextualReflection();

        public void Dispose() => context.Unload();
    }
}
