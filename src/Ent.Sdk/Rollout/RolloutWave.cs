using Ent.Core.Identifiers;
using Ent.Sdk.Plugins;

namespace Ent.Sdk.Rollout;

/// <summary>
/// A wave of a department's rollout: a named group of schools that receive some plugins from a date (Seine-Saint-Denis:
/// 27 collèges in a first wave, then 15 more each quarter). A school belongs to one wave at most.
/// </summary>
public sealed record RolloutWave
{
    /// <summary>A wave.</summary>
    /// <param name="name">Its name, as the department calls it ("Vague 1").</param>
    /// <param name="start">The first day its schools have its plugins.</param>
    /// <param name="schools">Its schools, each once.</param>
    /// <param name="plugins">The plugins its schools receive, each once.</param>
    /// <exception cref="ArgumentException">An empty name, no school or no plugin, a school or plugin listed twice, an invalid plugin id; the message names it.</exception>
    public RolloutWave(string name, DateOnly start, IReadOnlyList<SchoolId> schools, IReadOnlyList<string> plugins)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(plugins);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A rollout wave needs a name.", nameof(name));
        }

        Name = name.Trim();
        if (schools.Count == 0 || plugins.Count == 0)
        {
            throw new ArgumentException($"Rollout wave '{Name}' needs at least one school and one plugin; it has {schools.Count} and {plugins.Count}.", schools.Count == 0 ? nameof(schools) : nameof(plugins));
        }

        var seenSchools = new HashSet<SchoolId>();
        foreach (var school in schools)
        {
            if (!seenSchools.Add(school))
            {
                throw new ArgumentException($"Rollout wave '{Name}' lists school {school.Value} twice.", nameof(schools));
            }
        }

        var seenPlugins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plugin in plugins)
        {
            if (!PluginManifest.IsValidId(plugin))
            {
                throw new ArgumentException($"Rollout wave '{Name}' lists '{plugin}', which is not a plugin id.", nameof(plugins));
            }

            if (!seenPlugins.Add(plugin))
            {
                throw new ArgumentException($"Rollout wave '{Name}' lists plugin '{plugin}' twice.", nameof(plugins));
            }
        }

        (Start, Schools, Plugins) = (start, [.. schools], [.. plugins]);
    }

    /// <summary>The wave's name.</summary>
    public string Name { get; }

    /// <summary>The first day its schools have its plugins.</summary>
    public DateOnly Start { get; }

    /// <summary>Its schools.</summary>
    public IReadOnlyList<SchoolId> Schools { get; }

    /// <summary>The plugins its schools receive.</summary>
    public IReadOnlyList<string> Plugins { get; }

    /// <summary>
    /// Waves of a staggered rollout, as a department plans one: the schools in the order given, a first wave of
    /// <paramref name="firstWave"/> schools from <paramref name="start"/>, then waves of <paramref name="nextWaves"/>
    /// schools every <paramref name="monthsApart"/> months until every school has one. Named "Vague 1", "Vague 2"…
    /// </summary>
    /// <param name="schools">The department's schools, in the order they join.</param>
    /// <param name="plugins">The plugins each wave receives.</param>
    /// <param name="start">The first wave's first day.</param>
    /// <param name="firstWave">How many schools the first wave has (27 in the seed scenario).</param>
    /// <param name="nextWaves">How many schools each later wave has (15).</param>
    /// <param name="monthsApart">Months between two waves (3: a quarter).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or interval below 1.</exception>
    public static IReadOnlyList<RolloutWave> Staggered(IReadOnlyList<SchoolId> schools, IReadOnlyList<string> plugins, DateOnly start, int firstWave = 27, int nextWaves = 15, int monthsApart = 3)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstWave, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nextWaves, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(monthsApart, 1);
        var waves = new List<RolloutWave>();
        for (var taken = 0; taken < schools.Count; taken += waves[^1].Schools.Count)
        {
            var size = waves.Count == 0 ? firstWave : nextWaves;
            waves.Add(new RolloutWave($"Vague {waves.Count + 1}", start.AddMonths(waves.Count * monthsApart), [.. schools.Skip(taken).Take(size)], plugins));
        }

        return waves;
    }
}
