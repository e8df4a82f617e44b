using System.Reflection;

namespace Ent.Packaging.Tests;

/// <summary>
/// Packs Ent.Core, Ent.Storage and Ent.Sdk once into a local folder feed, and lays out a consumer workspace outside
/// the repository: a nuget.config that adds the feed (keeping the default source), and a packages folder
/// of its own so that nothing is taken from, or left in, the machine's global package cache.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        var metadata = typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        RepoRoot = metadata["EntRepoRoot"];
        Version = metadata["EntVersion"];
        Root = Directory.CreateTempSubdirectory("ent-consumer-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        foreach (var project in new[] { "src/Ent.Core/Ent.Core.csproj", "src/Ent.Storage/Ent.Storage.csproj", "src/Ent.Sdk/Ent.Sdk.csproj" })
        {
            DotNet.Run(RepoRoot, "pack", project, "-c", "Release", "-o", Feed);
        }

        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ent-local" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <add key="machine" value="{globalPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <EntVersion>{Version}</EntVersion>
              </PropertyGroup>
            </Project>
            """);
        CopyDirectory(Path.Combine(RepoRoot, "tests", "Ent.Packaging.Tests", "consumers"), Root);
    }

    public string RepoRoot { get; }

    public string Version { get; }

    public string Root { get; }

    public string Feed { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
