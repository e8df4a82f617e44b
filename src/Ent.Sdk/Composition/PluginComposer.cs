using System.Reflection;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Loading;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Composition;

/// <summary>
/// Discovers, validates, orders, loads and registers plugins. Everything that can be checked is
/// checked before any plugin code runs; each failure becomes a diagnostic and the others go on.
/// </summary>
internal sealed class PluginComposer
{
    private readonly IPluginAssemblyLoader _loader;
    private readonly IReadOnlyCollection<Assembly> _shared;
    private readonly List<PluginDiagnostic> _diagnostics = [];

    public PluginComposer(IPluginAssemblyLoader loader)
    {
        _loader = loader;
        _shared = ContractAssemblies.All;
    }

    public PluginComposition Compose(IEnumerable<string> directories, IEnumerable<(EntPlugin Plugin, PluginManifest Manifest)> inProcess, IServiceCollection services, bool strict)
    {
        var candidates = new List<PluginCandidate>();
        foreach (var directory in directories)
        {
            candidates.AddRange(Discover(directory));
        }

        foreach (var (plugin, manifest) in inProcess)
        {
            if (CheckSdkRange(manifest, null))
            {
                candidates.Add(new PluginCandidate(manifest, null, null, plugin));
            }
        }

        var valid = RemoveDuplicates(candidates);
        var ordered = new DependencyGraph(valid, _diagnostics).Order();
        var loaded = new List<LoadedPlugin>();
        foreach (var candidate in ordered)
        {
            if (LoadAndRegister(candidate, loaded, services) is { } plugin)
            {
                loaded.Add(plugin);
            }
        }

        if (strict && _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            foreach (var plugin in loaded)
            {
                plugin.Handle?.Dispose();
            }

            throw new PluginCompositionException(_diagnostics);
        }

        return new PluginComposition(loaded, _diagnostics.ToArray(), strict);
    }

