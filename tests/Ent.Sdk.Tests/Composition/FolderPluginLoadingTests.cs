using System.Collections.Immutable;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Sdk.Composition;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Composition;

/// <summary>Loading real plugin folders built by the solution (tests/Fixtures/Plugins).</summary>
public sealed class FolderPluginLoadingTests
{
    [Fact]
    public async Task A_healthy_plugin_loads_starts_and_its_services_resolve_from_the_host_with_logging_options_and_time_injected()
    {
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        await using var host = Build(plugins);
        await host.StartAsync();

        var plugin = Assert.Single(host.Runtime.Plugins);
        Assert.Equal(("fixture.healthy", PluginState.Started), (plugin.Id, plugin.State));
        Assert.Empty(host.Runtime.Diagnostics);
        var strategy = host.Services.GetServices<IPedagogicalStrategy>().Single(s => s.Id == "fixture.greeting");
        Assert.Equal($"Bonjour from ReflectedByName at {TimeProvider.System.GetUtcNow():yyyy-MM-dd}", strategy.Name.French);
        var proposal = strategy.ProposeFor(Situation());
        Assert.Equal("fixture.greeting", proposal.Strategy);
        Assert.Single(proposal.Next);
    }

    [Fact]
    public async Task The_runtime_tells_which_plugin_defines_a_service()
    {
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        await using var host = Build(plugins);
        var strategies = host.Services.GetServices<IPedagogicalStrategy>().ToDictionary(s => s.Id);

        Assert.Equal("fixture.healthy", host.Runtime.PluginDefining(strategies["fixture.greeting"].GetType())?.Id);
        Assert.Null(host.Runtime.PluginDefining(strategies["sequential"].GetType()));
    }

    [Fact]
    public async Task A_plugins_contributions_reach_the_domain_registries_and_the_access_policy()
    {
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        await using var host = Build(plugins);

        Assert.True(host.Services.GetRequiredService<IActivityKindRegistry>().TryGet("fixture.lab", out var kind));
        Assert.True(kind.ProducesEvidence);
        Assert.Contains(host.Services.GetRequiredService<Ent.Core.Access.AccessPolicy>().Grants, g => g.Capability.Name == "fixture.healthy.annotate");
    }

    [Fact]
    public async Task A_plugin_starts_after_the_plugin_it_depends_on()
    {
        using var plugins = PluginDirectory.With("Fixture.Dependent", "Fixture.Healthy");
        await using var host = Build(plugins);
        await host.StartAsync();

        Assert.Equal(["fixture.healthy", "fixture.dependent"], host.Runtime.Plugins.Select(p => p.Id));
        Assert.All(host.Runtime.Plugins, p => Assert.Equal(PluginState.Started, p.State));
        var relay = host.Services.GetServices<IPedagogicalStrategy>().Single(s => s.Id == "fixture.relay");
        Assert.Equal("fixture.relay", relay.ProposeFor(Situation()).Strategy);
    }

