using Ent.Core.Identifiers;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.TestPlugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ent.Sdk.Tests.Enablement;

public sealed class PluginEnablementTests
{
    private static readonly SchoolId Pilot = SchoolId.New();
    private static readonly SchoolId Other = SchoolId.New();
    private readonly Recorder _recorder = new();
    private FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_plugin_enabled_everywhere_from_a_date_is_on_in_every_school_from_that_date()
    {
        await using var host = await Start(ent => ent.EnablePlugin("grading", new DateOnly(2026, 9, 1)), "grading");
        var enablement = host.Services.GetRequiredService<IPluginEnablement>();

        Assert.True(enablement.IsEnabled("grading", Pilot));
        Assert.True(enablement.IsEnabled("grading", Other, new DateOnly(2026, 9, 1)));
        Assert.False(enablement.IsEnabled("grading", Other, new DateOnly(2026, 8, 31)));
    }

    [Fact]
    public async Task A_plugin_enabled_in_one_school_is_off_in_the_others()
    {
        await using var host = await Start(ent => ent.EnablePlugin("grading", Pilot, new DateOnly(2026, 9, 1)), "grading");
        var enablement = host.Services.GetRequiredService<IPluginEnablement>();

        Assert.True(enablement.IsEnabled("grading", Pilot));
        Assert.False(enablement.IsEnabled("grading", Other));
    }

    [Fact]
    public async Task A_rollout_wave_turns_schools_on_at_their_own_dates_and_an_end_date_turns_one_off()
    {
        await using var host = await Start(ent => ent
            .EnablePlugin("grading", Pilot, new DateOnly(2026, 9, 1), until: new DateOnly(2026, 12, 31))
            .EnablePlugin("grading", Other, new DateOnly(2027, 1, 4)), "grading");
        var enablement = host.Services.GetRequiredService<IPluginEnablement>();

        Assert.Equal((true, false), (enablement.IsEnabled("grading", Pilot, new(2026, 12, 31)), enablement.IsEnabled("grading", Other, new(2026, 12, 31))));
        Assert.Equal((false, true), (enablement.IsEnabled("grading", Pilot, new(2027, 1, 4)), enablement.IsEnabled("grading", Other, new(2027, 1, 4))));
    }

    [Fact]
    public async Task A_plugin_that_is_not_loaded_is_off_whatever_the_rules_say()
    {
        await using var host = await Start(ent => ent.EnablePlugin("absent", new DateOnly(2026, 9, 1)));

        Assert.False(host.Services.GetRequiredService<IPluginEnablement>().IsEnabled("absent", Pilot));
    }

    [Fact]
    public async Task A_plugin_is_off_in_a_school_where_a_plugin_it_requires_is_off()
    {
        await using var host = await Start(
            ent => ent.EnablePlugin("report-cards", new DateOnly(2026, 9, 1)).EnablePlugin("grading", Pilot, new DateOnly(2026, 9, 1)),
            "grading", "report-cards:grading");
        var enablement = host.Services.GetRequiredService<IPluginEnablement>();

        Assert.True(enablement.IsEnabled("report-cards", Pilot));
        Assert.False(enablement.IsEnabled("report-cards", Other));
    }

    [Fact]
    public async Task A_plugin_that_failed_to_start_is_off()
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Ent.AddPlugin(new RecordingPlugin("broken", _recorder, failOnStart: true), RecordingPlugin.Manifest("broken"))
            .EnablePlugin("broken", new DateOnly(2026, 9, 1));
        await using var host = builder.Build();
        await host.StartAsync();

        Assert.False(host.Services.GetRequiredService<IPluginEnablement>().IsEnabled("broken", Pilot));
    }

    [Fact]
    public async Task Today_is_the_day_in_the_departments_time_zone()
    {
        // 23:30 UTC on 1 September is already 2 September in Paris.
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 23, 30, 0, TimeSpan.Zero));
        await using var host = await Start(ent => ent.EnablePlugin("grading", new DateOnly(2026, 9, 2)), "grading");

        Assert.True(host.Services.GetRequiredService<IPluginEnablement>().IsEnabled("grading", Pilot));
    }

    [Fact]
    public void An_invalid_plugin_id_in_a_rule_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => EntHost.CreateBuilder().Ent.EnablePlugin("Grading!", new DateOnly(2026, 9, 1)));

        Assert.Contains("'Grading!'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts a host with in-process plugins written "id" or "id:required-id".</summary>
    private async Task<EntHost> Start(Action<EntBuilder> configure, params string[] plugins)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_time);
        foreach (var plugin in plugins)
        {
            var parts = plugin.Split(':');
            builder.Ent.AddPlugin(new RecordingPlugin(parts[0], _recorder), RecordingPlugin.Manifest(parts[0], parts.Length > 1 ? [parts[1]] : null));
        }

        configure(builder.Ent);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
