using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ent.Storage.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ent.Benchmarks;

/// <summary>
/// A teacher's daily operations on each engine, beside a naive baseline in the same run:
/// saving one assessment's 35 marks as one durable change set (target: median ≤ 5 ms; baseline: 35
/// statements each committed on its own), and reading a class's gradebook of 35 pupils × 10 subjects ×
/// 30 marks (target ≤ 5 ms; baseline: the same query read by column name into a dictionary per row).
/// Each is measured with a row per mark and with the layout the grading component uses, an assessment's
/// marks packed in its record (<see cref="PackedGradebook"/>).
/// The stores hold 21 such gradebooks (220,500 marks) before measuring.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MedianColumn]
public class MarkSaveAndReadBenchmarks
{
    private readonly Guid _class = Guid.CreateVersion7();
    private readonly Guid[] _pupils = Enumerable.Range(0, 35).Select(_ => Guid.CreateVersion7()).ToArray();
    private string _folder = string.Empty;
    private string _sqlitePath = string.Empty;
    private string _postgres = string.Empty;
    private IRecordStore _sqlite = null!;
    private IRecordStore _postgreSql = null!;
    private IRecordStore _sqlitePacked = null!;
    private IRecordStore _postgreSqlPacked = null!;
    private readonly List<ServiceProvider> _services = [];
    private int _n;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Directory.CreateTempSubdirectory("ent-bench-gradebook-").FullName;
        _sqlitePath = Path.Combine(_folder, "marks.db");
        var (sqlite, sqliteServices) = await MarkData.SqliteAsync(_sqlitePath);
        var (postgreSql, postgreSqlServices, connectionString) = await MarkData.PostgreSqlAsync();
        (_sqlite, _postgreSql, _postgres) = (sqlite, postgreSql, connectionString);
        _services.AddRange([sqliteServices, postgreSqlServices]);
        _sqlitePacked = sqliteServices.GetRequiredService<IRecordStores>().For(PackedGradebook.Schema);
        _postgreSqlPacked = postgreSqlServices.GetRequiredService<IRecordStores>().For(PackedGradebook.Schema);
        foreach (var @class in Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).Prepend(_class))
        {
            var gradebook = MarkData.Gradebook(@class);
            if (@class == _class)
            {
                gradebook = gradebook.Select((m, i) => m.With("pupil", _pupils[i % 35])).ToArray();
            }

            foreach (var store in new[] { _sqlite, _postgreSql })
            {
                await store.SaveAsync(MarkData.Department, new RecordChanges().InsertAll(gradebook));
            }

            var packed = PackedGradebook.Gradebook(@class, @class == _class ? _pupils : [.. Enumerable.Range(0, 35).Select(_ => Guid.CreateVersion7())]);
            foreach (var store in new[] { _sqlitePacked, _postgreSqlPacked })
            {
                await store.SaveAsync(MarkData.Department, new RecordChanges().InsertAll(packed));
            }
        }

        // What autovacuum does after a bulk load, so that the planner knows the table's size.
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand($"ANALYZE ent.\"{MarkData.Marks.PhysicalName}\"; ANALYZE ent.\"{PackedGradebook.Assessments.PhysicalName}\"", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        await MarkData.DropPostgreSqlDatabasesAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Save35-SQLite")]
    public async Task SqliteSave35OneCommitEach()
    {
        await using var connection = new SqliteConnection($"Data Source={_sqlitePath}");
        await connection.OpenAsync();
        await MarkImportBenchmarks.Pragmas(connection);
        foreach (var mark in MarkData.Assessment(_class, _pupils, _n++))
        {
            await using var insert = MarkData.NaiveSqliteInsert(connection, null, mark);
            await insert.ExecuteNonQueryAsync();
        }
    }

    [Benchmark]
    [BenchmarkCategory("Save35-SQLite")]
    public Task SqliteSave35ChangeSet() =>
        _sqlite.SaveAsync(MarkData.Department, new RecordChanges().InsertAll(MarkData.Assessment(_class, _pupils, _n++)));

    /// <summary>The 35 marks packed in their assessment's record, as the grading component keeps them.</summary>
    [Benchmark]
    [BenchmarkCategory("Save35-SQLite")]
    public Task SqliteSave35Packed() =>
        _sqlitePacked.SaveAsync(MarkData.Department, new RecordChanges().Insert(PackedAssessment()));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Save35-PostgreSQL")]
    public async Task PostgreSqlSave35OneCommitEach()
    {
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        foreach (var mark in MarkData.Assessment(_class, _pupils, _n++))
        {
            await using var insert = MarkData.NaivePostgreSqlInsert(connection, null, mark);
            await insert.ExecuteNonQueryAsync();
        }
    }

    [Benchmark]
    [BenchmarkCategory("Save35-PostgreSQL")]
    public Task PostgreSqlSave35ChangeSet() =>
        _postgreSql.SaveAsync(MarkData.Department, new RecordChanges().InsertAll(MarkData.Assessment(_class, _pupils, _n++)));

    /// <summary>The 35 marks packed in their assessment's record, as the grading component keeps them.</summary>
    [Benchmark]
    [BenchmarkCategory("Save35-PostgreSQL")]
    public Task PostgreSqlSave35Packed() =>
        _postgreSqlPacked.SaveAsync(MarkData.Department, new RecordChanges().Insert(PackedAssessment()));

    private Storage.Engines.Record PackedAssessment()
    {
        var n = _n++;
        return PackedGradebook.Assessments.NewRecord(
            Guid.CreateVersion7(), Guid.CreateVersion7(), MarkData.Subjects[n % MarkData.Subjects.Length], 1.0, MarkData.Start.AddMinutes(n),
            PackedGradebook.Pack([.. _pupils.Select((pupil, i) => (pupil, (double?)((n + i) % 21)))]));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Gradebook-SQLite")]
    public async Task<int> SqliteGradebookByColumnName()
    {
        await using var connection = new SqliteConnection($"Data Source={_sqlitePath}");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT class, assessment, pupil, subject, score, coefficient, recorded_at, row_version FROM \"{MarkData.Marks.PhysicalName}\" WHERE department_id = $d AND class = $c ORDER BY class, assessment, pupil";
        select.Parameters.AddWithValue("$d", MarkData.Department.Value.ToByteArray(bigEndian: true));
        select.Parameters.AddWithValue("$c", _class.ToByteArray(bigEndian: true));
        return await ReadByNameAsync(await select.ExecuteReaderAsync());
    }

    [Benchmark]
    [BenchmarkCategory("Gradebook-SQLite")]
    public async Task<int> SqliteGradebookQuery() =>
        (await _sqlite.QueryAsync(MarkData.Department, RecordQuery.From(MarkData.Marks).Where("class", _class))).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Gradebook-PostgreSQL")]
    public async Task<int> PostgreSqlGradebookByColumnName()
    {
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            $"SELECT class, assessment, pupil, subject, score, coefficient, recorded_at, row_version FROM ent.\"{MarkData.Marks.PhysicalName}\" WHERE department_id = $1 AND class = $2 ORDER BY class, assessment, pupil",
            connection);
        select.Parameters.Add(new NpgsqlParameter { Value = MarkData.Department.Value });
        select.Parameters.Add(new NpgsqlParameter { Value = _class });
        return await ReadByNameAsync(await select.ExecuteReaderAsync());
    }

    [Benchmark]
    [BenchmarkCategory("Gradebook-PostgreSQL")]
    public async Task<int> PostgreSqlGradebookQuery() =>
        (await _postgreSql.QueryAsync(MarkData.Department, RecordQuery.From(MarkData.Marks).Where("class", _class))).Count;

    /// <summary>The gradebook as the grading component keeps it: 300 assessment records, their marks unpacked.</summary>
    [Benchmark]
    [BenchmarkCategory("Gradebook-SQLite")]
    public async Task<int> SqliteGradebookPacked() =>
        Unpack(await _sqlitePacked.QueryAsync(MarkData.Department, RecordQuery.From(PackedGradebook.Assessments).Where("class", _class)));

    /// <summary>The gradebook as the grading component keeps it: 300 assessment records, their marks unpacked.</summary>
    [Benchmark]
    [BenchmarkCategory("Gradebook-PostgreSQL")]
    public async Task<int> PostgreSqlGradebookPacked() =>
        Unpack(await _postgreSqlPacked.QueryAsync(MarkData.Department, RecordQuery.From(PackedGradebook.Assessments).Where("class", _class)));

    private static int Unpack(IReadOnlyList<Storage.Engines.Record> assessments)
    {
        var marks = new List<(Guid Pupil, double? Score)>(10_500);
        foreach (var assessment in assessments)
        {
            PackedGradebook.Unpack(assessment.GetBytes("marks").Span, marks);
        }

        return marks.Count == 10_500 ? marks.Count : throw new InvalidOperationException($"The packed gradebook has {marks.Count} marks, not 10,500.");
    }

    private static async Task<int> ReadByNameAsync(System.Data.Common.DbDataReader reader)
    {
        await using var _ = reader;
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var column in new[] { "class", "assessment", "pupil", "subject", "score", "coefficient", "recorded_at", "row_version" })
            {
                row[column] = reader.GetValue(reader.GetOrdinal(column));
            }

            rows.Add(row);
        }

        return rows.Count == 10_500 ? rows.Count : throw new InvalidOperationException($"The gradebook has {rows.Count} marks, not 10,500.");
    }
}
