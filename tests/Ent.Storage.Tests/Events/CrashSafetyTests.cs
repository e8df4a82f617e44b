using System.Diagnostics;
using System.Reflection;
using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.Storage.Tests.Engines;

namespace Ent.Storage.Tests.Events;

/// <summary>
/// A child process writes batches and acknowledges each after its commit; the test kills it while it
/// writes (Process.Kill), reopens the store, and checks that every acknowledged batch is there, whole,
/// and that no batch is there in part: batches of events, and change sets of records.
/// </summary>
public abstract class CrashSafetyContract : EngineContract
{
    private static readonly DepartmentId Department = new(Guid.Parse("0193a000-0000-7000-8000-000000000093"));

    /// <summary>The crash writer's record schema, declared the same way in its process.</summary>
    private static readonly RecordSchema CrashMarks = RecordSchema.Create("crash.marks", s => s.Version(1, "Marks", v => v.CreateTable("marks", t => t
        .Key(Column.Id("assessment"), Column.Id("pupil"))
        .Columns(Column.Number("score", 0, 20)))));

    protected abstract string[] WriterArguments();

    [SkippableFact]
    public async Task A_writer_of_change_sets_killed_mid_set_loses_no_acknowledged_set_and_leaves_no_partial_one()
    {
        var acknowledged = await RunAndKillAsync(acknowledgementsBeforeKill: 12, "records");

        var store = (await Engine.OpenRecordStoresAsync(CrashMarks)).For(CrashMarks);
        var sets = (await store.QueryAsync(Department, RecordQuery.From(CrashMarks.Table("marks"))))
            .GroupBy(mark => mark.GetId("assessment")).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(acknowledged, set => Assert.True(sets.ContainsKey(set), $"Acknowledged change set {set} is missing after the crash."));
        Assert.All(sets, set => Assert.Equal(500, set.Value));
        Assert.InRange(sets.Count, acknowledged.Count, acknowledged.Count + 1);
    }

    [SkippableFact]
    public async Task A_writer_of_marks_and_their_events_killed_mid_commit_leaves_every_mark_with_its_event_and_no_event_without_its_mark()
    {
        var acknowledged = await RunAndKillAsync(acknowledgementsBeforeKill: 40, "outbox");

        var store = (await Engine.OpenRecordStoresAsync(CrashMarks)).For(CrashMarks);
        var marks = await store.QueryAsync(Department, RecordQuery.From(CrashMarks.Table("marks")));
        var events = (await ReadAllAsync(await Engine.OpenEventLogAsync())).Select(e => e.Object.Id).ToHashSet();
        var pupils = marks.Select(m => m.GetId("pupil")).ToHashSet();

        Assert.All(acknowledged, set => Assert.Contains(marks, m => m.GetId("assessment") == set));
        Assert.All(pupils, pupil => Assert.True(events.Contains(pupil), $"The mark of {pupil} was saved without its event."));
        Assert.All(events, pupil => Assert.True(pupils.Contains(pupil), $"The event about {pupil} describes a mark that was not saved."));
        Assert.All(marks.GroupBy(m => m.GetId("assessment")), set => Assert.Equal(30, set.Count()));
    }

    [SkippableFact]
    public async Task A_writer_killed_mid_batch_loses_no_acknowledged_batch_and_leaves_no_partial_one()
    {
        var acknowledged = await RunAndKillAsync(acknowledgementsBeforeKill: 12, "events");

        var batches = new Dictionary<Guid, int>();
        foreach (var e in await ReadAllAsync(await Engine.OpenEventLogAsync()))
        {
            batches[e.Object.Id] = batches.GetValueOrDefault(e.Object.Id) + 1;
        }

        Assert.True(acknowledged.Count >= 12, $"Only {acknowledged.Count} batches were acknowledged before the kill.");
        Assert.All(acknowledged, batch => Assert.True(batches.ContainsKey(batch), $"Acknowledged batch {batch} is missing after the crash."));
        Assert.All(batches, batch => Assert.Equal(500, batch.Value));
        // At most one batch more than acknowledged: the one committed as the kill landed, before its "ack" was printed.
        Assert.InRange(batches.Count, acknowledged.Count, acknowledged.Count + 1);
    }

    private static async Task<List<StoredEvent>> ReadAllAsync(IEventLog log)
    {
        var events = new List<StoredEvent>();
        var query = new EventLogQuery(Department) { Limit = 10_000 };
        while (true)
        {
            var page = await log.ReadAsync(query);
            events.AddRange(page);
            if (page.Count < query.Limit)
            {
                return events;
            }

            query = query with { AfterSequence = page[^1].Sequence };
        }
    }

    private async Task<List<Guid>> RunAndKillAsync(int acknowledgementsBeforeKill, string mode)
    {
        var writer = typeof(CrashSafetyContract).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "EntCrashWriter").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(writer);
        foreach (var argument in WriterArguments())
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(mode);

        using var process = Process.Start(start)!;
        var acknowledged = new List<Guid>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acknowledged.Add(Guid.Parse(line[4..]));
                    if (acknowledged.Count == acknowledgementsBeforeKill)
                    {
                        // The writer is already inside its next batch: kill it there, without any chance to clean up.
                        process.Kill(entireProcessTree: true);
                        break;
                    }
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Acknowledgements already in the pipe when the writer died were given before the kill: they count too.
        var rest = await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        foreach (var line in rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal) && Guid.TryParse(line[4..], out var batch))
            {
                acknowledged.Add(batch);
            }
        }

        if (acknowledged.Count < acknowledgementsBeforeKill)
        {
            Assert.Fail($"The writer stopped after {acknowledged.Count} batches: {await process.StandardError.ReadToEndAsync()}");
        }

        return acknowledged;
    }
}

public sealed class SqliteCrashSafetyTests : CrashSafetyContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();

    protected override string[] WriterArguments() => ["sqlite", ((SqliteEngine)Engine).Path];
}

public sealed class PostgreSqlCrashSafetyTests : CrashSafetyContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();

    protected override string[] WriterArguments() => ["postgresql", ((PostgreSqlEngine)Engine).ConnectionString];
}
