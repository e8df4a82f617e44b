using Ent.Core.Identifiers;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Rollout;
using Ent.Sdk.Tests.TestPlugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ent.Sdk.Tests.Rollout;

/// <summary>A department rolls its ENT out in waves: named groups of schools receiving plugins from a date, one wave per school.</summary>
public sealed class RolloutWaveTests
{
    private static readonly DateOnly September = new(2026, 9, 1);
    private readonly Recorder _recorder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_waves_plugins_are_on_in_its_schools_from_its_start_and_off_before_and_elsewhere()
    {
        var (first, second, outside) = (SchoolId.New(), SchoolId.New(), SchoolId.New());
        await using var host = await StartAsync(
            new RolloutWave("Vague 1", September, [first], ["grading", "notes"]),
            new RolloutWave("Vague 2", new DateOnly(2027, 1, 4), [second], ["grading"]));
        var enablement = host.Services.GetRequiredService<IPluginEnablement>();

        Assert.Equal((true, true), (enablement.IsEnabled("grading", first, September), enablement.IsEnabled("notes", first, September)));
        Assert.False(enablement.IsEnabled("grading", first, September.AddDays(-1)));
        Assert.Equal((false, true), (enablement.IsEnabled("grading", second, new(2027, 1, 3)), enablement.IsEnabled("grading", second, new(2027, 1, 4))));
        Assert.False(enablement.IsEnabled("notes", second, new(2027, 6, 1)));
        Assert.False(enablement.IsEnabled("grading", outside, new(2027, 6, 1)));
    }

    [Fact]
    public async Task The_plan_tells_each_schools_wave_and_what_is_on_there_on_a_day()
    {
        var (first, second, outside) = (SchoolId.New(), SchoolId.New(), SchoolId.New());
        await using var host = await StartAsync(
            new RolloutWave("Vague 2", new DateOnly(2027, 1, 4), [second], ["grading"]),
            new RolloutWave("Vague 1", September, [first], ["notes", "grading"]));
        var plan = host.Services.GetRequiredService<IRolloutPlan>();

        Assert.Equal(["Vague 1", "Vague 2"], plan.Waves.Select(w => w.Name)); // by start date
        Assert.Equal(("Vague 1", "Vague 2", null), (plan.WaveOf(first)?.Name, plan.WaveOf(second)?.Name, plan.WaveOf(outside)?.Name));
        Assert.Equal(["grading", "notes"], plan.PluginsOn(first, new(2026, 11, 26)));
        Assert.Empty(plan.PluginsOn(second, new(2026, 11, 26)));
        Assert.Equal(["grading"], plan.PluginsOn(second, new(2027, 1, 4)));
    }

    [Fact]
    public void A_school_in_two_waves_is_refused_naming_the_school_and_both_waves()
    {
        var school = SchoolId.New();
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddRolloutWave(new RolloutWave("Vague 1", September, [school], ["grading"]));

        var error = Assert.Throws<ArgumentException>(() => builder.Ent.AddRolloutWave(new RolloutWave("Vague 2", new(2027, 1, 4), [SchoolId.New(), school], ["grading"])));

        Assert.Contains($"School {school.Value} is in rollout wave 'Vague 1' already; it cannot also be in 'Vague 2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_waves_of_one_name_are_refused()
    {
        var builder = EntHost.CreateBuilder();
        builder.Ent.AddRolloutWave(new RolloutWave("Vague 1", September, [SchoolId.New()], ["grading"]));

        var error = Assert.Throws<ArgumentException>(() => builder.Ent.AddRolloutWave(new RolloutWave("vague 1", September, [SchoolId.New()], ["grading"])));

        Assert.Contains("'Vague 1' already", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "needs a name")]
    [InlineData("Vague 1", "at least one school and one plugin; it has 0 and 1")]
    public void A_wave_without_a_name_or_a_school_is_refused_saying_what_it_lacks(string name, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new RolloutWave(name, September, [], ["grading"]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wave_listing_a_school_twice_or_an_invalid_plugin_id_is_refused_naming_it()
    {
        var school = SchoolId.New();

        Assert.Contains($"lists school {school.Value} twice", Assert.Throws<ArgumentException>(() => new RolloutWave("Vague 1", September, [school, school], ["grading"])).Message, StringComparison.Ordinal);
        Assert.Contains("lists 'Not A Plugin'", Assert.Throws<ArgumentException>(() => new RolloutWave("Vague 1", September, [school], ["Not A Plugin"])).Message, StringComparison.Ordinal);
        Assert.Contains("lists plugin 'grading' twice", Assert.Throws<ArgumentException>(() => new RolloutWave("Vague 1", September, [school], ["grading", "grading"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_departments_staggered_rollout_is_27_schools_then_15_a_quarter_until_all_125()
    {
        var schools = Enumerable.Range(0, 125).Select(_ => SchoolId.New()).ToList();

        var waves = RolloutWave.Staggered(schools, ["grading"], September);

        Assert.Equal([27, 15, 15, 15, 15, 15, 15, 8], waves.Select(w => w.Schools.Count));
        Assert.Equal(["2026-09-01", "2026-12-01", "2027-03-01", "2027-06-01"], waves.Take(4).Select(w => w.Start.ToString("yyyy-MM-dd")));
        Assert.Equal("Vague 8", waves[^1].Name);
        Assert.Equal(schools, waves.SelectMany(w => w.Schools)); // each school once, in the order given
    }

    private async Task<EntHost> StartAsync(params RolloutWave[] waves)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Ent.AddPlugin(new RecordingPlugin("grading", _recorder), RecordingPlugin.Manifest("grading"));
        builder.Ent.AddPlugin(new RecordingPlugin("notes", _recorder), RecordingPlugin.Manifest("notes"));
        foreach (var wave in waves)
        {
            builder.Ent.AddRolloutWave(wave);
        }

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
