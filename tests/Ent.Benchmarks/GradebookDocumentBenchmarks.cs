using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ent.Core.Identifiers;
using Ent.Sdk.Hosting;
using Ent.Storage.Documents;
using Ent.Storage.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ent.Benchmarks;

/// <summary>
/// Reading a class's gradebook (35 pupils × 10 subjects × 30 assessments = 300 assessments, 10,500 marks) as typed documents
/// (the store's codec, read through a document session by index) against today's layout as the baseline: one record per
/// assessment with its marks packed in a bytes column by hand (<see cref="PackedGradebook"/>). Target: within 1.5x on each engine.
/// The stores hold 21 such gradebooks in both layouts before measuring.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MedianColumn]
public class GradebookDocumentBenchmarks
{
    private static readonly DocumentType<GradebookAssessment> Assessments = DocumentTypes.Create<GradebookAssessment>("bench.documents", "assessments", d => d
        .Key(a => new { a.Class, a.Id })
        .Index(a => a.Subject));

    private readonly ClassId _class = ClassId.New();
    private readonly List<ServiceProvider> _services = [];
    private string _folder = string.Empty;
    private (IRecordStores Stores, DocumentRegistry Registry) _sqlite;
    private (IRecordStores Stores, DocumentRegistry Registry) _postgreSql;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Directory.CreateTempSubdirectory("ent-bench-documents-").FullName;
        var sqlite = new ServiceCollection();
        sqlite.AddEnt().UseSqlite(Path.Combine(_folder, "documents.db"));
        _sqlite = await StartAsync(sqlite);
        var connectionString = await MarkData.CreatePostgreSqlDatabaseAsync();
        var postgreSql = new ServiceCollection();
        postgreSql.AddEnt().UsePostgreSql(connectionString);
        _postgreSql = await StartAsync(postgreSql);

        foreach (var @class in Enumerable.Range(0, 20).Select(_ => ClassId.New()).Prepend(_class))
        {
            var pupils = Enumerable.Range(0, 35).Select(_ => Guid.CreateVersion7()).ToArray();
            var packed = PackedGradebook.Gradebook(@class.Value, pupils);
            var documents = packed.Select(r => FromPacked(@class, r)).ToArray();
            foreach (var (stores, registry) in new[] { _sqlite, _postgreSql })
            {
                await stores.For(PackedGradebook.Schema).SaveAsync(MarkData.Department, new RecordChanges().InsertAll(packed));
                var session = new DocumentSession(stores, registry, MarkData.Department, "bench.documents");
                foreach (var document in documents)
                {
                    session.Set<GradebookAssessment>().Add(document);
                }

                await stores.SaveAsync(MarkData.Department, session.ToChanges());
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand($"ANALYZE ent.\"{PackedGradebook.Assessments.PhysicalName}\"; ANALYZE ent.\"{Assessments.Table.PhysicalName}\"", connection);
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

    /// <summary>Today's layout: 300 records, their marks unpacked by hand.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GradebookDocuments-SQLite")]
    public Task<int> SqlitePackedRecords() => PackedAsync(_sqlite.Stores);

    /// <summary>The same gradebook as 300 typed documents, read by the class (the key's first member).</summary>
    [Benchmark]
    [BenchmarkCategory("GradebookDocuments-SQLite")]
    public Task<int> SqliteDocuments() => DocumentsAsync(_sqlite);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GradebookDocuments-PostgreSQL")]
    public Task<int> PostgreSqlPackedRecords() => PackedAsync(_postgreSql.Stores);

    [Benchmark]
    [BenchmarkCategory("GradebookDocuments-PostgreSQL")]
    public Task<int> PostgreSqlDocuments() => DocumentsAsync(_postgreSql);

    private async Task<int> PackedAsync(IRecordStores stores)
    {
        var records = await stores.For(PackedGradebook.Schema).QueryAsync(MarkData.Department, RecordQuery.From(PackedGradebook.Assessments).Where("class", _class.Value));
        var marks = new List<(Guid Pupil, double? Score)>(10_500);
        foreach (var record in records)
        {
            PackedGradebook.Unpack(record.GetBytes("marks").Span, marks);
        }

        return marks.Count;
    }

    private async Task<int> DocumentsAsync((IRecordStores Stores, DocumentRegistry Registry) store)
    {
        var session = new DocumentSession(store.Stores, store.Registry, MarkData.Department, "bench.documents");
        var assessments = await session.Set<GradebookAssessment>().Where(a => a.Class == _class).ListAsync();
        var count = 0;
        foreach (var assessment in assessments)
        {
            count += assessment.Marks.Length;
        }

        return count;
    }

    private static GradebookAssessment FromPacked(ClassId @class, Record record)
    {
        var marks = new List<(Guid Pupil, double? Score)>();
        PackedGradebook.Unpack(record.GetBytes("marks").Span, marks);
        return new GradebookAssessment(@class, record.GetId("assessment"), record.GetText("subject"), record.GetNumber("coefficient"), record.Get<DateTimeOffset>("recorded_at"),
            [.. marks.Select(m => new GradebookMark(new PersonId(m.Pupil), m.Score))]);
    }

    private async Task<(IRecordStores, DocumentRegistry)> StartAsync(ServiceCollection services)
    {
        services.AddRecordSchema(PackedGradebook.Schema);
        services.AddDocumentType(Assessments);
        var provider = services.BuildServiceProvider();
        _services.Add(provider);
        foreach (var task in provider.GetServices<IEntStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }

        return (provider.GetRequiredService<IRecordStores>(), new DocumentRegistry([Assessments]));
    }
}

/// <summary>An assessment and its class's marks, as a typed document.</summary>
public sealed record GradebookAssessment(ClassId Class, Guid Id, string Subject, double Coefficient, DateTimeOffset RecordedAt, ImmutableArray<GradebookMark> Marks);

/// <summary>One pupil's mark, or none.</summary>
public readonly record struct GradebookMark(PersonId Pupil, double? Score);
