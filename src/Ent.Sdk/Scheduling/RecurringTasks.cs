using Ent.Core.Calendar;
using Ent.Core.Organisation;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Sdk.Scheduling;

/// <summary>
/// Runs the plugins' recurring tasks on the host's clock while the plugins are started: a timer per task, one run at a time, each run
/// given the schools its plugin is on in today; a run that throws is logged and the next still comes. Stopping waits for the runs
/// under way (cancelled) and starts no more.
/// </summary>
internal sealed partial class RecurringTasks(IServiceProvider services, IEntRuntime runtime, IOrganisationDirectory directory, IPluginEnablement enablement,
    ISchoolCalendar calendar, TimeProvider time, ILogger<RecurringTasks> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Scheduled> _scheduled = [];
    private CancellationTokenSource _stopping = new();

    /// <summary>Starts a timer for each task of a started plugin (once; again after a stop).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_scheduled.Count > 0)
            {
                return;
            }

            if (_stopping.IsCancellationRequested)
            {
                _stopping.Dispose();
                _stopping = new CancellationTokenSource();
            }

            foreach (var schedule in services.GetServices<RecurringTaskSchedule>())
            {
                var plugin = runtime.PluginDefining(schedule.Task);
                if (plugin is null || !runtime.IsHealthy(plugin.Id))
                {
                    continue;
                }

                var scheduled = new Scheduled(schedule, plugin.Id);
                scheduled.Timer = time.CreateTimer(_ => Tick(scheduled), null, schedule.Every, schedule.Every);
                _scheduled.Add(scheduled);
            }
        }
    }

    /// <summary>Stops the timers and waits for the runs under way, which are cancelled.</summary>
    public async Task StopAsync()
    {
        Scheduled[] stopped;
        lock (_gate)
        {
            stopped = [.. _scheduled];
            _scheduled.Clear();
            _stopping.Cancel();
        }

        foreach (var scheduled in stopped)
        {
            await scheduled.Timer!.DisposeAsync().ConfigureAwait(false);
            if (scheduled.Running is { } running)
            {
                await running.ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Tick(Scheduled scheduled)
    {
        CancellationToken token;
        lock (_gate)
        {
            if (scheduled.Running is { IsCompleted: false } || _stopping.IsCancellationRequested)
            {
                return; // the previous run is still going, or the host is stopping
            }

            token = _stopping.Token;
            scheduled.Running = RunAsync(scheduled, token);
        }
    }

    private async Task RunAsync(Scheduled scheduled, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var today = calendar.Today;
            var schools = directory.Departments().SelectMany(d => directory.SchoolsOf(d.Id)).Where(s => enablement.IsEnabled(scheduled.Plugin, s.Id, today)).ToArray();
            var task = (IRecurringTask)services.GetRequiredService(scheduled.Schedule.Task);
            await task.RunAsync(new RecurringTaskRun(time.GetUtcNow(), schools), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the host is stopping
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, scheduled.Schedule.Task.Name, scheduled.Plugin);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The recurring task {Task} of {Plugin} failed; it runs again at its next time.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string task, string plugin);

    private sealed class Scheduled(RecurringTaskSchedule schedule, string plugin)
    {
        public RecurringTaskSchedule Schedule { get; } = schedule;

        public string Plugin { get; } = plugin;

        public ITimer? Timer { get; set; }

        public Task? Running { get; set; }
    }
}
