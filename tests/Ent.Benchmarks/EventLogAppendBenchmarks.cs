using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Storage.PostgreSql;
using Ent.Storage.Schema;
using Ent.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ent.Benchmarks;

/// <summary>
/// Appending 1,000,000 domain events in batches of 10,000 (target ≥ 100,000 events/s on each engine),
/// beside a naive baseline in the same run: one plain INSERT statement per event, in the same batch
/// transactions. The PostgreSQL pair needs ENT_TEST_POSTGRES (see the README). Each operation writes a
/// million events (seconds to minutes), so two measured iterations and no warmup are enough.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EventLogAppendBenchmarks
{
    private const int Total = 1_000_000;
    private const int BatchSize = 10_000;
    private DomainEvent[][] _batches = [];
    private string _folder = string.Empty;
    private string? _postgres;

    [GlobalSetup]
    public void Setup()
    {
        var department = DepartmentId.New();
        var schools = Enumerable.Range(0, 125).Select(_ => SchoolId.New()).ToArray();
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        _batches = Enumerable.Range(0, Total / BatchSize).Select(b => Enumerable.Range(0, BatchSize).Select(i =>
        {
            var n = b * BatchSize + i;
            var at = start.AddSeconds(n);
            return (DomainEvent)new ActivityProgressRecorded(PersonId.New(), department, schools[n % schools.Length], at, CourseId.New(),
                new ActivityProgress(PersonId.New(), ActivityId.New(), CompletionStatus.Completed, at, [new ScoreEvidence(new Score(n % 21, 20))]));
        }).ToArray()).ToArray();
        _folder = Directory.CreateTempSubdirectory("ent-bench-events-").FullName;
        _postgres = Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES");
    }

    [IterationCleanup]
    public void DropDatabases() => MarkData.DropPostgreSqlDatabasesAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SQLite")]
    public async Task SqliteRowByRowInserts()
    {
        var database = await NewSqliteAsync();
        await using var connection = await database.ConnectAsync();
        foreach (var batch in _batches)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var e in batch)
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO ent_events (id, department, school, actor, occurred_at, category, type, object_kind, object_id, payload) VALUES ($id, $d, $s, $a, {e.OccurredAt.UtcTicks}, {(int)e.Category}, '{e.GetType().Name}', '{e.Object.Kind}', $o, $p)";
                insert.Parameters.AddWithValue("$id", e.Id.Value.ToByteArray());
                insert.Parameters.AddWithValue("$d", e.Department.Value.ToByteArray());
                insert.Parameters.AddWithValue("$s", e.School!.Value.Value.ToByteArray());
                insert.Parameters.AddWithValue("$a", e.Actor.Value.ToByteArray());
                insert.Parameters.AddWithValue("$o", e.Object.Id.ToByteArray());
                insert.Parameters.AddWithValue("$p", System.Text.Json.JsonSerializer.Serialize(e, e.GetType()));
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    [Benchmark]
    [BenchmarkCategory("SQLite")]
    public async Task SqliteEventLogAppend()
    {
        var log = new SqliteEventLog(await NewSqliteAsync());
        foreach (var batch in _batches)
        {
            await log.AppendAsync(batch);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("PostgreSQL")]
    public async Task PostgreSqlRowByRowInserts()
    {
        await using var database = await NewPostgreSqlAsync();
        await using var connection = await database.ConnectAsync();
        foreach (var batch in _batches)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var e in batch)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO ent.events (id, department_id, school_id, actor_id, occurred_at, category, type, object_kind, object_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)",
                    connection, transaction);
                foreach (var value in new object[] { e.Id.Value, e.Department.Value, e.School!.Value.Value, e.Actor.Value, e.OccurredAt, (short)e.Category, e.GetType().Name, e.Object.Kind, e.Object.Id, System.Text.Json.JsonSerializer.Serialize(e, e.GetType()) })
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    [Benchmark]
    [BenchmarkCategory("PostgreSQL")]
    public async Task PostgreSqlEventLogAppend()
    {
        await using var database = await NewPostgreSqlAsync();
        var log = new PostgreSqlEventLog(database);
        foreach (var batch in _batches)
        {
            await log.AppendAsync(batch);
        }
    }

    /// <summary>
    /// The same million events from two writers at once, as a host's concurrent requests append them: each batch
    /// is still one transaction, and the server indexes the two streams on two cores.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("PostgreSQL")]
    public async Task PostgreSqlEventLogAppendTwoWriters()
    {
        await using var database = await NewPostgreSqlAsync();
        var log = new PostgreSqlEventLog(database);
        var next = -1;
        async Task Writer()
        {
            for (var batch = Interlocked.Increment(ref next); batch < _batches.Length; batch = Interlocked.Increment(ref next))
            {
                await log.AppendAsync(_batches[batch]);
            }
        }

        await Task.WhenAll(Task.Run(Writer), Task.Run(Writer));
    }

    private async Task<SqliteDatabase> NewSqliteAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"), TimeProvider.System);
        await database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = SqliteEventLog.Migrations });
        return database;
    }

    private async Task<PostgreSqlDatabase> NewPostgreSqlAsync()
    {
        var server = _postgres ?? throw new InvalidOperationException("Set ENT_TEST_POSTGRES to run the PostgreSQL benchmarks (see the README).");
        var name = "ent_bench_" + Guid.NewGuid().ToString("N");
        MarkData.Track(name);
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var database = new PostgreSqlDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
        await database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = PostgreSqlEventLog.Migrations });
        return database;
    }
}
