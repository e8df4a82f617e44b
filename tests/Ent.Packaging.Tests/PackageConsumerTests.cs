using System.IO.Compression;

namespace Ent.Packaging.Tests;

[Collection(PackedFeedCollection.Name)]
public sealed class PackageConsumerTests(PackedFeed feed)
{
    [Theory]
    [InlineData("Ent.Core")]
    [InlineData("Ent.Sdk")]
    public void A_package_carries_its_readme_licence_assembly_xml_docs_and_symbols(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.True(File.Exists(Path.Combine(feed.Feed, $"{id}.{feed.Version}.snupkg")), "The symbol package is missing.");
        using var nuspec = new StreamReader(package.GetEntry($"{id}.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sdk_package_carries_the_plugin_build_targets_and_depends_on_the_core_package()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Ent.Sdk.{feed.Version}.nupkg"));
        using var nuspec = new StreamReader(package.GetEntry("Ent.Sdk.nuspec")!.Open());

        Assert.Contains(package.Entries, e => e.FullName == "buildTransitive/Ent.Sdk.targets");
        Assert.Contains($"<dependency id=\"Ent.Core\" version=\"{feed.Version}\"", nuspec.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readmes_pack_commands_produce_every_package_of_the_shipped_libraries()
    {
        var shipped = Directory.GetDirectories(Path.Combine(feed.RepoRoot, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(shipped, PackedFeed.ReadmePackedProjects(feed.RepoRoot).Select(p => p[4..]).Order(StringComparer.Ordinal));
        Assert.All(shipped, id => Assert.True(File.Exists(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg")), $"{id} was not packed."));
    }

    [Fact]
    public void A_published_plugin_folder_ships_no_contract_assembly_and_the_host_loads_it()
    {
        var (pluginFolder, output) = MakePluginFolderAndRunTheHost("publish", "published-plugins");

        Assert.All(new[] { "Ent.Core.dll", "Ent.Sdk.dll", "Ent.Storage.dll" }, file => Assert.False(File.Exists(Path.Combine(pluginFolder, file)), $"dotnet publish copied {file} into the plugin folder."));
        Assert.Contains("plugin acme.hello 1.0.0 Started", output, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnostic", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_and_a_host_built_from_the_packages_alone_load_and_run_together()
    {
        var (pluginFolder, output) = MakePluginFolderAndRunTheHost("build", "plugins");

        Assert.Contains("plugin acme.hello 1.0.0 Started", output, StringComparison.Ordinal);
        Assert.Contains("strategy acme.hello: Bonjour depuis un paquet", output, StringComparison.Ordinal);
        Assert.Contains("view fr: <p class=\"welcome\">Bienvenue, Zoé &lt;3 !</p>", output, StringComparison.Ordinal); // Views/ and Strings/ embedded by the package's targets
        Assert.Contains("view en: <p class=\"welcome\">Welcome, Zoé &lt;3!</p>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnostic", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(pluginFolder, "Ent.Sdk.dll")), "The package's build targets should keep Ent.Sdk.dll out of the plugin folder.");
        Assert.False(File.Exists(Path.Combine(pluginFolder, "Ent.Core.dll")), "The package's build targets should keep Ent.Core.dll out of the plugin folder.");
        Assert.True(File.Exists(Path.Combine(pluginFolder, "Acme.Hello.deps.json")));
    }

    /// <summary>Builds or publishes the vendor's plugin into a plugins directory of the consumer workspace and runs the host on it.</summary>
    private (string PluginFolder, string Output) MakePluginFolderAndRunTheHost(string verb, string directory)
    {
        var plugins = Path.Combine(feed.Root, directory);
        var pluginFolder = Path.Combine(plugins, "acme.hello");
        DotNet.Run(feed.Root, verb, "Acme.Hello/Acme.Hello.csproj", "-c", "Release", "-o", pluginFolder);
        return (pluginFolder, DotNet.Run(feed.Root, "run", "--project", "Acme.Host/Acme.Host.csproj", "-c", "Release", "--", plugins));
    }
}
