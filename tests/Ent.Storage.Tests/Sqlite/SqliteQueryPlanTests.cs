using Ent.Core.Identifiers;
using Ent.Storage.Engines;
using Ent.Storage.Sqlite.Records;
using Ent.Storage.Tests.Engines;
using Microsoft.Data.Sqlite;

namespace Ent.Storage.Tests.Sqlite;

/// <summary>
/// How SQLite runs a record query: through the index its filters fix, never by walking a whole department's
/// table in key order (which SQLite's planner, without statistics, prefers to a search and a sort).
/// </summary>
public sealed class SqliteQueryPlanTests : IAsyncLifetime
{
    private static readonly RecordSchema Schema = RecordSchema.Create("test.plans", schema => schema
        .Version(1, "Marks by course, searched by class and period", v => v
            .CreateTable("assessments", t => t
                .Key(Column.Id("course"), Column.Id("assessment"))
                .Columns(Column.Id("class"), Column.Id("period"), Column.Text("title", 50))
                .Index("class", "period"))));

    private readonly SqliteEngine _engine = new();
    private readonly DepartmentId _department = DepartmentId.New();
    private IRecordStore _store = null!;

    private static TableDefinition Assessments => Schema.Table("assessments");

    public async Task InitializeAsync()
    {
        _store = (await _engine.OpenRecordStoresAsync(Schema)).For(Schema);
        var changes = new RecordChanges();
        for (var i = 0; i < 200; i++)
        {
            changes.Insert(Assessments.NewRecord(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), $"Devoir {i}"));
        }

        await _store.SaveAsync(_department, changes);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<string> PlanAsync(RecordQuery query)
    {
        await using var connection = new SqliteConnection($"Data Source={_engine.Path};Pooling=False");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteRecordSql.Query(query);
        for (var i = 1; i <= 1 + query.Filters.Length; i++)
        {
            explain.Parameters.AddWithValue($"?{i}", Guid.NewGuid().ToByteArray());
        }

        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }

    [Fact]
    public async Task A_query_on_indexed_columns_searches_their_index()
    {
        var plan = await PlanAsync(RecordQuery.From(Assessments).Where("class", Guid.NewGuid()).Where("period", Guid.NewGuid()));

        Assert.Contains("USING INDEX r_test_plans__assessments_ix1 (department_id=? AND class=? AND period=?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_on_an_indexs_first_column_searches_that_index()
    {
        var plan = await PlanAsync(RecordQuery.From(Assessments).Where("class", Guid.NewGuid()));

        Assert.Contains("USING INDEX r_test_plans__assessments_ix1 (department_id=? AND class=?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_on_the_keys_first_column_searches_the_primary_key()
    {
        var plan = await PlanAsync(RecordQuery.From(Assessments).Where("course", Guid.NewGuid()).Where("period", Guid.NewGuid()));

        Assert.Contains("USING PRIMARY KEY (department_id=? AND course=?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_through_a_named_index_returns_the_same_records_in_key_order()
    {
        var @class = Guid.NewGuid();
        var period = Guid.NewGuid();
        var changes = new RecordChanges();
        foreach (var course in new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() })
        {
            changes.Insert(Assessments.NewRecord(course, Guid.NewGuid(), @class, period, "x"));
        }

        await _store.SaveAsync(_department, changes);

        var found = await _store.QueryAsync(_department, RecordQuery.From(Assessments).Where("class", @class).Where("period", period));

        Assert.Equal(3, found.Count);
        Assert.Equal(found.Select(r => r.GetId("course")).Order(), found.Select(r => r.GetId("course")));
    }
}
