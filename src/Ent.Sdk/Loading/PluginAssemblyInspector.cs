using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Versioning;

namespace Ent.Sdk.Loading;

/// <summary>What an assembly's metadata says, read without loading it.</summary>
/// <param name="Name">The assembly's own name and version.</param>
/// <param name="TargetFramework">The <see cref="TargetFrameworkAttribute"/> value, e.g. <c>.NETCoreApp,Version=v10.0</c>; null when absent.</param>
/// <param name="References">The assemblies it references, with the versions it was built against.</param>
internal sealed record AssemblyFacts(AssemblyName Name, string? TargetFramework, IReadOnlyList<AssemblyName> References)
{
    /// <summary>Reads an assembly's facts from its metadata.</summary>
    public static AssemblyFacts Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToArray();
        string? framework = null;
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Name) == nameof(TargetFrameworkAttribute) && reader.GetString(type.Namespace) == typeof(TargetFrameworkAttribute).Namespace)
            {
                var blob = reader.GetBlobReader(attribute.Value);
                if (blob.ReadUInt16() == 1)
                {
                    framework = blob.ReadSerializedString();
                }
            }
        }

        return new AssemblyFacts(definition.GetAssemblyName(), framework, references);
    }

    /// <summary>Parses a target framework moniker's identifier and version.</summary>
    public static (string Identifier, Version Version)? ParseFramework(string? moniker)
    {
        if (string.IsNullOrEmpty(moniker))
        {
            return null;
        }

        var parts = moniker.Split(',');
        var versionPart = parts.Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("Version=v", StringComparison.Ordinal));
        return versionPart is not null && Version.TryParse(versionPart["Version=v".Length..], out var version)
            ? (parts[0].Trim(), version)
            : null;
    }
}
