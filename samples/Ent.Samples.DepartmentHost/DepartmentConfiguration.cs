using System.Text.Json;
using System.Text.Json.Serialization;
using Ent.Core.Organisation;

namespace Ent.Samples.DepartmentHost;

/// <summary>What a department configures: itself, its schools, its plugins and their rollout.</summary>
internal sealed record DepartmentConfiguration(
    DepartmentSettings Department,
    string? DataFile,
    string? PostgreSql,
    string TimeZone,
    bool Strict,
    IReadOnlyList<string> PluginDirectories,
    IReadOnlyList<SchoolSettings> Schools,
    IReadOnlyList<EnablementSettings> Enablement,
    string? ViewOverrides = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The defaults embedded in the host: a fictional Seine-Saint-Denis with three collèges.</summary>
    public static DepartmentConfiguration Embedded()
    {
        using var stream = typeof(DepartmentConfiguration).Assembly.GetManifestResourceStream("department.json")!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "embedded department.json");
    }

    /// <summary>Reads and checks a configuration; every problem names the offending value.</summary>
    public static DepartmentConfiguration Parse(string json, string source)
    {
        DepartmentConfiguration? configuration;
        try
        {
            configuration = JsonSerializer.Deserialize<DepartmentConfiguration>(json, Json);
        }
        catch (JsonException exception)
        {
            throw new ConfigurationException($"{source}: {exception.Message}");
        }

        if (configuration?.Department is null || configuration.Schools is null || configuration.PluginDirectories is null)
        {
            throw new ConfigurationException($"{source}: 'department', 'schools' and 'pluginDirectories' are required.");
        }

        if (configuration.Department.Id == Guid.Empty)
        {
            throw new ConfigurationException($"{source}: 'department.id' is required: a GUID that never changes, under which the department's data is stored.");
        }

        var uais = new HashSet<string>(StringComparer.Ordinal);
        foreach (var school in configuration.Schools)
        {
            Uai uai;
            try
            {
                uai = Uai.Parse(school.Uai ?? string.Empty);
            }
            catch (FormatException exception)
            {
                throw new ConfigurationException($"{source}: school '{school.Name}' has an invalid UAI: {exception.Message}");
            }

            if (!uais.Add(uai.Value))
            {
                throw new ConfigurationException($"{source}: UAI {uai} is listed twice.");
            }
        }

        foreach (var rule in configuration.Enablement ?? [])
        {
            foreach (var uai in rule.Schools ?? [])
            {
                if (!Uai.TryParse(uai, out var parsed) || !uais.Contains(parsed.Value))
                {
                    throw new ConfigurationException($"{source}: the enablement of '{rule.Plugin}' names school '{uai}', which is not among the department's schools.");
                }
            }
        }

        return configuration with { Enablement = configuration.Enablement ?? [] };
    }
}

/// <summary>The department's identity; its id is stable, so that what is stored under it is found again at the next start.</summary>
internal sealed record DepartmentSettings(Guid Id, string Code, string Name);

/// <summary>A school of the department.</summary>
internal sealed record SchoolSettings(string Uai, string Name);

/// <summary>A plugin turned on in some schools (all when none are listed) from a date.</summary>
internal sealed record EnablementSettings(string Plugin, IReadOnlyList<string>? Schools, DateOnly From, DateOnly? Until);

/// <summary>A configuration or command-line problem; the message names the offending value.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
