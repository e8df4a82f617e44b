using System.Reflection;
using Ent.Core.Access;
using Ent.Sdk.Plugins;
using Ent.Storage.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ent.Sdk.Composition;

/// <summary>
/// The assemblies shared between the host and every plugin: what plugins compile against (Ent.Core, Ent.Storage,
/// Ent.Sdk.Abstractions and the Microsoft.Extensions abstractions they expose) and the host's Ent.Sdk, for plugins
/// that reference it (tests, in-process plugins of an application).
/// </summary>
internal static class ContractAssemblies
{
    public static IReadOnlyCollection<Assembly> All { get; } =
    [
        typeof(Actor).Assembly,
        typeof(EntPlugin).Assembly,
        typeof(ContractAssemblies).Assembly,
        typeof(RecordSchema).Assembly,
        typeof(IServiceCollection).Assembly,
        typeof(ILogger).Assembly,
        typeof(IOptions<>).Assembly,
        typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly,
        typeof(StringValues).Assembly,
    ];

    /// <summary>The Ent contract files a plugin folder must not ship.</summary>
    public static IReadOnlyList<string> EntFileNames { get; } = ["Ent.Core.dll", "Ent.Storage.dll", "Ent.Sdk.Abstractions.dll", "Ent.Sdk.dll"];
}
