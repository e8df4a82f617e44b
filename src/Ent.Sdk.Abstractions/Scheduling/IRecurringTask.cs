using Ent.Core.Organisation;

namespace Ent.Sdk.Scheduling;

/// <summary>
/// Work a plugin runs on its own every so often while the host runs: reminders before a deadline, a nightly tidy-up. Registered with
/// <see cref="Plugins.PluginServiceContext.AddRecurringTask{TTask}"/>; the host runs it after the plugins have started, one run at a
/// time (a run still going when the next is due is not started twice), and no more once they stop. A run that throws is logged and
/// the next one comes all the same: a plugin's failure never takes the host down. The task reads and writes its plugin's documents
/// in <see cref="Operations.IOperations.BeginForTaskAsync"/>, school by school.
/// </summary>
public interface IRecurringTask
{
    /// <summary>Runs once.</summary>
    /// <param name="run">When it runs, and the schools its plugin is on in today.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    Task RunAsync(RecurringTaskRun run, CancellationToken cancellationToken);
}

/// <summary>One run of a recurring task.</summary>
/// <param name="Now">When it runs (the host's clock).</param>
/// <param name="Schools">The schools, of every department of the directory, that the task's plugin is on in today.</param>
public sealed record RecurringTaskRun(DateTimeOffset Now, IReadOnlyList<School> Schools);

/// <summary>A plugin's recurring task and how often it runs, as <see cref="Plugins.PluginServiceContext.AddRecurringTask{TTask}"/> registers it.</summary>
/// <param name="Task">The task's type, registered as a singleton.</param>
/// <param name="Every">How often it runs, from 1 minute to 1 day; the first run comes one interval after the host starts.</param>
public sealed record RecurringTaskSchedule(Type Task, TimeSpan Every)
{
    /// <summary>The shortest and longest interval.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1), Longest = TimeSpan.FromDays(1);
}
