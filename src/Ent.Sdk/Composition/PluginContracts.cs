using System.Reflection;
using System.Runtime.Loader;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Loading;

namespace Ent.Sdk.Composition;

/// <summary>
/// The contracts assemblies plugins publish for each other (<c>"contracts"</c> in <c>plugin.json</c>). Before any
/// plugin code runs they are checked (each file is there, readable, named after its assembly, published once), and
/// so is every plugin that uses one: it must declare a dependency on the publisher and have been built against a
/// compatible version (same major version, not newer than the published one). The accepted ones are then loaded
/// once, into one context every plugin resolves them from, so a contract type is the same type in every plugin.
/// </summary>
internal sealed class PluginContracts
{
    private readonly List<PluginDiagnostic> _diagnostics;
    private readonly Dictionary<string, Published> _byName = new(StringComparer.OrdinalIgnoreCase);

    private PluginContracts(List<PluginDiagnostic> diagnostics) => _diagnostics = diagnostics;

    /// <summary>The loaded contracts assemblies and the id of the plugin that publishes each.</summary>
    public IReadOnlyDictionary<Assembly, string> Owners { get; private set; } = new Dictionary<Assembly, string>();

    /// <summary>The context the contracts are loaded into; null when no plugin publishes any.</summary>
    public AssemblyLoadContext? LoadContext { get; private set; }

    /// <summary>Checks the publishers and users of contracts among the ordered plugins, loads the accepted contracts, and returns the plugins that may go on.</summary>
    public static (PluginContracts Contracts, IReadOnlyList<PluginCandidate> Accepted) Check(IReadOnlyList<PluginCandidate> ordered, List<PluginDiagnostic> diagnostics, bool unloadable)
    {
        var contracts = new PluginContracts(diagnostics);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var publisher in ordered.Where(c => c.Folder is not null && c.Manifest.Contracts.Length > 0))
        {
            if (!contracts.Publish(publisher))
            {
                refused.Add(publisher.Manifest.Id);
            }
        }

        foreach (var user in ordered.Where(c => c.Facts is not null && !refused.Contains(c.Manifest.Id)))
        {
            if (!contracts.CheckUser(user))
            {
                refused.Add(user.Manifest.Id);
            }
        }

        contracts.Load(unloadable, refused);
        return (contracts, ordered.Where(c => !refused.Contains(c.Manifest.Id)).ToArray());
    }

    private bool Publish(PluginCandidate publisher)
    {
        var manifest = publisher.Manifest;
        var entries = new List<Published>();
        foreach (var file in manifest.Contracts)
        {
            var path = Path.Combine(publisher.Folder!, file);
            if (!File.Exists(path))
            {
                return Refuse(publisher, PluginDiagnosticCodes.ContractsInvalid, $"It publishes the contracts '{file}', which is not in its folder.");
            }

            AssemblyName name;
            try
            {
                name = AssemblyFacts.Read(path).Name;
            }
            catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or IOException)
            {
                return Refuse(publisher, PluginDiagnosticCodes.ContractsInvalid, $"Its contracts '{file}' is not a readable .NET assembly: {exception.Message}");
            }

            if (!string.Equals(name.Name + ".dll", file, StringComparison.OrdinalIgnoreCase))
            {
                return Refuse(publisher, PluginDiagnosticCodes.ContractsInvalid, $"Its contracts file '{file}' holds the assembly '{name.Name}'; name the file after its assembly.");
            }

            if (ContractAssemblies.All.Any(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase)) || name.Name!.StartsWith("System.", StringComparison.Ordinal))
            {
                return Refuse(publisher, PluginDiagnosticCodes.ContractsInvalid, $"It publishes '{name.Name}' as its contracts, and the host provides that assembly itself.");
            }

            if (_byName.TryGetValue(name.Name!, out var other))
            {
                return Refuse(publisher, PluginDiagnosticCodes.ContractsInvalid, $"It publishes the contracts '{name.Name}', which plugin '{other.Publisher}' publishes already; a contracts assembly has one publisher.");
            }

            entries.Add(new Published(manifest.Id, manifest.Version.ToString(), name, path));
        }

        foreach (var entry in entries)
        {
            _byName.Add(entry.Name.Name!, entry);
        }

        return true;
    }

    private bool CheckUser(PluginCandidate user)
    {
        var manifest = user.Manifest;
        foreach (var reference in user.Facts!.References)
        {
            if (!_byName.TryGetValue(reference.Name!, out var published) || published.Publisher == manifest.Id)
            {
                continue;
            }

            var builtAgainst = reference.Version ?? new Version(0, 0);
            var provided = published.Name.Version ?? new Version(0, 0);
            if (manifest.Dependencies.All(d => d.Id != published.Publisher))
            {
                return Refuse(user, PluginDiagnosticCodes.ContractsUndeclared,
                    $"It uses {reference.Name} {Show(builtAgainst)}, the contracts of plugin '{published.Publisher}', without depending on it: add \"{published.Publisher}\" to the dependencies (or optionalDependencies) of its plugin.json.");
            }

            if (builtAgainst.Major != provided.Major || builtAgainst > provided)
            {
                return Refuse(user, PluginDiagnosticCodes.ContractsIncompatible,
                    $"It was built against {reference.Name} {Show(builtAgainst)}, and plugin '{published.Publisher}' {published.Version} publishes {Show(provided)}: " +
                    $"a plugin runs with the contracts of its major version ({builtAgainst.Major}.x) at the version it was built against or later. Rebuild it against {Show(provided)}, or install a version of '{published.Publisher}' that publishes {builtAgainst.Major}.x at {Show(builtAgainst)} or later.");
            }
        }

        return true;
    }

    private void Load(bool unloadable, HashSet<string> refused)
    {
        var accepted = _byName.Values.Where(p => !refused.Contains(p.Publisher)).ToArray();
        if (accepted.Length == 0)
        {
            return;
        }

        var context = new ContractsLoadContext(unloadable);
        var owners = new Dictionary<Assembly, string>();
        foreach (var published in accepted)
        {
            try
            {
                owners.Add(context.Add(published.Path), published.Publisher);
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or IOException)
            {
                _diagnostics.Add(new PluginDiagnostic(PluginDiagnosticCodes.ContractsInvalid, DiagnosticSeverity.Error, published.Publisher, Path.GetDirectoryName(published.Path),
                    $"Its contracts '{Path.GetFileName(published.Path)}' could not be loaded: {exception.Message}"));
                refused.Add(published.Publisher);
            }
        }

        LoadContext = context;
        Owners = owners;
    }

    private bool Refuse(PluginCandidate candidate, string code, string message)
    {
        _diagnostics.Add(new PluginDiagnostic(code, DiagnosticSeverity.Error, candidate.Manifest.Id, candidate.Folder, message));
        return false;
    }

    private static string Show(Version version) => version.ToString(3);

    /// <summary>A contracts assembly a plugin publishes.</summary>
    private sealed record Published(string Publisher, string Version, AssemblyName Name, string Path);

    /// <summary>
    /// Holds the published contracts. The binder finds an assembly already loaded here by its name; the context
    /// keeps only paths, never the assemblies, since a collectible context that references its own assemblies never unloads.
    /// </summary>
    private sealed class ContractsLoadContext(bool collectible) : AssemblyLoadContext("Ent plugin contracts", collectible)
    {
        private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);

        public Assembly Add(string path)
        {
            var assembly = LoadFromAssemblyPath(path);
            _paths.Add(assembly.GetName().Name!, path);
            return assembly;
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && _paths.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
    }
}
