using System.Reflection;
using Ent.Sdk.Versioning;

namespace Ent.Sdk;

/// <summary>Facts about this Ent.Sdk.</summary>
public static class EntSdkInfo
{
    /// <summary>The SDK's semantic version; plugin manifests' <c>sdk</c> ranges are checked against it.</summary>
    public static SemanticVersion Version { get; } = SemanticVersion.Parse(
        typeof(EntSdkInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);

    /// <summary>The .NET version the host runs on; plugins built for a later one are refused.</summary>
    public static Version RuntimeVersion { get; } = Environment.Version;
}
