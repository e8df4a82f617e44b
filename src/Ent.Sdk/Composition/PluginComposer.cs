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
    private IReadOnlyCollection<Assembly> _shared;
    private readonly List<PluginDiagnostic> _diagnostics = [];
    private readonly PluginServiceRules _serviceRules = new();
    private readonly bool _unloadable;
    private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;

    public PluginComposer(IPluginAssemblyLoader loader, bool unloadable, Microsoft.Extensions.Configuration.IConfiguration? configuration = null)
    {
        _configuration = configuration ?? new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        _loader = loader;
        _unloadable = unloadable;
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
        var (contracts, ordered) = PluginContracts.Check(new DependencyGraph(valid, _diagnostics).Order(), _diagnostics, _unloadable);
        _shared = [.. ContractAssemblies.All, .. contracts.Owners.Keys];
        _serviceRules.ContractOwners = contracts.Owners;
        // Loading is independent per plugin, so it runs in parallel; registration then runs in dependency order.
        var prepared = new PreparedPlugin[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => prepared[i] = Prepare(ordered[i]));
        var loaded = new List<LoadedPlugin>();
        foreach (var plugin in prepared)
        {
            if (Register(plugin, loaded, services) is { } registered)
            {
                loaded.Add(registered);
            }
        }

        if (strict && _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            foreach (var plugin in loaded)
            {
                plugin.Handle?.Dispose();
            }

            if (contracts.LoadContext is { IsCollectible: true } context)
            {
                context.Unload();
            }

            throw new PluginCompositionException(_diagnostics);
        }

        return new PluginComposition(loaded, _diagnostics.ToArray(), strict, contracts.LoadContext);
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
            manifest = PluginManifest.Load(manifestPath);
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

        AssemblyFacts facts;
        try
        {
            facts = AssemblyFacts.Read(assemblyPath);
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or IOException)
        {
            Report(PluginDiagnosticCodes.LoadFailed, manifest.Id, folder, $"'{manifest.Assembly}' is not a readable .NET assembly: {exception.Message}");
            return null;
        }

        var healthy = CheckBinary(manifest, folder, facts);
        healthy &= CheckContractCopies(manifest, folder);
        healthy &= CheckSdkRange(manifest, folder);
        return healthy ? new PluginCandidate(manifest, folder, assemblyPath, null, facts) : null;
    }

    private bool CheckBinary(PluginManifest manifest, string folder, AssemblyFacts facts)
    {
        var healthy = true;
        var framework = AssemblyFacts.ParseFramework(facts.TargetFramework);
        var runtime = new Version(EntSdkInfo.RuntimeVersion.Major, EntSdkInfo.RuntimeVersion.Minor);
        if (framework is not { Identifier: ".NETCoreApp" } || framework.Value.Version > runtime)
        {
            Report(PluginDiagnosticCodes.TargetFrameworkUnsupported, manifest.Id, folder,
                $"'{manifest.Assembly}' targets '{facts.TargetFramework ?? "an unknown framework"}'; this host runs .NET {runtime} and loads plugins built for .NET (net8.0 or later) up to net{runtime}.");
            healthy = false;
        }

        foreach (var contract in _shared.Where(a => a.GetName().Name is "Ent.Sdk.Abstractions" or "Ent.Sdk" or "Ent.Core"))
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
            $"The folder ships its own {string.Join(" and ", copies)}; the host provides these. Reference the Ent.Sdk.Abstractions package (its build targets keep them out of a project with EnableDynamicLoading) and remove the copies.");
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

    /// <summary>Loads a folder plugin's assembly and creates its entry point; touches nothing shared, so it can run in parallel.</summary>
    private PreparedPlugin Prepare(PluginCandidate candidate)
    {
        if (candidate.InProcess is { } inProcess)
        {
            return new PreparedPlugin(candidate, inProcess, null, null);
        }

        var manifest = candidate.Manifest;
        IPluginAssemblyHandle handle;
        try
        {
            handle = _loader.Load(new PluginLoadRequest(candidate.AssemblyPath!, _shared, _unloadable));
        }
        catch (Exception exception)
        {
            return Failed(candidate, PluginDiagnosticCodes.LoadFailed, $"'{manifest.Assembly}' could not be loaded: {exception.GetType().Name}: {exception.Message}");
        }

        var prepared = CreateEntryPoint(candidate, handle);
        if (prepared.Plugin is null)
        {
            handle.Dispose();
        }

        return prepared;
    }

    /// <summary>Lets a loaded plugin register its services, in dependency order; merges them only if it succeeds.</summary>
    private LoadedPlugin? Register(PreparedPlugin prepared, List<LoadedPlugin> loaded, IServiceCollection services)
    {
        var (candidate, plugin, handle, failure) = prepared;
        var manifest = candidate.Manifest;
        if (failure is not null)
        {
            _diagnostics.Add(failure);
            return null;
        }

        var failedDependency = manifest.Dependencies.FirstOrDefault(d => !d.Optional && loaded.All(p => p.Id != d.Id));
        if (failedDependency is not null)
        {
            Report(PluginDiagnosticCodes.DependencyFailed, manifest.Id, candidate.Folder, $"It requires '{failedDependency.Id}', which failed to load; see that plugin's diagnostic.");
            handle?.Dispose();
            return null;
        }

        var staging = new ServiceCollection();
        var present = loaded.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var context = new PluginServiceContext(manifest, candidate.Folder, staging, present, plugin!.GetType().Assembly, _configuration, ConfigurationOptionsBinder.Instance);
        try
        {
            using (handle?.EnterContextualReflection())
            {
                plugin.ConfigureServices(context);
            }
        }
        catch (Exception exception)
        {
            Report(PluginDiagnosticCodes.RegistrationFailed, manifest.Id, candidate.Folder, $"ConfigureServices threw {exception.GetType().Name}: {exception.Message}. Nothing it registered was kept.");
            handle?.Dispose();
            return null;
        }

        var (accepted, problems) = _serviceRules.Check(manifest, plugin.GetType().Assembly, loaded, staging);
        if (problems.Count > 0)
        {
            foreach (var (code, message) in problems)
            {
                Report(code, manifest.Id, candidate.Folder, message + " Nothing it registered was kept.");
            }

            handle?.Dispose();
            return null;
        }

        foreach (var descriptor in accepted)
        {
            services.Add(descriptor);
        }

        var handlers = accepted
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(Ent.Core.Events.IDomainEventHandler<>))
            .Select(d => d.IsKeyedService ? null : d.ImplementationType ?? d.ImplementationInstance?.GetType())
            .OfType<Type>()
            .ToHashSet();
        var published = _serviceRules.ContractOwners.Where(o => o.Value == manifest.Id).Select(o => o.Key).ToArray();
        return new LoadedPlugin(manifest, candidate.Folder, plugin, handle) { Contracts = published, HandlerTypes = handlers, OptionsTypes = [.. context.OptionsTypes], Contributions = PluginContributions.Of(accepted) };
    }

    private PreparedPlugin CreateEntryPoint(PluginCandidate candidate, IPluginAssemblyHandle handle)
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
                return Failed(candidate, PluginDiagnosticCodes.ContractAssemblyMismatch, $"It references {reference.FullName}, which the host cannot provide: {exception.Message}");
            }

            if (!ReferenceEquals(resolved, shared))
            {
                return Failed(candidate, PluginDiagnosticCodes.ContractAssemblyMismatch, $"It sees its own copy of {reference.Name} ({resolved.Location}) instead of the host's; its types would not match the host's.");
            }
        }

        Type[] entryTypes;
        try
        {
            entryTypes = handle.Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(EntPlugin).IsAssignableFrom(t)).ToArray();
        }
        catch (Exception exception) when (exception is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            return Failed(candidate, PluginDiagnosticCodes.LoadFailed, $"Its types could not be loaded: {exception.Message}");
        }

        if (entryTypes.Length != 1)
        {
            return Failed(candidate, PluginDiagnosticCodes.EntryTypeInvalid, entryTypes.Length == 0
                ? $"'{manifest.Assembly}' has no public, non-abstract class deriving from {nameof(EntPlugin)}."
                : $"'{manifest.Assembly}' has {entryTypes.Length} classes deriving from {nameof(EntPlugin)} ({string.Join(", ", entryTypes.Select(t => t.FullName))}); it must have exactly one.");
        }

        try
        {
            using (handle.EnterContextualReflection())
            {
                return new PreparedPlugin(candidate, (EntPlugin)Activator.CreateInstance(entryTypes[0])!, handle, null);
            }
        }
        catch (Exception exception)
        {
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return Failed(candidate, PluginDiagnosticCodes.LoadFailed, $"Creating {entryTypes[0].FullName} threw {cause.GetType().Name}: {cause.Message}");
        }
    }

    private static PreparedPlugin Failed(PluginCandidate candidate, string code, string message) =>
        new(candidate, null, null, new PluginDiagnostic(code, DiagnosticSeverity.Error, candidate.Manifest.Id, candidate.Folder, message));

    private void Report(string code, string? pluginId, string? folder, string message) =>
        _diagnostics.Add(new PluginDiagnostic(code, DiagnosticSeverity.Error, pluginId, folder, message));

    /// <summary>A plugin after loading: its entry point and load context, or why it failed.</summary>
    private sealed record PreparedPlugin(PluginCandidate Candidate, EntPlugin? Plugin, IPluginAssemblyHandle? Handle, PluginDiagnostic? Failure);
}
