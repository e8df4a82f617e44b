using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Core.Events;
using Ent.Core.Learning;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.TestPlugins;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Hosting;

public sealed class EntHostBuilderTests
{
    [Fact]
    public void A_builder_builds_one_host_only()
    {
        var builder = EntHost.CreateBuilder();
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

        Assert.Contains("already built", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_collection_is_read_only_after_build()
    {
        var builder = EntHost.CreateBuilder();
        using var host = builder.Build();

        Assert.True(builder.Services.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => builder.Services.AddSingleton(new object()));
    }

    [Fact]
    public void Plugins_cannot_be_added_once_composed()
    {
        var builder = EntHost.CreateBuilder();
        using var host = builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Ent.AddPluginDirectory("plugins"));
        Assert.Throws<InvalidOperationException>(() => builder.Ent.AddPlugin<EmbeddedManifestPlugin>());
        Assert.True(builder.Ent.IsComposed);
    }

    [Fact]
    public void The_host_provides_the_domain_services()
    {
        using var host = EntHost.CreateBuilder().Build();

        Assert.NotNull(host.Services.GetRequiredService<IRoster>());
        Assert.NotNull(host.Services.GetRequiredService<ILearnerRecords>());
        Assert.NotNull(host.Services.GetRequiredService<IAccessControl>());
        Assert.NotNull(host.Services.GetRequiredService<IDomainEventPublisher>());
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddEnt_composes_plugins_into_an_applications_own_service_collection()
    {
        var recorder = new Recorder();
        var services = new ServiceCollection();
        services.AddSingleton(new ApplicationMarker());

        var ent = services.AddEnt(e => e.AddPlugin(new RecordingPlugin("app.plugin", recorder), RecordingPlugin.Manifest("app.plugin")));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IEntRuntime>().StartAsync();

        Assert.Same(services, ent.Services);
        Assert.NotNull(provider.GetRequiredService<ApplicationMarker>());
        Assert.Same(recorder, provider.GetRequiredService<Recorder>());
        Assert.Equal(["app.plugin"], recorder.Of("start"));
    }

    [Fact]
    public void AddEnt_refuses_to_compose_twice_in_one_collection()
    {
        var services = new ServiceCollection();
        services.AddEnt();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddEnt());

        Assert.Contains("call it once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_in_process_plugin_reads_its_manifest_from_its_assembly()
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPlugin<EmbeddedManifestPlugin>();
        await using var host = builder.Build();

        var plugin = Assert.Single(host.Runtime.Plugins);
        Assert.Equal(("tests.embedded", "Extension embarquée", null), (plugin.Id, plugin.Manifest.DisplayName.French, plugin.Folder));
        Assert.Null(plugin.LoadContext);
        Assert.NotNull(host.Services.GetRequiredService<EmbeddedManifestPlugin>());
    }

    [Fact]
    public void Invalid_options_are_refused_at_composition_naming_the_value()
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.Options.TimeZone = "Mars/Olympus";

        var error = Assert.Throws<ArgumentException>(() => builder.Build());

        Assert.Contains("'Mars/Olympus' is not a known time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_time_zone_is_the_one_the_domain_services_use()
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.Options.TimeZone = "Indian/Reunion";
        using var host = builder.Build();

        Assert.Equal("Indian/Reunion", host.Services.GetRequiredService<TimeZoneInfo>().Id);
    }

    private sealed class ApplicationMarker;
}