    [Fact]
    public async Task A_plugin_whose_dependency_is_missing_is_refused_and_the_host_starts_with_the_others()
    {
        using var plugins = PluginDirectory.With("Fixture.Dependent", "Fixture.Optional");
        await using var host = Build(plugins);
        await host.StartAsync();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.DependencyMissing, "fixture.dependent"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("fixture.healthy", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(plugins.Path, "Fixture.Dependent"), diagnostic.Folder);
        Assert.Equal(["fixture.optional"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Fact]
    public async Task A_plugin_whose_dependency_has_a_version_outside_its_range_is_refused()
    {
        using var plugins = PluginDirectory.With("Fixture.Dependent");
        plugins.Add("Fixture.Healthy", rewriteManifest: json => json.Replace("\"1.2.0\"", "\"2.0.0\"", StringComparison.Ordinal));
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.DependencyVersionMismatch, diagnostic.Code);
        Assert.Contains("[1.1.0,2.0.0)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("2.0.0 is there", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_with_an_optional_dependency_loads_without_it()
    {
        using var plugins = PluginDirectory.With("Fixture.Optional");
        await using var host = Build(plugins);

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.True(host.Services.GetRequiredService<IActivityKindRegistry>().TryGet("fixture.optional.alone", out _));
    }

    [Fact]
    public async Task A_plugin_with_an_optional_dependency_comes_after_it_and_sees_it_when_it_is_there()
    {
        using var plugins = PluginDirectory.With("Fixture.Optional", "Fixture.Healthy");
        await using var host = Build(plugins);

        Assert.Equal(["fixture.healthy", "fixture.optional"], host.Runtime.Plugins.Select(p => p.Id));
        Assert.True(host.Services.GetRequiredService<IActivityKindRegistry>().TryGet("fixture.optional.with-healthy", out _));
    }

    [Fact]
    public async Task A_plugin_requiring_a_newer_sdk_is_refused_before_any_of_its_code_runs()
    {
        using var plugins = PluginDirectory.With("Fixture.NewerSdk", "Fixture.Healthy");
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.SdkVersionUnsupported, "fixture.newer-sdk"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains($"supports Ent.Sdk ^2.0.0, and this host runs Ent.Sdk {EntSdkInfo.Version}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.healthy"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Fact]
    public async Task A_plugin_built_against_a_newer_sdk_is_refused_from_its_metadata_whatever_its_manifest_claims()
    {
        using var plugins = PluginDirectory.With("Fixture.BuiltForNewerSdk", "Fixture.Healthy");
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.SdkReferenceTooNew, "fixture.built-for-newer-sdk"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("was built against Ent.Sdk.Abstractions 2.0, but this host provides 1.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.healthy"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Fact]
    public async Task A_plugin_that_throws_while_registering_is_reported_and_nothing_it_registered_is_kept()
    {
        using var plugins = PluginDirectory.With("Fixture.Throwing", "Fixture.Healthy");
        await using var host = Build(plugins);
        await host.StartAsync();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.RegistrationFailed, "fixture.throwing"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("fails on purpose while registering", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.greeting", "sequential"], host.Services.GetServices<IPedagogicalStrategy>().Select(s => s.Id).Order());
        Assert.Equal(PluginState.Started, Assert.Single(host.Runtime.Plugins).State);
    }

    [Fact]
    public async Task A_plugin_folder_shipping_its_own_ent_sdk_is_refused_with_the_copies_named()
    {
        using var plugins = PluginDirectory.With("Fixture.OwnSdk");
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.ContractAssemblyShipped, diagnostic.Code);
        Assert.Contains("Ent.Core.dll and Ent.Storage.dll and Ent.Sdk.Abstractions.dll", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(host.Runtime.Plugins);
    }

    [Fact]
    public async Task A_plugin_that_resolves_a_private_copy_of_a_contract_assembly_is_refused()
    {
        // A loader that, like McMaster's fallback, hands the plugin a private Ent.Sdk: the host must notice.
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        var privateCopies = Path.Combine(PluginDirectory.FixturesRoot, "Fixture.OwnSdk");
        await using var host = Build(plugins, ent => ent.UsePluginLoader(new PrivateContractLoader(privateCopies)));

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.ContractAssemblyMismatch, diagnostic.Code);
        Assert.Contains("its own copy of Ent.", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(host.Runtime.Plugins);
    }

    [Fact]
    public async Task Two_plugins_using_different_versions_of_a_library_each_run_with_their_own_copy()
    {
        using var plugins = PluginDirectory.With("Fixture.Json12", "Fixture.Json13");
        await using var host = Build(plugins);

        Assert.Empty(host.Runtime.Diagnostics);
        var kinds = host.Services.GetRequiredService<IActivityKindRegistry>();
        Assert.True(kinds.TryGet("fixture.json12.runs-json12", out _));
        Assert.True(kinds.TryGet("fixture.json13.runs-json13", out _));
        var versions = host.Runtime.Plugins.Select(p => p.LoadContext!.Assemblies.Single(a => a.GetName().Name == "Newtonsoft.Json").GetName().Version!.Major);
        Assert.Equal([12, 13], versions.Order());
    }

    [Fact]
    public async Task A_plugin_with_a_native_library_under_runtimes_loads_it_from_its_folder()
    {
        using var plugins = PluginDirectory.With("Fixture.Native");
        await using var host = Build(plugins);

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.True(host.Services.GetRequiredService<IActivityKindRegistry>().TryGet("fixture.native.sqlite-42", out _));
    }

    [Fact]
    public async Task A_netstandard_plugin_is_refused_clearly_before_loading()
    {
        using var plugins = PluginDirectory.With("Fixture.NetStandard");
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.TargetFrameworkUnsupported, diagnostic.Code);
        Assert.Contains(".NETStandard,Version=v2.0", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_a_manifest_is_reported()
    {
        using var plugins = PluginDirectory.With();
        Directory.CreateDirectory(Path.Combine(plugins.Path, "stray"));
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ManifestMissing, Path.Combine(plugins.Path, "stray")), (diagnostic.Code, diagnostic.Folder));
    }

    [Fact]
    public async Task A_malformed_manifest_is_reported_with_its_parse_error()
    {
        using var plugins = PluginDirectory.With();
        plugins.Add("Fixture.Healthy", rewriteManifest: json => json.Replace("\"1.2.0\"", "\"1.2\"", StringComparison.Ordinal));
        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.ManifestInvalid, diagnostic.Code);
        Assert.Contains("field 'version': '1.2' is not a semantic version", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_of_200_mb_is_refused_naming_the_file_without_being_read_whole_and_the_others_load()
    {
        using var plugins = PluginDirectory.With("Fixture.Optional");
        var huge = Path.Combine(plugins.Add("Fixture.Healthy"), "plugin.json");
        using (var file = File.OpenWrite(huge))
        {
            file.SetLength(200L * 1024 * 1024); // sparse: 200 MB of zeros
        }

        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.ManifestInvalid, diagnostic.Code);
        Assert.Contains(huge, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("over 64 KiB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.optional"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Fact]
    public async Task A_manifest_linked_to_an_endless_device_is_refused_naming_the_file()
    {
        using var plugins = PluginDirectory.With();
        var manifest = Path.Combine(plugins.Add("Fixture.Healthy"), "plugin.json");
        File.Delete(manifest);
        File.CreateSymbolicLink(manifest, "/dev/zero");

        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal(PluginDiagnosticCodes.ManifestInvalid, diagnostic.Code);
        Assert.Contains(manifest, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sdk_range_with_the_largest_major_version_is_read_without_overflow_and_names_the_file()
    {
        using var plugins = PluginDirectory.With("Fixture.Optional");
        var folder = plugins.Add("Fixture.Healthy", rewriteManifest: json => json.Replace("\"^1.0.0\"", "\"^2147483647.0.0\"", StringComparison.Ordinal));

        await using var host = Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.SdkVersionUnsupported, folder), (diagnostic.Code, diagnostic.Folder));
        Assert.Contains("^2147483647.0.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.optional"], host.Runtime.Plugins.Select(p => p.Id));
    }

    [Fact]
    public async Task A_folder_missing_its_assembly_or_its_deps_file_is_reported()
    {
        using var plugins = PluginDirectory.With();
        File.Delete(Path.Combine(plugins.Add("Fixture.Healthy"), "Fixture.Healthy.deps.json"));
        File.Delete(Path.Combine(plugins.Add("Fixture.Optional"), "Fixture.Optional.dll"));
        await using var host = Build(plugins);

        Assert.Equal(2, host.Runtime.Diagnostics.Count(d => d.Code == PluginDiagnosticCodes.AssemblyMissing));
        Assert.Contains(host.Runtime.Diagnostics, d => d.Message.Contains("Fixture.Healthy.deps.json", StringComparison.Ordinal));
        Assert.Contains(host.Runtime.Diagnostics, d => d.Message.Contains("'Fixture.Optional.dll'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_folders_with_the_same_plugin_id_are_both_refused()
    {
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        plugins.Add("Fixture.Healthy", "Fixture.Healthy.Copy");
        await using var host = Build(plugins);

        Assert.Equal(2, host.Runtime.Diagnostics.Count(d => d.Code == PluginDiagnosticCodes.DuplicateId && d.PluginId == "fixture.healthy"));
        Assert.Empty(host.Runtime.Plugins);
    }

    [Fact]
    public async Task A_missing_plugins_directory_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ent-no-such-" + Guid.NewGuid().ToString("N"));
        await using var host = EntHost.CreateBuilder().Also(b => b.Ent.AddPluginDirectory(missing)).Build();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.DirectoryMissing, missing), (diagnostic.Code, diagnostic.Folder));
    }

    [Fact]
    public void A_strict_host_refuses_to_start_and_lists_every_diagnostic_at_once()
    {
        using var plugins = PluginDirectory.With("Fixture.NewerSdk", "Fixture.Throwing", "Fixture.OwnSdk", "Fixture.Healthy");

        var error = Assert.Throws<PluginCompositionException>(() => Build(plugins, ent => ent.UseStrictPlugins()));

        Assert.Equal(
            [PluginDiagnosticCodes.SdkVersionUnsupported, PluginDiagnosticCodes.ContractAssemblyShipped, PluginDiagnosticCodes.RegistrationFailed],
            error.Diagnostics.Select(d => d.Code).Order());
        Assert.Contains("fixture.newer-sdk", error.Message, StringComparison.Ordinal);
        Assert.Contains("fixture.own-sdk", error.Message, StringComparison.Ordinal);
        Assert.Contains("fixture.throwing", error.Message, StringComparison.Ordinal);
    }

    internal static EntHost Build(PluginDirectory plugins, Action<EntBuilder>? configure = null)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPluginDirectory(plugins.Path);
        configure?.Invoke(builder.Ent);
        return builder.Build();
    }

    private static LearnerSituation Situation()
    {
        var activity = Activity.Create("Lire", ActivityKind.Reading);
        var course = new Course(CourseId.New(), SchoolId.New(), CourseAudience.ForClass(ClassId.New()), new Subject("FR", "Français"), "Lecture",
            [new Sequence(SequenceId.New(), "S1", [activity])]);
        return new LearnerSituation(course, PersonId.New(), ImmutableDictionary<ActivityId, ActivityProgress>.Empty);
    }
}

internal static class BuilderExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
