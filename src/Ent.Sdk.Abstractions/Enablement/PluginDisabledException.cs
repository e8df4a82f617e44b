using Ent.Core.Identifiers;

namespace Ent.Sdk.Enablement;

/// <summary>An operation of a plugin was asked for in a school where the department has not turned the plugin on that day.</summary>
public sealed class PluginDisabledException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="school">The school.</param>
    /// <param name="day">The day.</param>
    public PluginDisabledException(string pluginId, SchoolId school, DateOnly day)
        : base($"Plugin '{pluginId}' is off in school {school.Value} on {day:yyyy-MM-dd}: its operations are not offered there; nothing was read or written.")
    {
        PluginId = pluginId;
        School = school;
        Day = day;
    }

    /// <summary>The plugin.</summary>
    public string PluginId { get; }

    /// <summary>The school.</summary>
    public SchoolId School { get; }

    /// <summary>The day.</summary>
    public DateOnly Day { get; }
}
