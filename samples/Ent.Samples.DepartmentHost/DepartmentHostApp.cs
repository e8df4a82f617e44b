using Ent.Core.Calendar;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Sdk;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Views;
using Ent.Storage;
using Ent.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Samples.DepartmentHost;

/// <summary>The department host: configuration, composition, a demonstration class, and the report.</summary>
internal static class DepartmentHostApp
{
    /// <summary>The program: the web ENT, or with <c>--report</c> (or <c>--help</c>) the console report.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the URL or the report goes.</param>
    /// <param name="error">Where errors and the host's warnings go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="stopping">Stops the web ENT.</param>
    /// <param name="dataDirectory">Where relative data paths go; <see cref="DepartmentSetup.DefaultDataDirectory"/> when null.</param>
    /// <param name="started">Told the web ENT's address once it listens.</param>
    /// <param name="shape">The department <c>--scale department</c> generates; <see cref="Generation.DepartmentShape.RealSize"/> when null.</param>
    public static async Task<int> MainAsync(
        string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken stopping, string? dataDirectory = null, Action<Uri>? started = null, Generation.DepartmentShape? shape = null)
    {
        DepartmentSetup setup;
        try
        {
            var arguments = HostArguments.Parse(args);
            if (arguments.Help || arguments.Report)
            {
                return await RunAsync(args, output, error, time, dataDirectory).ConfigureAwait(false);
            }

            setup = DepartmentSetup.Of(arguments, ConfigurationOf(arguments), dataDirectory, time, shape);
        }
        catch (ConfigurationException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        return await DepartmentWebApp.RunAsync(setup, output, error, time, started, stopping).ConfigureAwait(false);
    }

    /// <summary>Runs the console report: what loaded, the demonstration, the views and the usage.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where errors and the host's warnings go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="dataDirectory">Where relative data paths and the demonstration documents go; <see cref="DepartmentSetup.DefaultDataDirectory"/> when null.</param>
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

            configuration = ConfigurationOf(arguments);
        }
        catch (ConfigurationException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        var setup = DepartmentSetup.Of(arguments, configuration, dataDirectory);
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton(time);
        builder.Services.AddLogging(logging => logging.AddProvider(new ErrorWriterLoggerProvider(error)));
        builder.Services.AddSingleton<UsageCounter>();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>>(sp => sp.GetRequiredService<UsageCounter>());
        try
        {
            setup.Configure(builder.Ent);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        var (department, schools, directories, dataFile, postgreSql, dataRoot) = (setup.Department, setup.Schools, setup.Directories, setup.DataLocation, setup.PostgreSql, setup.DataRoot);
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
        await report.DemoContributionsAsync(host, demo, Path.Combine(demoParent, "demo")).ConfigureAwait(false); // the plugins' data first, so that the strategies propose from it
        await report.DemoAsync(host, demo).ConfigureAwait(false);
        report.Views(host.Services.GetRequiredService<IViewCatalog>());
        report.Usage(host.Services.GetRequiredService<UsageCounter>(),
            await host.Services.GetRequiredService<IEventLog>().CountByCategoryAsync(new EventLogQuery(department.Id)).ConfigureAwait(false));
    }

    private static DepartmentConfiguration ConfigurationOf(HostArguments arguments) =>
        arguments.ConfigPath is { } path ? DepartmentConfiguration.Parse(ReadConfiguration(path), path) : DepartmentConfiguration.Embedded();

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
