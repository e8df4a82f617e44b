using System.Diagnostics;
using System.Reflection;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>The main command as a process of its own, stopped the way a service manager stops it.</summary>
public sealed class MainCommandProcessTests
{
    private static readonly string PluginArtifacts = typeof(MainCommandProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EntPlugins").Value!;

    [SkippableFact]
    public async Task The_web_ENT_stops_cleanly_on_SIGTERM_as_systemd_or_docker_stop_send_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is a POSIX signal.");
        var data = Directory.CreateTempSubdirectory("ent-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Ent.Samples.DepartmentHost.dll"), "--plugins", PluginArtifacts, "--port", "0", "--data", Path.Combine(data, "department.db") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ENT_DATA_DIR"] = data },
        };
        using var host = Process.Start(start)!;
        try
        {
            using var waiting = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            string? line;
            do
            {
                line = await host.StandardOutput.ReadLineAsync(waiting.Token);
            }
            while (line is not null && !line.StartsWith("ENT — ", StringComparison.Ordinal));

            Assert.NotNull(line); // it served
            using (var kill = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(waiting.Token);
            }

            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.WaitForExitAsync(stopping.Token);
            Assert.Equal(0, host.ExitCode);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            Directory.Delete(data, recursive: true);
        }
    }
}
