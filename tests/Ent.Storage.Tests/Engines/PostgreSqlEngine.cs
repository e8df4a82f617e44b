using Ent.Storage.Events;
using Ent.Storage.PostgreSql;
using Ent.Storage.PostgreSql.Records;
using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Ent.TestSupport;
using Npgsql;

namespace Ent.Storage.Tests.Engines;

/// <summary>
/// A PostgreSQL store in a database of its own, created on the server named by ENT_TEST_POSTGRES and
/// dropped afterwards. Without that variable, the tests report themselves skipped with the reason (failed when
/// ENT_REQUIRE_SERVERS is set, as in CI).
/// </summary>
public sealed class PostgreSqlEngine : StorageEngine
{
    private readonly string _server;
    private readonly string _database = "ent_test_" + Guid.NewGuid().ToString("N");
    private readonly List<PostgreSqlDatabase> _opened = [];

    public PostgreSqlEngine()
    {
        _server = TestServers.PostgreSql();
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
    }

    public string ConnectionString { get; }

    public override string Location => $"/{_database}";

    public override async Task<IEventLog> OpenEventLogAsync()
    {
        var database = await OpenAsync();
        return new PostgreSqlEventLog(database);
    }

    public override async Task<IRecordStores> OpenRecordStoresAsync(params RecordSchema[] schemas)
    {
        var stores = new PostgreSqlRecordStores(await OpenAsync(), schemas);
        await stores.MigrateAsync(CancellationToken.None);
        return stores;
    }

    public override int EventLogVersion => PostgreSqlEventLog.Migrations.Max(m => m.Version);

    /// <summary>Opens the store, migrating the event log up to <paramref name="eventLogVersion"/> (the latest by default).</summary>
    internal async Task<PostgreSqlDatabase> OpenAsync(int? eventLogVersion = null)
    {
        var database = new PostgreSqlDatabase(ConnectionString);
        _opened.Add(database);
        var migrations = PostgreSqlEventLog.Migrations.Where(m => m.Version <= (eventLogVersion ?? int.MaxValue)).ToArray();
        await database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = migrations });
        return database;
    }

    public override async Task SetSchemaVersionAsync(string component, int version)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE ent.schema_versions SET version = $1 WHERE component = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { Value = component });
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
