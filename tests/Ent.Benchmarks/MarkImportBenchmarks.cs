using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Ent.Storage.Engines;
using Microsoft.Data.Sqlite;
using Npgsql;
using Record = Ent.Storage.Engines.Record;

namespace Ent.Benchmarks;

/// <summary>
/// Importing 1,000,000 marks in change sets of 10,000 (target ≥ 200,000 marks/s on each engine), beside a
/// naive baseline in the same run: one plain INSERT statement per mark, in the same transactions, into the
/// same table. Each operation writes a million marks into a fresh store, so two iterations and no warmup.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MarkImportBenchmarks
{
    private const int Total = 1_000_000;
    private const int BatchSize = 10_000;
    private Record[][] _batches = [];
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // Classes of 35 pupils with 300 assessments each (10 subjects × 30 marks): about 95 classes' gradebooks.
        var pupils = Enumerable.Range(0, 35).Select(_ => Guid.CreateVersion7()).ToArray();
        var marks = new List<Record>(Total);
        var @class = Guid.Empty;
        for (var n = 0; marks.Count < Total; n++)
        {
            @class = n % 300 == 0 ? Guid.CreateVersion7() : @class;
            marks.AddRange(MarkData.Assessment(@class, pupils, n).Take(Total - marks.Count));
        }

        _batches = marks.Chunk(BatchSize).ToArray();
        _folder = Directory.CreateTempSubdirectory("ent-bench-marks-").FullName;
    }

    [IterationCleanup]
    public void DropDatabases() => MarkData.DropPostgreSqlDatabasesAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SQLite")]
    public async Task SqliteRowByRowInserts()
    {
        var (_, services) = await MarkData.SqliteAsync(NewFile());
        await using var _ = services;
        await using var connection = new SqliteConnection($"Data Source={NewFileName};Pooling=False");
        await connection.OpenAsync();
        await Pragmas(connection);
        foreach (var batch in _batches)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var mark in batch)
            {
                await using var insert = MarkData.NaiveSqliteInsert(connection, transaction, mark);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    [Benchmark]
    [BenchmarkCategory("SQLite")]
    public async Task SqliteRecordStoreImport()
    {
        var (store, services) = await MarkData.SqliteAsync(NewFile());
        await using var _ = services;
        foreach (var batch in _batches)
        {
            await store.SaveAsync(MarkData.Department, new RecordChanges().InsertAll(batch));
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("PostgreSQL")]
    public async Task PostgreSqlRowByRowInserts()
    {
        var (_, services, connectionString) = await MarkData.PostgreSqlAsync();
        await using var _ = services;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var batch in _batches)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var mark in batch)
            {
                await using var insert = MarkData.NaivePostgreSqlInsert(connection, transaction, mark);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    [Benchmark]
    [BenchmarkCategory("PostgreSQL")]
    public async Task PostgreSqlRecordStoreImport()
    {
        var (store, services, _) = await MarkData.PostgreSqlAsync();
        await using var _ = services;
        foreach (var batch in _batches)
        {
            await store.SaveAsync(MarkData.Department, new RecordChanges().InsertAll(batch));
        }
    }

    private string NewFileName { get; set; } = string.Empty;

    private string NewFile() => NewFileName = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");

    internal static async Task Pragmas(SqliteConnection connection)
    {
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;";
        await pragmas.ExecuteNonQueryAsync();
    }
}
