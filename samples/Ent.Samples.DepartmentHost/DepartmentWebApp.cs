using System.Net;
using Ent.Core.Calendar;
using Ent.Hosting.AspNetCore;
using Ent.Samples.DepartmentHost.Generation;
using Ent.Sdk.Demo;
using Ent.Sdk.Diagnostics;
using Ent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Samples.DepartmentHost;

/// <summary>
/// The department's web ENT: Ent on ASP.NET Core, on 127.0.0.1, with the demonstration school seeded and its plugins'
/// demonstration data added, in demonstration mode unless told otherwise; it runs until stopped.
/// </summary>
internal static class DepartmentWebApp
{
    /// <summary>Runs the web ENT until <paramref name="stopping"/> is cancelled (Ctrl+C for the console).</summary>
    /// <param name="setup">The department's setup.</param>
    /// <param name="output">Where the URL is printed.</param>
    /// <param name="error">Where errors and warnings go.</param>
    /// <param name="time">The clock.</param>
    /// <param name="started">Told the address once the ENT listens (tests).</param>
    /// <param name="stopping">Stops the ENT.</param>
    /// <returns>The exit code: 0 stopped, 1 refused to start, 2 a bad value.</returns>
    public static async Task<int> RunAsync(DepartmentSetup setup, TextWriter output, TextWriter error, TimeProvider time, Action<Uri>? started, CancellationToken stopping)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ErrorWriterLoggerProvider(error));
        // The session keys are kept in the department's database, unencrypted there as its other secrets: said in docs/hosting.md, not at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, setup.Arguments.Port));
        var clock = new TravellingClock(time); // reads the real time, except where the generator dates its data
        builder.Services.AddSingleton<TimeProvider>(clock);
        var today = SchoolTime.Today(time, TimeZoneInfo.FindSystemTimeZoneById(setup.Configuration.TimeZone));
        WebApplication app;
        try
        {
            builder.Services.AddEnt(setup.Configure);
            builder.Services.AddEntWeb(web =>
            {
                web.Demo = setup.Arguments.Demo;
                web.SecureCookies = false; // served on loopback over HTTP; behind a TLS proxy, a department turns it on
                web.SignInAttemptsPerMinute = setup.Configuration.Web?.SignInAttemptsPerMinute ?? web.SignInAttemptsPerMinute;
                if (setup.Configuration.Web?.OpenIdConnect is { } oidc)
                {
                    web.OpenIdConnect = DepartmentConfiguration.ToOptions(oidc, setup.Department.Id);
                }

                foreach (var persona in Personas(setup, today))
                {
                    web.DemoPersonas.Add(persona);
                }
            });
            app = builder.Build();
        }
        catch (PluginCompositionException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            app.MapEnt();
            // Stopped by the caller (Ctrl+C) or by the host's lifetime, which takes the process's SIGTERM (systemd, docker stop).
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, app.Lifetime.ApplicationStopping);
            try
            {
                await app.StartAsync(stopping).ConfigureAwait(false);
                await SeedAsync(app.Services, setup, clock, output, error, either.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is StorageException or IOException or Microsoft.Extensions.Options.OptionsValidationException)
            {
                await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return 1;
            }
            catch (OperationCanceledException) when (either.IsCancellationRequested)
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false); // stopped while generating: what is generated is kept, the rest comes next time
                return 0;
            }

            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
            await output.WriteLineAsync($"ENT — {setup.Department.Name} ({setup.Department.Code}): {address}{(setup.Arguments.Demo ? " (démonstration / demonstration)" : string.Empty)}").ConfigureAwait(false);
            await output.WriteLineAsync($"Données / data: {setup.DataLocation}. Ctrl+C pour arrêter / to stop.").ConfigureAwait(false);
            started?.Invoke(address);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The demonstration's personas: the teacher, a pupil, her parent, the CPE (vie scolaire), the head of school and the department's administrator.</summary>
    private static IEnumerable<DemoPersona> Personas(DepartmentSetup setup, DateOnly today)
    {
        var department = setup.Department.Id;
        yield return new DemoPersona("teacher", DemoSchool.PersonOf(department, today, "teacher"), "Professeure de mathématiques, 5e B", "Mathematics teacher, 5e B");
        yield return new DemoPersona("pupil", DemoSchool.PersonOf(department, today, "lina"), "Élève de 5e B", "Pupil in 5e B");
        yield return new DemoPersona("parent", DemoSchool.PersonOf(department, today, "parent"), "Parent de Lina Benali", "Lina Benali's parent");
        yield return new DemoPersona("cpe", DemoSchool.PersonOf(department, today, "staff"), "Conseiller principal d'éducation (vie scolaire)", "Senior education adviser (attendance office)");
        yield return new DemoPersona("head", DemoSchool.PersonOf(department, today, "head"), "Principale du collège", "Head of the collège");
        yield return new DemoPersona("admin", DemoSchool.PersonOf(department, today, "admin"), "Administratrice du département", "The department's administrator");
    }

    /// <summary>
    /// Seeds the demonstration school and asks every plugin on there for its demonstration data (a plugin's failure is reported,
    /// not fatal); then, for <c>--scale department</c>, generates the rest of the department.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, DepartmentSetup setup, TravellingClock clock, TextWriter output, TextWriter error, CancellationToken stopping)
    {
        var demo = await DemoSchool.SeedAsync(services, setup.Department, setup.Schools, clock).ConfigureAwait(false);
        var context = new DemoContext(demo.School, demo.Class, demo.Course, demo.Teacher, demo.Learners, demo.Period);
        await DemoContributions.RunAsync(services, demo.School.Id, (contributor, token) => contributor.ContributeAsync(context, token), where: null, error, CancellationToken.None).ConfigureAwait(false);

        if (setup.Shape is not null)
        {
            await new DepartmentGenerator(services, setup, clock, output, error).GenerateAsync(demo, stopping).ConfigureAwait(false);
        }
    }
}
