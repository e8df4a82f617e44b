using Ent.Core.Calendar;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Rollout;
using Ent.Sdk.Views;
using Ent.Storage;
using Ent.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Samples.DepartmentHost;

/// <summary>The department host: configuration, composition, a demonstration class, and the report.</summary>
internal static class DepartmentHostApp
{
    /// <summary>Runs the host.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where errors and the host's warnings go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="dataDirectory">Where relative data paths and the demonstration documents go; <see cref="DefaultDataDirectory"/> when null.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, string? dataDirectory = null)
    {
        HostArguments arguments;
        DepartmentConfiguration configuration;
        try
        {
            arguments = HostArguments.Parse(args);
            if (arguments.Help)
            {
                await output.WriteLineAsync(HostArguments.Usage).ConfigureAwait(false);
                return 0;
            }

            configuration = arguments.ConfigPath is { } path
                ? DepartmentConfiguration.Parse(ReadConfiguration(path), path)
                : DepartmentConfiguration.Embedded();
        }
        catch (ConfigurationException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        var department = new Department(new DepartmentId(configuration.Department.Id), configuration.Department.Code, configuration.Department.Name);
        var schools = configuration.Schools.Select(s => new School(new SchoolId(DemoSchool.DerivedId(department.Id, Uai.Parse(s.Uai).ToString())), department.Id, Uai.Parse(s.Uai), s.Name)).ToArray();
        // Relative paths of a configuration file are taken from its folder; those of the embedded one from the host's
        // folder (where the build puts the plugin folders), its data file from the data directory.
        var configurationFolder = arguments.ConfigPath is { } configPath ? Path.GetDirectoryName(Path.GetFullPath(configPath))! : AppContext.BaseDirectory;
        var dataRoot = dataDirectory ?? (arguments.ConfigPath is null ? DefaultDataDirectory() : configurationFolder);
        var dataFile = arguments.DataFile ?? Path.GetFullPath(configuration.DataFile ?? "department.db", dataRoot);
        var directories = arguments.PluginDirectories.Count > 0
            ? arguments.PluginDirectories
            : configuration.PluginDirectories.Select(d => Path.GetFullPath(d, configurationFolder)).ToArray();

        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton(time);
        builder.Services.AddLogging(logging => logging.AddProvider(new ErrorWriterLoggerProvider(error)));
        builder.Services.AddSingleton<UsageCounter>();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>>(sp => sp.GetRequiredService<UsageCounter>());
        builder.Ent.Options.TimeZone = configuration.TimeZone;
        builder.Ent.UseConfiguration(configuration.PluginSettings()); // plugins:<plugin id>, checked when the host starts
        builder.Ent.UseStrictPlugins(arguments.Strict || configuration.Strict);
        if (configuration.ViewOverrides is { } overrides)
        {
            builder.Ent.UseViewOverrides(Path.GetFullPath(overrides, configurationFolder));
        }

        var postgreSql = arguments.PostgreSql ?? configuration.PostgreSql;
        try
        {
            if (postgreSql is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
                builder.Ent.UseSqlite(dataFile);
            }
            else
            {
                builder.Ent.UsePostgreSql(postgreSql);
                dataFile = PostgreSqlLocation(postgreSql);
            }
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        foreach (var directory in directories)
        {
            builder.Ent.AddPluginDirectory(directory);
        }

        foreach (var rule in configuration.Enablement)
        {
            if (rule.Schools is null or { Count: 0 })
            {
                builder.Ent.EnablePlugin(rule.Plugin, rule.From, rule.Until);
                continue;
            }

            foreach (var uai in rule.Schools)
            {
                builder.Ent.EnablePlugin(rule.Plugin, schools.Single(s => s.Uai == Uai.Parse(uai)).Id, rule.From, rule.Until);
            }
        }

        foreach (var wave in configuration.Waves ?? [])
        {
            builder.Ent.AddRolloutWave(new RolloutWave(wave.Name, wave.Start, [.. wave.Schools!.Select(uai => schools.Single(s => s.Uai == Uai.Parse(uai)).Id)], wave.Plugins!));
        }

        var report = new HostReport(output, arguments.Language == "en" ? HostReport.English : HostReport.French);
        EntHost host;
        try
        {
            host = builder.Build();
            await host.StartAsync().ConfigureAwait(false);
        }
        catch (PluginCompositionException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 1;
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }
        catch (StorageException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 1;
        }

        await using (host.ConfigureAwait(false))
        {
            try
            {
                await RunDemoAsync(host, report, department, schools, directories, dataFile, postgreSql is null ? Path.GetDirectoryName(dataFile)! : dataRoot, time).ConfigureAwait(false);
            }
            catch (StorageException exception)
            {
                // A store found corrupt or lost while running: said plainly, no stack trace, nothing more written.
                await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return 1;
            }
        }

        return 0;
    }

    private static async Task RunDemoAsync(EntHost host, HostReport report, Department department, School[] schools, IReadOnlyList<string> directories, string dataFile, string demoParent, TimeProvider time)
    {
        var demo = await DemoSchool.SeedAsync(host.Services, department, schools, time).ConfigureAwait(false);
        var today = SchoolTime.Today(time, host.Services.GetRequiredService<TimeZoneInfo>());
        report.Header(department, EntSdkInfo.Version.ToString(), directories, dataFile);
        report.Plugins(host.Runtime);
        report.Enablement(host, schools, today);
        await report.DemoAsync(host, demo).ConfigureAwait(false);
        await report.DemoContributionsAsync(host, demo, Path.Combine(demoParent, "demo")).ConfigureAwait(false);
        report.Views(host.Services.GetRequiredService<IViewCatalog>());
        report.Usage(host.Services.GetRequiredService<UsageCounter>(),
            await host.Services.GetRequiredService<IEventLog>().CountByCategoryAsync(new EventLogQuery(department.Id)).ConfigureAwait(false));
    }

    /// <summary>
    /// Where the host keeps its data unless told otherwise: <c>ENT_DATA_DIR</c> when set, else the user's local data
    /// folder (<c>~/.local/share/Ent</c> on Linux, <c>%LOCALAPPDATA%\Ent</c> on Windows); never inside the build output.
    /// </summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("ENT_DATA_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Ent");

    /// <summary>Where the data is, for the report: the server and database, never the password.</summary>
    private static string PostgreSqlLocation(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string ReadConfiguration(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"Cannot read the configuration '{path}': {exception.Message}");
        }
    }
}
