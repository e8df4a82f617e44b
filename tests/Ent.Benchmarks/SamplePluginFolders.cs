using System.Reflection;

namespace Ent.Benchmarks;

/// <summary>Copies of the sample plugin's folder, each with an id of its own, in a temporary plugins directory.</summary>
internal static class SamplePluginFolders
{
    private const string SampleFolder = "Ent.Samples.PrepareFirst";

    public static string Source { get; } = Path.Combine(
        typeof(SamplePluginFolders).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "EntPlugins").Value!,
        SampleFolder);

    public static string Create(int count)
    {
        var root = Directory.CreateTempSubdirectory("ent-bench-").FullName;
        for (var i = 1; i <= count; i++)
        {
            var target = Directory.CreateDirectory(Path.Combine(root, $"plugin-{i:00}")).FullName;
            foreach (var file in Directory.GetFiles(Source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            var manifest = Path.Combine(target, "plugin.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"sample.prepare-first\"", $"\"sample.prepare-first-{i:00}\"", StringComparison.Ordinal));
        }

        return root;
    }
}
