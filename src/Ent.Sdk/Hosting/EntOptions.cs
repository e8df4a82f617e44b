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

        return problems;
    }
}
