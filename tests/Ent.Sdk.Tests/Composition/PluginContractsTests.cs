using System.Runtime.Loader;
using Ent.Core.Strategies;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Composition;

/// <summary>
/// Contracts between plugins, with real folders: fixture.marks publishes Fixture.Marks.Contracts 1.1; consumers were
/// built against 1.1, against 1.0 (a member fewer) and against 2.0 (a changed signature), each shipping its own copy.
/// </summary>
public sealed class PluginContractsTests
{
    private const string ContractsName = "Fixture.Marks.Contracts";

    [Fact]
    public async Task A_consumer_reads_the_providers_results_through_its_published_contracts()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider", "Fixture.MarksConsumer");
        await using var host = FolderPluginLoadingTests.Build(plugins);
        await host.StartAsync();

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.Equal(["fixture.marks", "fixture.marks-report"], host.Runtime.Plugins.Select(p => p.Id));
        Assert.Equal("Moyenne 14.5/20", Report(host, "fixture.marks-report"));
    }

    [Fact]
    public async Task The_contracts_are_loaded_once_and_their_types_are_the_same_in_the_provider_and_the_consumer()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider", "Fixture.MarksConsumer", "Fixture.MarksConsumerOld");
        await using var host = FolderPluginLoadingTests.Build(plugins);

        var provider = host.Runtime.Plugins.Single(p => p.Id == "fixture.marks");
        var contracts = Assert.Single(provider.Contracts);
        Assert.Equal((ContractsName, new Version(1, 1, 0, 0)), (contracts.GetName().Name, contracts.GetName().Version));
        var published = contracts.GetType("Fixture.Marks.Contracts.IMarkBook", throwOnError: true)!;
        Assert.Same(published, provider.Assembly.GetType("Fixture.MarksProvider.MarkBook", throwOnError: true)!.GetInterfaces().Single());
        foreach (var consumer in host.Runtime.Plugins.Where(p => p.Id != "fixture.marks"))
        {
            var seen = consumer.Assembly.GetTypes().Single(t => t.Name == "MarksReportStrategy").GetConstructors().Single().GetParameters().Single().ParameterType;
            Assert.Same(published, seen);
            Assert.Empty(consumer.Contracts);
        }

        var context = AssemblyLoadContext.GetLoadContext(contracts)!;
        Assert.DoesNotContain(host.Runtime.Plugins, p => p.LoadContext == context);
        Assert.Single(context.Assemblies);
    }

    [Fact]
    public async Task A_consumer_built_against_an_older_compatible_version_runs_with_the_providers_newer_contracts()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider", "Fixture.MarksConsumerOld");
        await using var host = FolderPluginLoadingTests.Build(plugins);
        await host.StartAsync();

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.Equal("Moyenne 14.5", Report(host, "fixture.marks-report-old"));
    }

    [Fact]
    public async Task A_consumer_built_against_an_incompatible_version_is_refused_with_both_versions_named_and_the_others_run()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider", "Fixture.MarksConsumerNext", "Fixture.MarksConsumer");
        await using var host = FolderPluginLoadingTests.Build(plugins);
        await host.StartAsync();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ContractsIncompatible, "fixture.marks-report-next"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains($"built against {ContractsName} 2.0.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("plugin 'fixture.marks' 1.1.0 publishes 1.1.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.marks", "fixture.marks-report"], host.Runtime.Plugins.Select(p => p.Id));
        Assert.Equal("Moyenne 14.5/20", Report(host, "fixture.marks-report"));
    }

    [Fact]
    public async Task A_consumer_built_against_a_newer_minor_version_than_the_provider_publishes_is_refused()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksConsumer");
        plugins.Add("Fixture.MarksProvider", rewriteManifest: json => json.Replace("\"1.1.0\"", "\"1.0.3\"", StringComparison.Ordinal));
        File.Copy(Path.Combine(PluginDirectory.FixturesRoot, "..", "test-contracts", "Marks.Contracts.1.0", ContractsName + ".dll"),
            Path.Combine(plugins.Path, "Fixture.MarksProvider", ContractsName + ".dll"), overwrite: true);
        await using var host = FolderPluginLoadingTests.Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ContractsIncompatible, "fixture.marks-report"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains($"built against {ContractsName} 1.1.0, and plugin 'fixture.marks' 1.0.3 publishes 1.0.0", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_that_uses_contracts_without_declaring_a_dependency_on_their_publisher_is_refused()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider");
        plugins.Add("Fixture.MarksConsumer", rewriteManifest: json => json.Replace("\"dependencies\": { \"fixture.marks\": \"^1.0.0\" }", "\"dependencies\": {}", StringComparison.Ordinal));
        await using var host = FolderPluginLoadingTests.Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ContractsUndeclared, "fixture.marks-report"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("the contracts of plugin 'fixture.marks'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.marks"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Theory]
    [InlineData("[\"Fixture.Missing.dll\"]", "'Fixture.Missing.dll', which is not in its folder")]
    [InlineData("[\"Fixture.MarksProvider.deps.json.dll\"]", "which is not in its folder")]
    [InlineData("[\"Microsoft.Extensions.Options.dll\"]", "the host provides that assembly itself")]
    public async Task A_provider_whose_published_contracts_are_unusable_is_refused_naming_the_file(string contracts, string expected)
    {
        using var plugins = PluginDirectory.With();
        var folder = plugins.Add("Fixture.MarksProvider", rewriteManifest: json => json.Replace("[\"Fixture.Marks.Contracts.dll\"]", contracts, StringComparison.Ordinal));
        if (contracts.Contains("Options", StringComparison.Ordinal))
        {
            File.Copy(typeof(Microsoft.Extensions.Options.IOptions<>).Assembly.Location, Path.Combine(folder, "Microsoft.Extensions.Options.dll"));
        }

        await using var host = FolderPluginLoadingTests.Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics, d => d.Code == PluginDiagnosticCodes.ContractsInvalid);
        Assert.Equal("fixture.marks", diagnostic.PluginId);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(host.Runtime.Plugins);
    }

    [Fact]
    public async Task Two_plugins_publishing_the_same_contracts_are_a_diagnostic_naming_the_first_publisher()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider");
        plugins.Add("Fixture.MarksProvider", "Fixture.MarksProvider.Fork", json => json.Replace("\"fixture.marks\"", "\"fixture.marks-fork\"", StringComparison.Ordinal));
        await using var host = FolderPluginLoadingTests.Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ContractsInvalid, "fixture.marks-fork"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains($"'{ContractsName}', which plugin 'fixture.marks' publishes already", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_plugin_may_not_register_the_providers_contract_types()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider", "Fixture.MarksImpostor", "Fixture.MarksConsumer");
        await using var host = FolderPluginLoadingTests.Build(plugins);
        await host.StartAsync();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ServiceOwnedByAnotherPlugin, "fixture.marks-impostor"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("which plugin 'fixture.marks' owns", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("Moyenne 14.5/20", Report(host, "fixture.marks-report"));
    }

    [Fact]
    public void Disposing_the_host_lets_the_contracts_context_be_collected()
    {
        using var plugins = PluginDirectory.With("Fixture.MarksProvider", "Fixture.MarksConsumer");

        var contexts = LoadAndDispose(plugins);
        for (var attempt = 0; attempt < 100 && contexts.Any(c => c.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal([false, false, false], contexts.Select(c => c.IsAlive));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference[] LoadAndDispose(PluginDirectory plugins)
    {
        using var host = FolderPluginLoadingTests.Build(plugins);
        host.StartAsync().GetAwaiter().GetResult();
        Assert.Equal("Moyenne 14.5/20", Report(host, "fixture.marks-report"));
        var contracts = host.Runtime.Plugins.Single(p => p.Id == "fixture.marks").Contracts.Single();
        return [new WeakReference(AssemblyLoadContext.GetLoadContext(contracts)), .. host.Runtime.Plugins.Select(p => new WeakReference(p.LoadContext))];
    }

    private static string Report(EntHost host, string strategy) =>
        host.Services.GetServices<IPedagogicalStrategy>().Single(s => s.Id == strategy).Name.French;
}
