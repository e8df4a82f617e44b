using Ent.Core.Identifiers;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;

namespace Ent.Sdk.Rollout;

/// <summary>The department's rollout as its admin sees it: the waves, the wave of each school, and what is on where on a day.</summary>
public interface IRolloutPlan
{
    /// <summary>The waves, by start date (then name).</summary>
    IReadOnlyList<RolloutWave> Waves { get; }

    /// <summary>The wave a school is in, or null (a school outside every wave gets only what other rules turn on).</summary>
    /// <param name="school">The school.</param>
    RolloutWave? WaveOf(SchoolId school);

    /// <summary>The plugins on in a school on a day, by id: its wave's from its start, and whatever the other rules turn on (<see cref="IPluginEnablement"/>).</summary>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    IReadOnlyList<string> PluginsOn(SchoolId school, DateOnly day);
}

/// <summary>The plan from the waves the host declared (<see cref="EntBuilder.AddRolloutWave"/>).</summary>
internal sealed class RolloutPlan(IReadOnlyList<RolloutWave> waves, IPluginEnablement enablement, IEntRuntime runtime) : IRolloutPlan
{
    private readonly Dictionary<SchoolId, RolloutWave> _waveOf = waves.SelectMany(w => w.Schools.Select(s => (School: s, Wave: w))).ToDictionary(x => x.School, x => x.Wave);

    public IReadOnlyList<RolloutWave> Waves { get; } = [.. waves.OrderBy(w => w.Start).ThenBy(w => w.Name, StringComparer.Ordinal)];

    public RolloutWave? WaveOf(SchoolId school) => _waveOf.GetValueOrDefault(school);

    public IReadOnlyList<string> PluginsOn(SchoolId school, DateOnly day) =>
        [.. runtime.Plugins.Select(p => p.Id).Where(id => enablement.IsEnabled(id, school, day)).Order(StringComparer.Ordinal)];
}