    private IEnumerable<PluginCandidate> Discover(string directory)
    {
        if (!Directory.Exists(directory))
        {
            Report(PluginDiagnosticCodes.DirectoryMissing, null, directory, $"The plugins directory '{directory}' does not exist.");
            yield break;
        }

        foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (Inspect(folder) is { } candidate)
            {
                yield return candidate;
            }
        }
    }

    private PluginCandidate? Inspect(string folder)
    {
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            Report(PluginDiagnosticCodes.ManifestMissing, null, folder, $"The folder has no {PluginManifest.FileName}; every plugin folder needs one.");
            return null;
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Parse(File.ReadAllText(manifestPath), manifestPath);
        }
        catch (Exception exception) when (exception is PluginManifestException or IOException or UnauthorizedAccessException)
        {
            Report(PluginDiagnosticCodes.ManifestInvalid, null, folder, exception.Message);
            return null;
        }

        if (manifest.Assembly is null)
        {
            Report(PluginDiagnosticCodes.ManifestInvalid, manifest.Id, folder, $"{manifestPath}: field 'assembly' is required for a plugin folder.");
            return null;
        }

        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            Report(PluginDiagnosticCodes.AssemblyMissing, manifest.Id, folder, $"The entry assembly '{manifest.Assembly}' named by the manifest is not in the folder.");
            return null;
        }

        if (!File.Exists(Path.ChangeExtension(assemblyPath, ".deps.json")))
        {
            Report(PluginDiagnosticCodes.AssemblyMissing, manifest.Id, folder, $"'{Path.GetFileNameWithoutExtension(assemblyPath)}.deps.json' is missing: build or publish the plugin with its dependency manifest.");
            return null;
        }

        var healthy = CheckBinary(manifest, folder, assemblyPath);
        healthy &= CheckContractCopies(manifest, folder);
        healthy &= CheckSdkRange(manifest, folder);
        return healthy ? new PluginCandidate(manifest, folder, assemblyPath, null) : null;
    }

    private bool CheckBinary(PluginManifest manifest, string folder, string assemblyPath)
    {
        AssemblyFacts facts;
        try
        {
            facts = AssemblyFacts.Read(assemblyPath);
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or IOException)
        {
            Report(PluginDiagnosticCodes.LoadFailed, manifest.Id, folder, $"'{manifest.Assembly}' is not a readable .NET assembly: {exception.Message}");
            return false;
        }

        var healthy = true;
        var framework = AssemblyFacts.ParseFramework(facts.TargetFramework);
        var runtime = new Version(EntSdkInfo.RuntimeVersion.Major, EntSdkInfo.RuntimeVersion.Minor);
        if (framework is not { Identifier: ".NETCoreApp" } || framework.Value.Version > runtime)
        {
            Report(PluginDiagnosticCodes.TargetFrameworkUnsupported, manifest.Id, folder,
                $"'{manifest.Assembly}' targets '{facts.TargetFramework ?? "an unknown framework"}'; this host runs .NET {runtime} and loads plugins built for .NET (net8.0 or later) up to net{runtime}.");
            healthy = false;
        }

        foreach (var contract in _shared.Where(a => a.GetName().Name is "Ent.Sdk" or "Ent.Core"))
        {
            var hostVersion = contract.GetName().Version!;
            var reference = facts.References.FirstOrDefault(r => r.Name == contract.GetName().Name);
            if (reference?.Version is { } built && (built.Major != hostVersion.Major || built > hostVersion))
            {
                Report(PluginDiagnosticCodes.SdkReferenceTooNew, manifest.Id, folder,
                    $"'{manifest.Assembly}' was built against {reference.Name} {built.ToString(2)}, but this host provides {hostVersion.ToString(2)}: rebuild the plugin against {hostVersion.ToString(2)} or upgrade the host.");
                healthy = false;
            }
        }

        return healthy;
    }

    private bool CheckContractCopies(PluginManifest manifest, string folder)
    {
        var copies = ContractAssemblies.EntFileNames.Where(name => File.Exists(Path.Combine(folder, name))).ToArray();
        if (copies.Length == 0)
        {
            return true;
        }

        Report(PluginDiagnosticCodes.ContractAssemblyShipped, manifest.Id, folder,
            $"The folder ships its own {string.Join(" and ", copies)}; the host provides these. Reference Ent.Sdk with ExcludeAssets=\"runtime\" (the Ent.Sdk package does this for projects with EnableDynamicLoading) and remove the copies.");
        return false;
    }

    private bool CheckSdkRange(PluginManifest manifest, string? folder)
    {
        if (manifest.SdkVersions.Includes(EntSdkInfo.Version))
        {
            return true;
        }

        Report(PluginDiagnosticCodes.SdkVersionUnsupported, manifest.Id, folder,
            $"The plugin supports Ent.Sdk {manifest.SdkVersions}, and this host runs Ent.Sdk {EntSdkInfo.Version}.");
        return false;
    }

    private List<PluginCandidate> RemoveDuplicates(List<PluginCandidate> candidates)
    {
        var valid = new List<PluginCandidate>();
        foreach (var group in candidates.GroupBy(c => c.Manifest.Id, StringComparer.Ordinal))
        {
            if (group.Count() == 1)
            {
                valid.Add(group.Single());
                continue;
            }

            var places = string.Join(", ", group.Select(c => c.Folder ?? "in-process"));
            foreach (var duplicate in group)
            {
                Report(PluginDiagnosticCodes.DuplicateId, duplicate.Manifest.Id, duplicate.Folder, $"Several plugins have the id '{duplicate.Manifest.Id}' ({places}); none of them is loaded.");
            }
        }

        return valid;
    }

    private LoadedPlugin? LoadAndRegister(PluginCandidate candidate, List<LoadedPlugin> loaded, IServiceCollection services)
    {
        var manifest = candidate.Manifest;
        var failedDependency = manifest.Dependencies.FirstOrDefault(d => !d.Optional && loaded.All(p => p.Id != d.Id));
        if (failedDependency is not null)
        {
            Report(PluginDiagnosticCodes.DependencyFailed, manifest.Id, candidate.Folder, $"It requires '{failedDependency.Id}', which failed to load; see that plugin's diagnostic.");
            return null;
        }

        IPluginAssemblyHandle? handle = null;
        EntPlugin plugin;
        if (candidate.InProcess is { } inProcess)
        {
            plugin = inProcess;
        }
        else
        {
            try
            {
                handle = _loader.Load(candidate.AssemblyPath!, _shared);
            }
            catch (Exception exception)
            {
                Report(PluginDiagnosticCodes.LoadFailed, manifest.Id, candidate.Folder, $"'{manifest.Assembly}' could not be loaded: {exception.GetType().Name}: {exception.Message}");
                return null;
            }

            if (CreateEntryPoint(candidate, handle) is not { } created)
            {
                handle.Dispose();
                return null;
            }

            plugin = created;
        }

        var staging = new ServiceCollection();
        var present = loaded.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        try
        {
            using (handle?.EnterContextualReflection())
            {
                plugin.ConfigureServices(new PluginServiceContext(manifest, candidate.Folder, staging, present));
            }
        }
        catch (Exception exception)
        {
            Report(PluginDiagnosticCodes.RegistrationFailed, manifest.Id, candidate.Folder, $"ConfigureServices threw {exception.GetType().Name}: {exception.Message}. Nothing it registered was kept.");
            handle?.Dispose();
            return null;
        }

        foreach (var descriptor in staging)
        {
            services.Add(descriptor);
        }

        return new LoadedPlugin(manifest, candidate.Folder, plugin, handle);
    }

    private EntPlugin? CreateEntryPoint(PluginCandidate candidate, IPluginAssemblyHandle handle)
    {
        var manifest = candidate.Manifest;
        foreach (var reference in handle.Assembly.GetReferencedAssemblies())
        {
            var shared = _shared.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(reference, a.GetName()));
            if (shared is null)
            {
                continue;
            }

            Assembly resolved;
            try
            {
                resolved = handle.LoadContext.LoadFromAssemblyName(reference);
            }
            catch (Exception exception) when (exception is FileNotFoundException or FileLoadException)
            {
                Report(PluginDiagnosticCodes.ContractAssemblyMismatch, manifest.Id, candidate.Folder, $"It references {reference.FullName}, which the host cannot provide: {exception.Message}");
                return null;
            }

            if (!ReferenceEquals(resolved, shared))
            {
                Report(PluginDiagnosticCodes.ContractAssemblyMismatch, manifest.Id, candidate.Folder,
                    $"It sees its own copy of {reference.Name} ({resolved.Location}) instead of the host's; its types would not match the host's.");
                return null;
            }
        }

        Type[] entryTypes;
        try
        {
            entryTypes = handle.Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(EntPlugin).IsAssignableFrom(t)).ToArray();
        }
        catch (Exception exception) when (exception is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            Report(PluginDiagnosticCodes.LoadFailed, manifest.Id, candidate.Folder, $"Its types could not be loaded: {exception.Message}");
            return null;
        }

        if (entryTypes.Length != 1)
        {
            Report(PluginDiagnosticCodes.EntryTypeInvalid, manifest.Id, candidate.Folder, entryTypes.Length == 0
                ? $"'{manifest.Assembly}' has no public, non-abstract class deriving from {nameof(EntPlugin)}."
                : $"'{manifest.Assembly}' has {entryTypes.Length} classes deriving from {nameof(EntPlugin)} ({string.Join(", ", entryTypes.Select(t => t.FullName))}); it must have exactly one.");
            return null;
        }

        try
        {
            using (handle.EnterContextualReflection())
            {
                return (EntPlugin)Activator.CreateInstance(entryTypes[0])!;
            }
        }
        catch (Exception exception)
        {
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            Report(PluginDiagnosticCodes.LoadFailed, manifest.Id, candidate.Folder, $"Creating {entryTypes[0].FullName} threw {cause.GetType().Name}: {cause.Message}");
            return null;
        }
    }

    private void Report(string code, string? pluginId, string? folder, string message) =>
        _diagnostics.Add(new PluginDiagnostic(code, DiagnosticSeverity.Error, pluginId, folder, message));
}
