using System.IO.Compression;

namespace Ent.Packaging.Tests;

[Collection(PackedFeedCollection.Name)]
public sealed class PackageConsumerTests(PackedFeed feed)
{
    [Theory]
    [InlineData("Ent.Core")]
    [InlineData("Ent.Storage")]
    [InlineData("Ent.Sdk.Abstractions")]
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
    public void The_abstractions_package_carries_the_plugin_build_targets_and_no_host_dependency()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Ent.Sdk.Abstractions.{feed.Version}.nupkg"));
        using var nuspec = new StreamReader(package.GetEntry("Ent.Sdk.Abstractions.nuspec")!.Open());
        var dependencies = DependenciesOf(nuspec.ReadToEnd());

        Assert.Contains(package.Entries, e => e.FullName == "buildTransitive/Ent.Sdk.Abstractions.targets");
        Assert.Equal(
            ["Ent.Core", "Ent.Storage", "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Semver"],
            dependencies);
    }

    [Fact]
    public void The_host_package_depends_on_the_abstractions_and_brings_the_implementations()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Ent.Sdk.{feed.Version}.nupkg"));
        using var nuspec = new StreamReader(package.GetEntry("Ent.Sdk.nuspec")!.Open());
        var dependencies = DependenciesOf(nuspec.ReadToEnd());

        Assert.Contains("Ent.Sdk.Abstractions", dependencies);
        Assert.Contains("Scriban.Signed", dependencies);
        Assert.Contains("McMaster.NETCore.Plugins", dependencies);
    }

    private static string[] DependenciesOf(string nuspec) =>
        [.. System.Text.RegularExpressions.Regex.Matches(nuspec, "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void The_readmes_pack_commands_produce_every_package_of_the_shipped_libraries()
    {
        var shipped = Directory.GetDirectories(Path.Combine(feed.RepoRoot, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(shipped, PackedFeed.ReadmePackedProjects(feed.RepoRoot).Select(p => p[4..]).Order(StringComparer.Ordinal));
        Assert.All(shipped, id => Assert.True(File.Exists(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg")), $"{id} was not packed."));
    }

    [Fact]
    public void A_published_plugin_folder_holds_the_plugins_own_files_and_dependencies_only_and_the_host_loads_it()
    {
        var (pluginFolder, output) = MakePluginFolderAndRunTheHost("publish", "published-plugins");

        Assert.Equal(VendorFolder, FilesIn(pluginFolder));
        Assert.Contains("plugin acme.hello 1.0.0 Started", output, StringComparison.Ordinal);
        Assert.Contains("strategy acme.hello: Bonjour depuis un paquet", output, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnostic", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_and_a_host_built_from_the_packages_alone_load_and_run_together()
    {
        var (pluginFolder, output) = MakePluginFolderAndRunTheHost("build", "plugins");

        Assert.Equal(VendorFolder, FilesIn(pluginFolder));
        Assert.Contains("plugin acme.hello 1.0.0 Started", output, StringComparison.Ordinal);
        Assert.Contains("strategy acme.hello: Bonjour depuis un paquet", output, StringComparison.Ordinal); // through the plugin's own Json.NET
        Assert.Contains("view fr: <p class=\"welcome\">Bienvenue, Zoé &lt;3 !</p>", output, StringComparison.Ordinal); // Views/ and Strings/ embedded by the package's targets
        Assert.Contains("view en: <p class=\"welcome\">Welcome, Zoé &lt;3!</p>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnostic", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A vendor folder, exactly: the plugin's own files and its own third-party dependency (Json.NET). Nothing the host
    /// provides: no Ent assembly, no Microsoft.Extensions abstraction, no Semver, and none of the host's implementations
    /// (Markdig, Scriban, HtmlSanitizer, McMaster, Microsoft.Extensions.DependencyInjection…).
    /// </summary>
    private static readonly string[] VendorFolder =
        ["Acme.Hello.deps.json", "Acme.Hello.dll", "Acme.Hello.pdb", "Acme.Hello.runtimeconfig.json", "Newtonsoft.Json.dll", "plugin.json"];

    private static string[] FilesIn(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    /// <summary>Builds or publishes the vendor's plugin into a plugins directory of the consumer workspace and runs the host on it.</summary>
    private (string PluginFolder, string Output) MakePluginFolderAndRunTheHost(string verb, string directory)
    {
        var plugins = Path.Combine(feed.Root, directory);
        var pluginFolder = Path.Combine(plugins, "acme.hello");
        DotNet.Run(feed.Root, verb, "Acme.Hello/Acme.Hello.csproj", "-c", "Release", "-o", pluginFolder);
        return (pluginFolder, DotNet.Run(feed.Root, "run", "--project", "Acme.Host/Acme.Host.csproj", "-c", "Release", "--", plugins));
    }
}
