using Ent.Storage.Events;
using Ent.Storage.PostgreSql;
using Ent.Storage.PostgreSql.Records;
using Ent.Storage.Records;
using Ent.Storage.Schema;
using Npgsql;

namespace Ent.Storage.Tests.Engines;

/// <summary>
/// A PostgreSQL store in a database of its own, created on the server named by ENT_TEST_POSTGRES and
/// dropped afterwards. Without that variable, the tests fail and say how to start a server: never a silent skip.
/// </summary>
public sealed class PostgreSqlEngine : StorageEngine
{
    public const string Variable = "ENT_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _database = "ent_test_" + Guid.NewGuid().ToString("N");
    private readonly List<PostgreSqlDatabase> _opened = [];

    public PostgreSqlEngine()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL contract tests need a server: set {Variable} to an Npgsql connection string with the right to create databases, "
                + "e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres. `bash .ci/run` starts a throw-away cluster itself; "
                + "by hand: `source .ci/postgres.sh && ent_pg_start`, then run the tests in that shell, then `ent_pg_stop`.");
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
    public async Task<PostgreSqlDatabase> OpenAsync(int? eventLogVersion = null)
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
