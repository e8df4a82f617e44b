using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.Storage.PostgreSql;
using Ent.Storage.Tests.Engines;
using Ent.Storage.Tests.Events;
using Npgsql;

namespace Ent.Storage.Tests.PostgreSql;

/// <summary>The server goes away under an open connection: the error names the server, and what was acknowledged stays.</summary>
public sealed class PostgreSqlServerLossTests : IAsyncLifetime
{
    private readonly DepartmentId _department = DepartmentId.New();
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
            await _engine.DisposeAsync(); // null when there is no server (skipped)
        }
    }

    private PostgreSqlEngine Engine => _engine!;

    [SkippableFact]
    public async Task A_connection_cut_by_the_server_is_reported_as_unavailable_and_acknowledged_events_stay()
    {
        var database = await Engine.OpenAsync();
        var log = new PostgreSqlEventLog(database);
        var acknowledged = SampleEvents.Many(3, _department, SchoolId.New());
        await log.AppendAsync(acknowledged);

        // The server ends every session of this database, as a restart or a failover would.
        await using (var admin = new NpgsqlConnection(Engine.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            await terminate.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAnyAsync<StorageException>(() => log.AppendAsync(SampleEvents.Many(100, _department, SchoolId.New())));

        Assert.Contains(Engine.Location, error.Message, StringComparison.Ordinal);
        var reopened = new PostgreSqlEventLog(await Engine.OpenAsync());
        Assert.Equal(acknowledged.Select(e => e.Id), (await reopened.ReadAsync(new EventLogQuery(_department))).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task A_connection_cut_during_a_change_set_is_reported_naming_the_server_and_acknowledged_records_stay()
    {
        var schema = Records.Marks.V1;
        var stores = await Engine.OpenRecordStoresAsync(schema);
        var store = stores.For(schema);
        var assessment = Guid.CreateVersion7();
        var acknowledged = Records.Marks.Many(50, assessment, Guid.CreateVersion7());
        await store.SaveAsync(_department, new RecordChanges().InsertAll(acknowledged));

        await using (var admin = new NpgsqlConnection(Engine.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            await terminate.ExecuteNonQueryAsync();
        }

        var refused = Records.Marks.Many(500, assessment, Guid.CreateVersion7());
        var error = await Assert.ThrowsAnyAsync<StorageException>(() => store.SaveAsync(_department, new RecordChanges().InsertAll(refused)));

        Assert.Contains(Engine.Location, error.Message, StringComparison.Ordinal);
        var reopened = (await Engine.OpenRecordStoresAsync(schema)).For(schema);
        var stored = await reopened.QueryAsync(_department, RecordQuery.From(schema.Table("marks")));
        Assert.Equal(acknowledged.Select(m => m.Key).ToHashSet(), stored.Select(m => m.Key).ToHashSet());
    }
}
