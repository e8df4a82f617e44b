using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Loader;
using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Strategies;
using Ent.Sdk.Demo;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Plugins;
using Ent.Sdk.Views;
using Ent.Storage.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Composition;

/// <summary>
/// Which services a plugin may register. The host's own services (access control, the policy, the directory, the
/// event publisher and log, time, storage, views, logging: every type of Ent's contract assemblies and of the
/// framework) are the core's alone; a plugin adds to the contribution points (activity kinds, strategies, event
/// handlers, its own capability grants, demo contributors, views, record schemas, types marked
/// <see cref="ExtensionPointAttribute"/>), supplies the contracts meant for one plugin (<see cref="IAbsenceSummary"/>),
/// and registers its own types, which no other plugin may register. Checked on the plugin's staged registrations,
/// before any of them reaches the host.
/// </summary>
internal sealed class PluginServiceRules
{
    /// <summary>Types any plugin may add to; the host resolves them all.</summary>
    private static readonly FrozenSet<Type> ContributionPoints = new[]
    {
        typeof(ActivityKind), typeof(IPedagogicalStrategy), typeof(CapabilityGrant), typeof(IDemoContributor), typeof(ViewPackage), typeof(RecordSchema), typeof(Ent.Storage.Documents.DocumentType),
        typeof(Pages.PageRegistration), typeof(Scheduling.RecurringTaskSchedule),
    }.ToFrozenSet();

    /// <summary>Contracts of Ent.Core that the core does not implement and one plugin supplies.</summary>
    private static readonly FrozenSet<Type> SuppliedContracts = new[] { typeof(IAbsenceSummary) }.ToFrozenSet();

    /// <summary>Options plumbing that every registration adds to (configure, validate, change tokens): never owned by one plugin.</summary>
    private static readonly FrozenSet<Type> AdditiveOptionsPlumbing = new[]
    {
        typeof(IConfigureOptions<>), typeof(IConfigureNamedOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>), typeof(IOptionsChangeTokenSource<>),
    }.ToFrozenSet();

