using Ent.Core.Identifiers;
using Ent.Core.Calendar;
using Ent.Core.Organisation;
using Ent.Samples.DepartmentHost.Generation;
using Ent.Sdk.Hosting;
using Ent.Sdk.Rollout;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Samples.DepartmentHost;

/// <summary>
/// What the command line and the configuration file say about the department, resolved once: its schools, where its data
/// and plugins are, and how Ent is configured for it. Shared by the web ENT and the console report.
/// </summary>
internal sealed record DepartmentSetup(
    HostArguments Arguments, DepartmentConfiguration Configuration, Department Department, School[] Schools, IReadOnlyList<string> Directories,
    string DataFile, string? PostgreSql, string DataRoot, string ConfigurationFolder)
{
    /// <summary>The generated department's shape (<c>--scale department</c>), or null for the configured schools alone.</summary>
    public DepartmentShape? Shape { get; init; }

    /// <summary>A generated department's rollout waves (the seed scenario's over all its schools), which replace the configured ones.</summary>
    public IReadOnlyList<RolloutWave>? GeneratedWaves { get; init; }

    /// <summary>Where the data is, for people to read: the SQLite file, or the PostgreSQL server and database (never the password).</summary>
    public string DataLocation => PostgreSql is null ? DataFile : PostgreSqlLocation(PostgreSql);

    /// <summary>Resolves the department's setup.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="dataDirectory">Where relative data paths go; <see cref="DefaultDataDirectory"/> when null.</param>
    /// <param name="time">The clock: a generated department's first wave began at the start of the school year before today's.</param>
    /// <param name="shape">The generated department's shape when <c>--scale department</c> asks for one; <see cref="DepartmentShape.RealSize"/> by default.</param>
    public static DepartmentSetup Of(HostArguments arguments, DepartmentConfiguration configuration, string? dataDirectory, TimeProvider? time = null, DepartmentShape? shape = null)
    {
        var department = new Department(new DepartmentId(configuration.Department.Id), configuration.Department.Code, configuration.Department.Name);
        var schools = configuration.Schools.Select(s => new School(new SchoolId(DemoSchool.DerivedId(department.Id, Uai.Parse(s.Uai).ToString())), department.Id, Uai.Parse(s.Uai), s.Name) { Address = s.Address }).ToArray();
        // Relative paths of a configuration file are taken from its folder; those of the embedded one from the host's
        // folder (where the build puts the plugin folders), its data file from the data directory.
        var configurationFolder = arguments.ConfigPath is { } configPath ? Path.GetDirectoryName(Path.GetFullPath(configPath))! : AppContext.BaseDirectory;
        var dataRoot = dataDirectory ?? (arguments.ConfigPath is null ? DefaultDataDirectory() : configurationFolder);
        var dataFile = arguments.DataFile ?? Path.GetFullPath(configuration.DataFile ?? "department.db", dataRoot);
        var directories = arguments.PluginDirectories.Count > 0
            ? arguments.PluginDirectories
            : configuration.PluginDirectories.Select(d => Path.GetFullPath(d, configurationFolder)).ToArray();
        var setup = new DepartmentSetup(arguments, configuration, department, schools, directories, dataFile, arguments.PostgreSql ?? configuration.PostgreSql, dataRoot, configurationFolder);
        if (arguments.Scale != DemoScale.Department)
        {
            return setup;
        }

        // A department in its second year of rollout: the first wave began the September before this school year's, so that
        // by this term five waves are on, each for longer than the next, and the others are still to come.
        shape ??= DepartmentShape.RealSize;
        var today = SchoolTime.Today(time ?? TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(configuration.TimeZone));
        var firstWave = new DateOnly(today.Month >= 9 ? today.Year - 1 : today.Year - 2, 9, 1);
        var all = shape.SchoolsOf(department, schools);
        var plugins = (configuration.Waves ?? []).SelectMany(w => w.Plugins!).Distinct(StringComparer.Ordinal).ToArray();
        return setup with { Shape = shape, Schools = all, GeneratedWaves = plugins.Length == 0 ? [] : shape.Waves(all, plugins, firstWave) };
    }

    /// <summary>Configures Ent for the department: time zone, plugin settings, strictness, views, storage, plugin folders, enablement and waves.</summary>
    /// <exception cref="ArgumentException">A value Ent refuses; the message names it.</exception>
    /// <exception cref="IOException">The data file's folder cannot be created.</exception>
    public void Configure(EntBuilder ent)
    {
        ent.Options.TimeZone = Configuration.TimeZone;
        ent.UseConfiguration(Configuration.PluginSettings()); // plugins:<plugin id>, checked when the host starts
        ent.UseStrictPlugins(Arguments.Strict || Configuration.Strict);
        if (Configuration.ViewOverrides is { } overrides)
        {
            ent.UseViewOverrides(Path.GetFullPath(overrides, ConfigurationFolder));
        }

        if (PostgreSql is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DataFile)!);
            ent.UseSqlite(DataFile);
        }
        else
        {
            ent.UsePostgreSql(PostgreSql);
        }

        foreach (var directory in Directories)
        {
            ent.AddPluginDirectory(directory);
        }

        foreach (var rule in Configuration.Enablement)
        {
            if (rule.Schools is null or { Count: 0 })
            {
                ent.EnablePlugin(rule.Plugin, rule.From, rule.Until);
                continue;
            }

            foreach (var uai in rule.Schools)
            {
                ent.EnablePlugin(rule.Plugin, SchoolOf(uai).Id, rule.From, rule.Until);
            }
        }

        var waves = GeneratedWaves
            ?? [.. (Configuration.Waves ?? []).Select(wave => new RolloutWave(wave.Name, wave.Start, [.. wave.Schools!.Select(uai => SchoolOf(uai).Id)], wave.Plugins!))];
        foreach (var wave in waves)
        {
            ent.AddRolloutWave(wave);
        }
    }

    /// <summary>
    /// Where the host keeps its data unless told otherwise: <c>ENT_DATA_DIR</c> when set, else the user's local data
    /// folder (<c>~/.local/share/Ent</c> on Linux, <c>%LOCALAPPDATA%\Ent</c> on Windows); never inside the build output.
    /// </summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("ENT_DATA_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Ent");

    private School SchoolOf(string uai) => Schools.Single(s => s.Uai == Uai.Parse(uai));

    private static string PostgreSqlLocation(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
