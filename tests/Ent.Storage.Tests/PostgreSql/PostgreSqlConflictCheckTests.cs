using Ent.Core.Identifiers;
using Ent.Storage.Documents;
using Ent.Storage.Tests.Documents;
using Ent.Storage.Tests.Engines;
using Npgsql;

namespace Ent.Storage.Tests.PostgreSql;

/// <summary>
/// The race a period's closure runs against a teacher's write, on a real server: the closure's insert is in flight
/// (not yet committed) when the writer, who found the period open, commits. The writer waits for it and is refused.
/// </summary>
public sealed class PostgreSqlConflictCheckTests : IAsyncLifetime
{
    private readonly DepartmentId _department = DepartmentId.New();
    private readonly ClassId _class = ClassId.New();
    private readonly PeriodId _period = PeriodId.New();
    private PostgreSqlEngine? _engine;

    public Task InitializeAsync()
    {
        _engine = new PostgreSqlEngine();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_write_that_found_the_period_open_waits_for_a_closure_in_flight_and_is_refused_once_it_commits()
    {
        var stores = await _engine!.OpenRecordStoresAsync([.. SampleDocuments.All.Select(t => t.Schema)]);
        var registry = new DocumentRegistry(SampleDocuments.All);
        var writer = new DocumentSession(stores, registry, _department, SampleDocuments.Owner);
        Assert.Null(await writer.Set<Closure>().FindAsync(c => c.Class == _class && c.Period == _period));
        writer.Set<Sheet>().Add(SampleDocuments.Sheet(CourseId.New(), _class, _period));

        await using var head = new NpgsqlConnection(_engine.ConnectionString);
        await head.OpenAsync();
        await using var closing = await head.BeginTransactionAsync();
        var closure = SampleDocuments.Closures.ToRecord(new Closure(_class, _period, PersonId.New()));
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO ent.\"{SampleDocuments.Closures.Table.PhysicalName}\" (department_id, class, period, document_body, row_version) VALUES ($1, $2, $3, $4, 1)", head, closing))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = _department.Value });
            insert.Parameters.Add(new NpgsqlParameter { Value = _class.Value });
            insert.Parameters.Add(new NpgsqlParameter { Value = _period.Value });
            insert.Parameters.Add(new NpgsqlParameter { Value = closure.GetBytes("document_body").ToArray() });
            await insert.ExecuteNonQueryAsync();
        }

        var commit = stores.SaveAsync(_department, writer.ToChanges()); // waits on the closure's key
        await Task.Delay(300);
        await closing.CommitAsync();

        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => commit);
        Assert.Equal((0L, 1L), (conflict.ExpectedVersion, conflict.StoredVersion));
        var reader = new DocumentSession(stores, registry, _department, SampleDocuments.Owner);
        Assert.Empty(await reader.Set<Sheet>().All().ListAsync());
        Assert.NotNull(await reader.Set<Closure>().FindAsync(c => c.Class == _class && c.Period == _period));
    }
}
