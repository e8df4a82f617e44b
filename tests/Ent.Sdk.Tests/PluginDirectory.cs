using System.Reflection;

namespace Ent.Sdk.Tests;

/// <summary>A temporary plugins directory holding copies of the fixture plugin folders that the solution built.</summary>
internal sealed class PluginDirectory : IDisposable
{
    private PluginDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ent-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static string FixturesRoot { get; } = typeof(PluginDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EntTestPlugins").Value!;

    public static PluginDirectory With(params string[] fixtures)
    {
        var directory = new PluginDirectory();
        foreach (var fixture in fixtures)
        {
            directory.Add(fixture);
        }

        return directory;
    }

    /// <summary>Copies a fixture folder in, optionally under another name and with its manifest rewritten.</summary>
    public string Add(string fixture, string? folderName = null, Func<string, string>? rewriteManifest = null)
    {
        var source = System.IO.Path.Combine(FixturesRoot, fixture);
        if (!Directory.Exists(source))
        {
            throw new InvalidOperationException($"Fixture plugin folder {source} is missing: build the solution first.");
        }

        var target = System.IO.Path.Combine(Path, folderName ?? fixture);
        Copy(source, target);
        if (rewriteManifest is not null)
        {
            var manifest = System.IO.Path.Combine(target, "plugin.json");
            File.WriteAllText(manifest, rewriteManifest(File.ReadAllText(manifest)));
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A loaded native library may still hold a file; the temporary folder is left to the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            Copy(directory, System.IO.Path.Combine(target, System.IO.Path.GetFileName(directory)));
        }
    }
}
