using Ent.Sdk.Composition;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.TestPlugins;

namespace Ent.Sdk.Tests.Views;

/// <summary>
/// A plugin's shipped templates and strings are checked at start: this assembly's fixtures, shipped by an in-process
/// plugin, hold a template with a syntax error (specs/broken) and a text with no English translation (only-in-french).
/// </summary>
public sealed class ShippedViewChecksTests
{
    [Fact]
    public async Task A_strict_host_refuses_a_plugin_shipping_a_broken_template_or_a_missing_translation_naming_it()
    {
        await using var host = Build(strict: true);

        var error = await Assert.ThrowsAsync<PluginCompositionException>(() => host.StartAsync());

        var broken = Assert.Single(error.Diagnostics, d => d.Code == PluginDiagnosticCodes.ShippedViewInvalid);
        Assert.Equal("acme.views", broken.PluginId);
        Assert.Contains("acme-views/broken", broken.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error", broken.Message, StringComparison.Ordinal);
        var untranslated = Assert.Single(error.Diagnostics, d => d.Code == PluginDiagnosticCodes.TranslationMissing);
        Assert.Equal("acme.views", untranslated.PluginId);
        Assert.Contains("'en' has no text for 1 key(s): only-in-french", untranslated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lenient_host_starts_and_reports_them_as_warnings_naming_the_plugin()
    {
        await using var host = Build(strict: false);

        await host.StartAsync();

        Assert.Equal(PluginState.Started, Assert.Single(host.Runtime.Plugins).State);
        Assert.Equal([PluginDiagnosticCodes.ShippedViewInvalid, PluginDiagnosticCodes.TranslationMissing],
            host.Runtime.Diagnostics.Where(d => d.PluginId == "acme.views" && d.Severity == DiagnosticSeverity.Warning).Select(d => d.Code).Order());
    }

    private static EntHost Build(bool strict)
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.UseStrictPlugins(strict);
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.AddViews("acme-views")), RecordingPlugin.Manifest("acme.views"));
        return builder.Build();
    }
}
