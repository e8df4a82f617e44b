using System.Reflection;
using Ent.Core.Access;
using Ent.Sdk.Plugins;
using Ent.Storage.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ent.Sdk.Composition;

/// <summary>The assemblies shared between the host and every plugin: Ent's contracts and the Microsoft.Extensions abstractions they expose.</summary>
internal static class ContractAssemblies
{
    public static IReadOnlyCollection<Assembly> All { get; } =
    [
        typeof(Actor).Assembly,
        typeof(EntPlugin).Assembly,
        typeof(RecordSchema).Assembly,
        typeof(IServiceCollection).Assembly,
        typeof(ILogger).Assembly,
        typeof(IOptions<>).Assembly,
        typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly,
        typeof(StringValues).Assembly,
    ];

    /// <summary>The Ent contract files a plugin folder must not ship.</summary>
    public static IReadOnlyList<string> EntFileNames { get; } = ["Ent.Core.dll", "Ent.Sdk.dll", "Ent.Storage.dll"];
}
