using System.Collections.Frozen;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Hosting;

namespace Ent.Sdk.Enablement;

/// <summary>A department's decision that a plugin is on in a school (or in every school) for a range of dates.</summary>
/// <param name="PluginId">The plugin's id.</param>
/// <param name="School">The school, or null for every school of the department.</param>
/// <param name="Dates">When it is on.</param>
public sealed record PluginEnablementRule(string PluginId, SchoolId? School, DateRange Dates);

/// <summary>Answers the one question services ask: is plugin P on in school S today?</summary>
public interface IPluginEnablement
{
    /// <summary>Whether a plugin is on in a school today (in the department's time zone).</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="school">The school.</param>
    bool IsEnabled(string pluginId, SchoolId school);

    /// <summary>Whether a plugin is on in a school on a given day.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    bool IsEnabled(string pluginId, SchoolId school, DateOnly day);
}

/// <summary>
/// Enablement from the department's rules: a plugin is on in a school on a day when it is healthy,
/// a rule covers that school and day, and every plugin it requires is on there too.
/// </summary>
internal sealed class PluginEnablement(IReadOnlyList<PluginEnablementRule> rules, IEntRuntime runtime, TimeProvider time, TimeZoneInfo zone) : IPluginEnablement
{
    private readonly FrozenDictionary<string, PluginEnablementRule[]> _rulesByPlugin =
        rules.GroupBy(r => r.PluginId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public bool IsEnabled(string pluginId, SchoolId school) => IsEnabled(pluginId, school, SchoolTime.Today(time, zone));

    public bool IsEnabled(string pluginId, SchoolId school, DateOnly day) => IsEnabled(pluginId, school, day, depth: 0);

    private bool IsEnabled(string pluginId, SchoolId school, DateOnly day, int depth)
    {
        ArgumentNullException.ThrowIfNull(pluginId);
        var plugin = runtime.Plugins.FirstOrDefault(p => p.Id == pluginId);
        if (plugin is null || !runtime.IsHealthy(pluginId) || depth > runtime.Plugins.Count)
        {
            return false;
        }

        return _rulesByPlugin.TryGetValue(pluginId, out var pluginRules)
            && pluginRules.Any(r => (r.School is null || r.School == school) && r.Dates.Contains(day))
            && plugin.Manifest.Dependencies.Where(d => !d.Optional).All(d => IsEnabled(d.Id, school, day, depth + 1));
    }
}
