using System.Reflection;

namespace Ent.Packaging.Tests;

/// <summary>
/// Packs the projects the README's pack commands name once into a local folder feed, and lays out a consumer workspace outside
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
        // The README's pack commands, as a newcomer runs them (into this feed instead of artifacts/packages).
        foreach (var project in ReadmePackedProjects(RepoRoot))
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

    /// <summary>The projects of the README's <c>dotnet pack src/… -c Release -o artifacts/packages</c> lines, in order.</summary>
    public static IReadOnlyList<string> ReadmePackedProjects(string repoRoot) =>
        [.. File.ReadLines(Path.Combine(repoRoot, "README.md"))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^dotnet pack (src/[A-Za-z.]+) -c Release -o artifacts/packages\b"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)];

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

/// <summary>One packed feed for every test class that needs it: packing twice at once in one repository races on its build outputs.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