    /// <summary>What the host registers itself for framework plumbing (AddOptions, AddLogging, ValidateOnStart): a plugin's identical copy is dropped.</summary>
    private static readonly Lazy<ILookup<Type, Type?>> HostPlumbing = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<HostPlumbingProbe>().ValidateOnStart();
        return services.ToLookup(d => d.ServiceType, d => d.ImplementationType);
    });

    private readonly Dictionary<Type, string> _owners = [];
    private readonly Dictionary<Type, string> _documents = [];
    private readonly Dictionary<string, string> _tables = new[] { Ent.Storage.Core.CoreSchemas.Directory, Ent.Storage.Core.CoreSchemas.Courses, Ent.Storage.Core.CoreSchemas.Progress }
        .SelectMany(schema => schema.Tables.Select(t => (t.PhysicalName, Owner: $"the core's {schema.Component}")))
        .ToDictionary(t => t.PhysicalName, t => t.Owner, StringComparer.Ordinal);
    private readonly HashSet<ServiceDescriptor> _accepted = new(DescriptorComparer.Instance);

    /// <summary>The contracts assemblies plugins publish, and their publishers: a contract type belongs to its publisher.</summary>
    public IReadOnlyDictionary<Assembly, string> ContractOwners { get; set; } = new Dictionary<Assembly, string>();

    /// <summary>Checks a plugin's staged registrations. Returns the descriptors to merge, or the diagnostics that refuse the plugin.</summary>
    public (IReadOnlyList<ServiceDescriptor> Accepted, IReadOnlyList<(string Code, string Message)> Problems) Check(
        PluginManifest manifest, Assembly pluginAssembly, IEnumerable<LoadedPlugin> loaded, IServiceCollection staged)
    {
        var accepted = new List<ServiceDescriptor>();
        var problems = new List<(string, string)>();
        var others = loaded.Where(p => p.LoadContext is not null).ToArray();
        foreach (var descriptor in staged)
        {
            var type = descriptor.ServiceType;
            if (_accepted.Contains(descriptor) || IsHostPlumbingCopy(descriptor))
            {
                continue; // the very same registration again (a shared instance, AddOptions twice): harmless, kept once
            }

            if (type == typeof(CapabilityGrant) && CapabilityProblem(manifest, descriptor) is { } capabilityProblem)
            {
                problems.Add((PluginDiagnosticCodes.CapabilityNotOwned, capabilityProblem));
                continue;
            }

            if (type == typeof(Pages.PageRegistration) && PageProblem(manifest, pluginAssembly, descriptor) is { } pageProblem)
            {
                problems.Add((PluginDiagnosticCodes.ServiceReserved, pageProblem));
                continue;
            }

            if (type == typeof(RecordSchema) && RecordSchemaProblem(manifest, descriptor) is { } schemaProblem)
            {
                problems.Add((PluginDiagnosticCodes.RecordSchemaNotOwned, schemaProblem));
                continue;
            }

            if (type == typeof(Ent.Storage.Documents.DocumentType) && DocumentProblem(manifest, descriptor) is { } documentProblem)
            {
                problems.Add((PluginDiagnosticCodes.DocumentDeclaredTwice, documentProblem));
                continue;
            }

            if (descriptor.ImplementationInstance is ViewPackage { Host: true } hostViews)
            {
                problems.Add((PluginDiagnosticCodes.ServiceReserved,
                    $"It registers the templates of area '{hostViews.Area}' as the host's own (AddEntHostViews), which only the host does: a plugin's templates (context.AddViews) are always sanitised."));
                continue;
            }

            if (IsContributionPoint(type))
            {
                accepted.Add(descriptor);
                continue;
            }

            if (IsReserved(type, pluginAssembly))
            {
                problems.Add((PluginDiagnosticCodes.ServiceReserved,
                    $"It registers {Describe(type)}, which only the core registers; a plugin may not replace the host's services (access control, policy, directory, events, time, storage, views)."));
                continue;
            }

            if (IsAdditivePlumbing(type))
            {
                accepted.Add(descriptor);
                continue;
            }

            var definer = others.FirstOrDefault(p => p.Id != manifest.Id && p.LoadContext == AssemblyLoadContext.GetLoadContext(type.Assembly))?.Id
                ?? (ContractOwners.TryGetValue(type.Assembly, out var publisher) && publisher != manifest.Id ? publisher : null);
            var owner = definer ?? (_owners.TryGetValue(type, out var first) && first != manifest.Id ? first : null);
            if (owner is not null)
            {
                problems.Add((PluginDiagnosticCodes.ServiceOwnedByAnotherPlugin,
                    $"It registers {Describe(type)}, which plugin '{owner}' owns; only types marked [ExtensionPoint] take implementations from several plugins."));
                continue;
            }

            accepted.Add(descriptor);
        }

        if (problems.Count == 0)
        {
            foreach (var descriptor in accepted)
            {
                if (descriptor.ImplementationInstance is Ent.Storage.Documents.DocumentType documents)
                {
                    _documents.TryAdd(documents.ClrType, manifest.Id);
                }

                if (descriptor.ImplementationInstance is RecordSchema schema)
                {
                    foreach (var table in schema.Tables)
                    {
                        _tables.TryAdd(table.PhysicalName, $"plugin '{manifest.Id}'");
                    }
                }

                _accepted.Add(descriptor);
                if (!IsContributionPoint(descriptor.ServiceType) && !IsAdditivePlumbing(descriptor.ServiceType))
                {
                    _owners.TryAdd(descriptor.ServiceType, manifest.Id);
                }
            }
        }

        return (accepted, problems);
    }

    private static bool IsContributionPoint(Type type) =>
        ContributionPoints.Contains(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
        || type.IsDefined(typeof(ExtensionPointAttribute), inherit: false);

    private static bool IsAdditivePlumbing(Type type) => type.IsGenericType && AdditiveOptionsPlumbing.Contains(type.GetGenericTypeDefinition());

    /// <summary>A host type: one of Ent's contract assemblies or the framework's, seen through the default load context.</summary>
    private static bool IsHostType(Type type)
    {
        if (AssemblyLoadContext.GetLoadContext(type.Assembly) != AssemblyLoadContext.Default)
        {
            return false; // a plugin's own assembly or private dependency
        }

        var name = type.Assembly.GetName().Name ?? string.Empty;
        return ContractAssemblies.All.Contains(type.Assembly)
            || name is "Ent.Storage.Sqlite" or "Ent.Storage.PostgreSql"
            || name is "System" or "mscorlib" or "netstandard"
            || name.StartsWith("System.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal);
    }

    private static bool IsReserved(Type type, Assembly pluginAssembly)
    {
        if (SuppliedContracts.Contains(type))
        {
            return false;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition && IsHostType(type))
        {
            // IOptions<TheirOptions>, IValidateOptions<TheirOptions>, ILogger<TheirService>: owned through the plugin's own argument.
            var plumbing = type.GetGenericTypeDefinition().Namespace?.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) == true;
            return !(plumbing && type.GetGenericArguments().All(a => IsPluginType(a, pluginAssembly) || a.FullName == StartupValidatorOptions));
        }

        return type.Assembly != pluginAssembly && IsHostType(type);
    }

    /// <summary>The plugin's own type: its assembly's, or of any assembly that is not the host's (its load context's, a test's).</summary>
    private static bool IsPluginType(Type type, Assembly pluginAssembly) => type.Assembly == pluginAssembly || !IsHostType(type);

    /// <summary>ValidateOnStart's own options (internal to Microsoft.Extensions.Options): how a plugin's options are validated at start.</summary>
    private const string StartupValidatorOptions = "Microsoft.Extensions.Options.StartupValidatorOptions";

    private static bool IsHostPlumbingCopy(ServiceDescriptor descriptor) =>
        descriptor is { IsKeyedService: false, ImplementationType: { } implementation }
        && IsHostType(descriptor.ServiceType)
        && HostPlumbing.Value[descriptor.ServiceType].Contains(implementation);

    private static string? CapabilityProblem(PluginManifest manifest, ServiceDescriptor descriptor)
    {
        if (descriptor is not { IsKeyedService: false, ImplementationInstance: CapabilityGrant grant })
        {
            return "It registers a CapabilityGrant other than as an instance (use context.GrantCapability), so its capability cannot be checked.";
        }

        return grant.Capability.Name.StartsWith(manifest.Id + ".", StringComparison.Ordinal)
            ? null
            : $"It grants '{grant.Capability}' to {grant.Role}, which is not one of its own capabilities: a plugin grants only capabilities named after its id ('{manifest.Id}.…').";
    }

    /// <summary>A plugin's page is its own: registered with context.AddPage, under its id, of one of its types.</summary>
    private static string? PageProblem(PluginManifest manifest, Assembly pluginAssembly, ServiceDescriptor descriptor) =>
        descriptor is not { IsKeyedService: false, ImplementationInstance: Pages.PageRegistration page }
            ? "It registers a PageRegistration other than as an instance (use context.AddPage), so its page cannot be checked."
            : page.PluginId != manifest.Id || !IsPluginType(page.PageType, pluginAssembly)
                ? $"It registers the page '{page.Route}' as {(page.PluginId is null ? "the host's" : $"'{page.PluginId}''s")} or with a type that is not its own: a plugin contributes its own pages, with context.AddPage."
                : null;

    /// <summary>A plugin's record schema is named after its id, and its tables take no stored name another component has.</summary>
    private string? RecordSchemaProblem(PluginManifest manifest, ServiceDescriptor descriptor)
    {
        if (descriptor is not { IsKeyedService: false, ImplementationInstance: RecordSchema schema })
        {
            return "It registers a RecordSchema other than as an instance (use services.AddRecordSchema(schema)), so its name cannot be checked.";
        }

        if (schema.Component != manifest.Id && !schema.Component.StartsWith(manifest.Id + ".", StringComparison.Ordinal))
        {
            return $"It declares the record schema '{schema.Component}', which is not named after its id: a plugin's records are stored under '{manifest.Id}' (or '{manifest.Id}.…').";
        }

        foreach (var table in schema.Tables)
        {
            if (_tables.TryGetValue(table.PhysicalName, out var owner))
            {
                return $"Its record table '{table.Name}' of '{schema.Component}' would be stored as '{table.PhysicalName}', which {owner} already uses.";
            }
        }

        return null;
    }

    /// <summary>A plugin's documents are its own, of a type no other plugin keeps as documents, each name once.</summary>
    private string? DocumentProblem(PluginManifest manifest, ServiceDescriptor descriptor)
    {
        if (descriptor is not { IsKeyedService: false, ImplementationInstance: Ent.Storage.Documents.DocumentType documents })
        {
            return "It registers a DocumentType other than as an instance (use context.AddDocuments<T>(…)), so its owner cannot be checked.";
        }

        if (documents.Owner != manifest.Id)
        {
            return $"It declares the documents '{documents}', owned by '{documents.Owner}': a plugin declares its own documents, with context.AddDocuments<T>(…).";
        }

        if (_documents.TryGetValue(documents.ClrType, out var other) && other != manifest.Id)
        {
            return $"It declares documents of {documents.ClrType.FullName} ('{documents.Name}'), which plugin '{other}' already declares: plugins '{other}' and '{manifest.Id}' cannot both keep that type as documents; each declares its own type.";
        }

        return null;
    }

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}> ({type.Namespace})"
        : type.FullName ?? type.Name;

    /// <summary>The options type used to list what the host itself registers for options plumbing.</summary>
    private sealed class HostPlumbingProbe;

    /// <summary>Two registrations are the same when they register the same thing the same way.</summary>
    private sealed class DescriptorComparer : IEqualityComparer<ServiceDescriptor>
    {
        public static DescriptorComparer Instance { get; } = new();

        public bool Equals(ServiceDescriptor? x, ServiceDescriptor? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null
                && x.ServiceType == y.ServiceType && x.Lifetime == y.Lifetime && !x.IsKeyedService && !y.IsKeyedService
                && ((x.ImplementationType is not null && x.ImplementationType == y.ImplementationType)
                    || (x.ImplementationInstance is not null && ReferenceEquals(x.ImplementationInstance, y.ImplementationInstance))));

        public int GetHashCode(ServiceDescriptor obj) => HashCode.Combine(obj.ServiceType, obj.Lifetime);
    }
}
