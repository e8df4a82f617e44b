using Ent.Sdk.Composition;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.TestPlugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Tests.Plugins;

/// <summary>A department configures a plugin in the section plugins:&lt;plugin id&gt;; its options are checked when the host starts.</summary>
public sealed class PluginOptionsTests
{
    [Fact]
    public async Task A_plugins_options_are_read_from_its_section_of_the_hosts_configuration()
    {
        await using var host = await Start(new() { ["plugins:acme.notes:Limit"] = "7", ["plugins:acme.notes:Title"] = "Carnet" });

        var options = host.Services.GetRequiredService<IOptions<NotesOptions>>().Value;
        Assert.Equal((7, "Carnet"), (options.Limit, options.Title));
        Assert.Equal(PluginState.Started, Assert.Single(host.Runtime.Plugins, p => p.Id == "acme.notes").State);
    }

    [Theory]
    [InlineData("plugins:acme.notes:Limit", "0", "Limit must be positive")] // refused by the plugin's validation
    [InlineData("plugins:acme.notes:Limit", "beaucoup", "'beaucoup'")] // not a number: the binder names the value
    [InlineData("plugins:acme.notes:Limitt", "3", "Limitt")] // a key that is no option
    public async Task Invalid_options_fail_the_plugin_at_start_naming_the_key_or_value_and_the_others_start(string key, string value, string named)
    {
        await using var host = await Start(new() { [key] = value });

        var diagnostic = Assert.Single(host.Runtime.Diagnostics, d => d.PluginId == "acme.notes");
        Assert.Equal(PluginDiagnosticCodes.OptionsInvalid, diagnostic.Code);
        Assert.Contains("plugins:acme.notes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(named, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.Failed, host.Runtime.Plugins.Single(p => p.Id == "acme.notes").State);
        Assert.Equal(PluginState.Started, host.Runtime.Plugins.Single(p => p.Id == "other").State);
    }

    [Fact]
    public async Task A_strict_host_does_not_start_with_a_plugins_invalid_options()
    {
        await using var host = Build(new() { ["plugins:acme.notes:Limit"] = "0" }, strict: true);

        var error = await Assert.ThrowsAsync<PluginCompositionException>(() => host.StartAsync());

        Assert.Equal(PluginDiagnosticCodes.OptionsInvalid, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public async Task Options_validated_on_start_the_usual_way_are_checked_at_start_too()
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.Services.AddOptions<NotesOptions>().Configure(o => o.Limit = -1).Validate(o => o.Limit > 0, "Limit must be positive.").ValidateOnStart()), RecordingPlugin.Manifest("acme.notes"));
        await using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(PluginDiagnosticCodes.OptionsInvalid, Assert.Single(host.Runtime.Diagnostics).Code);
        Assert.Equal(PluginState.Failed, Assert.Single(host.Runtime.Plugins).State);
    }

    private static async Task<EntHost> Start(Dictionary<string, string?> settings)
    {
        var host = Build(settings, strict: false);
        await host.StartAsync();
        return host;
    }

    private static EntHost Build(Dictionary<string, string?> settings, bool strict)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.UseStrictPlugins(strict);
        builder.Ent.UseConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.AddOptions<NotesOptions>().Validate(o => o.Limit > 0, "Limit must be positive.")), RecordingPlugin.Manifest("acme.notes"));
        builder.Ent.AddPlugin(new ConfiguringPlugin(_ => { }), RecordingPlugin.Manifest("other"));
        return builder.Build();
    }

    public sealed class NotesOptions
    {
        public int Limit { get; set; } = 5;

        public string Title { get; set; } = "Notes";
    }
}
