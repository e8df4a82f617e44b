using System.Collections.Concurrent;
using Ent.Core.Identifiers;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Operations;
using Ent.Sdk.Scheduling;
using Ent.Sdk.Tests.TestPlugins;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Tests.Scheduling;

/// <summary>
/// A plugin's recurring tasks, run by the host on its clock while the plugins are started: every interval, with the schools the plugin
/// is on in, writing the plugin's documents school by school; a run that throws is followed by the next; none after the host stops.
/// </summary>
public sealed class RecurringTaskTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_task_runs_every_interval_with_the_schools_its_plugin_is_on_in()
    {
        var runs = new Runs();
        await using var host = await StartAsync(runs);

        _world.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.True(runs.Seen.IsEmpty);
        _world.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await runs.NextAsync();
        _world.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await runs.NextAsync();

        Assert.Equal([_world.School.Id], first.Schools.Select(s => s.Id));
        Assert.Equal(TimeSpan.FromMinutes(15), second.Now - first.Now);
    }

    [Fact]
    public async Task A_task_keeps_its_plugins_documents_in_a_school_where_the_plugin_is_on_and_is_refused_where_it_is_off()
    {
        var runs = new Runs();
        await using var host = await StartAsync(runs);
        var task = host.Services.GetRequiredService<CountingTask>();
        var operations = host.Services.GetRequiredService<IOperations>();

        _world.Time.Advance(TimeSpan.FromMinutes(15));
        await runs.NextAsync();
        await using var work = await operations.BeginForTaskAsync(task, _world.School.Id);

        Assert.Single(await work.Documents<TickNote>().Where(t => t.School == _world.School.Id).ListAsync());
        Assert.Equal(Guid.Empty, work.Actor.Person.Value); // the platform
        await Assert.ThrowsAsync<PluginDisabledException>(() => operations.BeginForTaskAsync(task, _world.OtherSchool.Id));
    }

    [Fact]
    public async Task A_run_that_throws_is_followed_by_the_next_one()
    {
        var runs = new Runs { FailFirst = true };
        await using var host = await StartAsync(runs);

        _world.Time.Advance(TimeSpan.FromMinutes(15));
        await runs.NextAsync();
        _world.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await runs.NextAsync();

        Assert.Equal(2, runs.Count);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task No_task_runs_once_the_host_has_stopped()
    {
        var runs = new Runs();
        var host = await StartAsync(runs);

        await host.StopAsync();
        _world.Time.Advance(TimeSpan.FromHours(2));
        await host.DisposeAsync();

        Assert.Equal(0, runs.Count);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1441)]
    public async Task An_interval_outside_1_minute_to_1_day_fails_the_plugin_naming_it(double minutes)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddTestWorld(_world).AddInMemoryRecordStores();
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.AddRecurringTask<CountingTask>(TimeSpan.FromMinutes(minutes))), RecordingPlugin.Manifest("acme.ticks"));

        await using var host = builder.Build();

        Assert.Contains(host.Runtime.Diagnostics, d => d.PluginId == "acme.ticks" && d.Message.Contains($"{TimeSpan.FromMinutes(minutes)} is not that", StringComparison.Ordinal));
    }

    private async Task<EntHost> StartAsync(Runs runs)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddTestWorld(_world).AddInMemoryRecordStores();
        builder.Services.AddSingleton(runs);
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c
            .AddDocuments<TickNote>(d => d.Key(t => new { t.School, t.At }))
            .AddRecurringTask<CountingTask>(TimeSpan.FromMinutes(15))), RecordingPlugin.Manifest("acme.ticks"));
        builder.Ent.EnablePlugin("acme.ticks", _world.School.Id, new DateOnly(2026, 9, 1));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public sealed record TickNote(SchoolId School, DateTimeOffset At);

    /// <summary>What the task saw, run by run.</summary>
    internal sealed class Runs
    {
        private readonly SemaphoreSlim _ran = new(0);

        public ConcurrentQueue<RecurringTaskRun> Seen { get; } = new();

        public bool FailFirst { get; init; }

        public int Count => Seen.Count;

        public void Add(RecurringTaskRun run)
        {
            Seen.Enqueue(run);
            _ran.Release();
        }

        public async Task<RecurringTaskRun> NextAsync()
        {
            Assert.True(await _ran.WaitAsync(TimeSpan.FromSeconds(10)), "the task did not run");
            await Task.Delay(50); // its unit of work committed
            return Seen.Last();
        }
    }

    /// <summary>Notes each run in each school it is given, and records the run; fails its first run when told.</summary>
    internal sealed class CountingTask(IOperations operations, Runs runs) : IRecurringTask
    {
        public async Task RunAsync(RecurringTaskRun run, CancellationToken cancellationToken)
        {
            var first = runs.Count == 0;
            foreach (var school in run.Schools)
            {
                await using var work = await operations.BeginForTaskAsync(this, school.Id, cancellationToken);
                work.Documents<TickNote>().Add(new TickNote(school.Id, run.Now));
                await work.CommitAsync(cancellationToken);
            }

            runs.Add(run);
            if (first && runs.FailFirst)
            {
                throw new InvalidOperationException("the first run fails");
            }
        }
    }
}
