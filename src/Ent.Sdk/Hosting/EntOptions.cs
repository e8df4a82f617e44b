namespace Ent.Sdk.Hosting;

/// <summary>How an Ent host composes its plugins. Validated when the host is composed.</summary>
public sealed class EntOptions
{
    /// <summary>The directories whose sub-folders are plugin folders.</summary>
    public IList<string> PluginDirectories { get; } = [];

    /// <summary>When true, any plugin problem stops the host from starting, with every diagnostic listed; otherwise the host starts with the healthy plugins.</summary>
    public bool Strict { get; set; }

    /// <summary>
    /// Whether plugins load into collectible contexts, released when the host is disposed; true by default.
    /// A host that composes once and never unloads may turn it off: code in a collectible context does not
    /// get the runtime's dynamic profile-guided optimisation, and plugin code runs a little faster without it
    /// (see the service-call benchmark).
    /// </summary>
    public bool UnloadablePlugins { get; set; } = true;

    /// <summary>The department's IANA time zone, which tells "today" for enablement and rights; <c>Europe/Paris</c> by default.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>
    /// How long a plugin's <c>StartAsync</c> may take (30 seconds by default). A plugin that has not returned by then is
    /// marked failed with diagnostic ENT062 (its cancellation token is cancelled) and the others start; a strict host stops.
    /// </summary>
    public TimeSpan PluginStartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a plugin's <c>StopAsync</c> may take (30 seconds by default); past it, a warning (ENT061) and the others stop.</summary>
    public TimeSpan PluginStopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options.</summary>
    /// <returns>The problems found, each naming the offending value; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var directory in PluginDirectories)
        {
            if (string.IsNullOrWhiteSpace(directory) || directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                problems.Add($"PluginDirectories: '{directory}' is not a directory path.");
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? string.Empty, out _))
        {
            problems.Add($"TimeZone: '{TimeZone}' is not a known time zone (e.g. Europe/Paris, America/Cayenne, Indian/Reunion).");
        }

        foreach (var (name, value) in new[] { (nameof(PluginStartTimeout), PluginStartTimeout), (nameof(PluginStopTimeout), PluginStopTimeout) })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            {
                problems.Add($"{name}: '{value}' must be more than zero and at most one hour.");
            }
        }

        return problems;
    }
}
