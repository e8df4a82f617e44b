using System.Text.Json;
using System.Text.Json.Serialization;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Plugins;
using Ent.Sdk.Rollout;
using Microsoft.Extensions.Configuration;

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
    string? ViewOverrides = null,
    JsonElement? Plugins = null,
    IReadOnlyList<WaveSettings>? Waves = null,
    WebSettings? Web = null)
{
    /// <summary>The plugins' settings (the <c>plugins</c> object, one section per plugin id) as configuration, for <c>UseConfiguration</c>.</summary>
    public IConfiguration PluginSettings()
    {
        var json = Plugins is { ValueKind: JsonValueKind.Object } plugins ? $"{{\"plugins\":{plugins.GetRawText()}}}" : "{}";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return new ConfigurationBuilder().AddJsonStream(stream).Build();
    }

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

        if (configuration.Plugins is { } plugins && plugins.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            throw new ConfigurationException($"{source}: field 'plugins' must be an object with one section per plugin id, e.g. {{ \"ent.grading\": {{ \"RoundingStep\": 0.5 }} }}.");
        }

        if (configuration.Department.Id == Guid.Empty)
        {
            throw new ConfigurationException($"{source}: 'department.id' is required: a GUID that never changes, under which the department's data is stored.");
        }

        Check(source, "department", () => new Department(new DepartmentId(configuration.Department.Id), configuration.Department.Code, configuration.Department.Name));
        var uais = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < configuration.Schools.Count; i++)
        {
            var school = configuration.Schools[i];
            Uai uai;
            try
            {
                uai = Uai.Parse(school.Uai ?? string.Empty);
            }
            catch (FormatException exception)
            {
                throw new ConfigurationException($"{source}: field 'schools[{i}].uai' of school '{school.Name}': {exception.Message}");
            }

            if (!uais.Add(uai.Value))
            {
                throw new ConfigurationException($"{source}: field 'schools[{i}].uai': UAI {uai} is listed twice.");
            }

            Check(source, $"schools[{i}]", () => new School(SchoolId.New(), new DepartmentId(configuration.Department.Id), uai, school.Name) { Address = school.Address });
        }

        var rules = configuration.Enablement ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!PluginManifest.IsValidId(rule.Plugin))
            {
                throw new ConfigurationException($"{source}: field 'enablement[{i}].plugin': '{rule.Plugin}' is not a plugin id (lower-case letters, digits, '.' and '-', e.g. ent.grading).");
            }

            if (rule.Until is { } until && until < rule.From)
            {
                throw new ConfigurationException($"{source}: field 'enablement[{i}].until' of '{rule.Plugin}': {until:yyyy-MM-dd} is before its 'from', {rule.From:yyyy-MM-dd}.");
            }

            foreach (var uai in rule.Schools ?? [])
            {
                if (!Uai.TryParse(uai, out var parsed) || !uais.Contains(parsed.Value))
                {
                    throw new ConfigurationException($"{source}: field 'enablement[{i}].schools' of '{rule.Plugin}' names school '{uai}', which is not among the department's schools.");
                }
            }
        }

        var waves = configuration.Waves ?? [];
        var waveOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < waves.Count; i++)
        {
            var wave = waves[i];
            for (var j = 0; j < (wave.Schools ?? []).Count; j++)
            {
                var uai = wave.Schools![j];
                if (!Uai.TryParse(uai, out var parsed) || !uais.Contains(parsed.Value))
                {
                    throw new ConfigurationException($"{source}: field 'waves[{i}].schools[{j}]' of wave '{wave.Name}' names school '{uai}', which is not among the department's schools.");
                }

                if (!waveOf.TryAdd(parsed.Value, wave.Name))
                {
                    throw new ConfigurationException($"{source}: field 'waves[{i}].schools[{j}]': school {parsed} is in wave '{waveOf[parsed.Value]}' already; a school is in one wave.");
                }
            }

            Check(source, $"waves[{i}]", () => new RolloutWave(wave.Name, wave.Start, [.. (wave.Schools ?? []).Select(_ => SchoolId.New())], wave.Plugins ?? []));
        }

        if (configuration.Web?.SignInAttemptsPerMinute is < 1 and var limit)
        {
            throw new ConfigurationException($"{source}: field 'web.signInAttemptsPerMinute' is {limit}; it must be at least 1.");
        }

        if (configuration.Web?.OpenIdConnect is { } oidc)
        {
            var problems = ToOptions(oidc, new DepartmentId(configuration.Department.Id)).Validate();
            if (problems.Count > 0)
            {
                throw new ConfigurationException($"{source}: field 'web.openIdConnect': {problems[0].Replace("EntWebOptions.OpenIdConnect.", string.Empty, StringComparison.Ordinal)}");
            }
        }

        return configuration with { Enablement = rules, Waves = waves };
    }

    /// <summary>The adapter's options for the department's identity provider.</summary>
    public static Ent.Hosting.AspNetCore.EntOpenIdConnectOptions ToOptions(OpenIdConnectSettings settings, DepartmentId department) => new()
    {
        Authority = settings.Authority,
        ClientId = settings.ClientId ?? string.Empty,
        ClientSecret = settings.ClientSecret,
        Department = department,
        ExternalIdClaim = settings.ExternalIdClaim ?? "sub",
        DisplayName = settings.DisplayName ?? "ÉduConnect",
        RequireHttpsMetadata = settings.RequireHttpsMetadata,
    };

    /// <summary>Builds a domain value from the configuration, turning its refusal into one naming the file and the field.</summary>
    private static void Check(string source, string field, Action build)
    {
        try
        {
            build();
        }
        catch (ArgumentException exception)
        {
            throw new ConfigurationException($"{source}: field '{field}.{exception.ParamName?.Split(' ')[^1] ?? "?"}': {exception.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}

/// <summary>The department's identity; its id is stable, so that what is stored under it is found again at the next start.</summary>
internal sealed record DepartmentSettings(Guid Id, string Code, string Name);

/// <summary>A school of the department.</summary>
internal sealed record SchoolSettings(string Uai, string Name, string? Address = null);

/// <summary>A plugin turned on in some schools (all when none are listed) from a date.</summary>
internal sealed record EnablementSettings(string Plugin, IReadOnlyList<string>? Schools, DateOnly From, DateOnly? Until);

/// <summary>A wave of the rollout: its schools (by UAI) receive its plugins from its start.</summary>
internal sealed record WaveSettings(string Name, DateOnly Start, IReadOnlyList<string>? Schools, IReadOnlyList<string>? Plugins);

/// <summary>The web ENT's settings.</summary>
/// <param name="SignInAttemptsPerMinute">Sign-in attempts allowed per client address and minute (10 by default).</param>
/// <param name="OpenIdConnect">The department's identity provider, or null.</param>
internal sealed record WebSettings(int? SignInAttemptsPerMinute, OpenIdConnectSettings? OpenIdConnect = null);

/// <summary>The department's OpenID Connect provider, as its file names it.</summary>
/// <param name="Authority">The provider's address.</param>
/// <param name="ClientId">The ENT's client id there.</param>
/// <param name="ClientSecret">The ENT's client secret there.</param>
/// <param name="ExternalIdClaim">The claim holding a person's id there (<c>sub</c> by default), matched with the directory's external ids.</param>
/// <param name="DisplayName">The provider's name on the sign-in button.</param>
/// <param name="RequireHttpsMetadata">False only for a provider on loopback reached over HTTP.</param>
internal sealed record OpenIdConnectSettings(Uri? Authority, string? ClientId, string? ClientSecret, string? ExternalIdClaim, string? DisplayName, bool RequireHttpsMetadata = true);

/// <summary>A configuration or command-line problem; the message names the offending value.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
