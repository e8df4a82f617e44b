using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Ent.Storage.Sqlite;
using Ent.Storage.Sqlite.Records;
using Microsoft.Data.Sqlite;

namespace Ent.Storage.Tests.Engines;

/// <summary>A SQLite store in a temporary file.</summary>
public sealed class SqliteEngine : StorageEngine
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ent-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "ent.db");

    public override string Location => Path;

    public override async Task<IEventLog> OpenEventLogAsync()
    {
        var database = await OpenAsync();
        return new SqliteEventLog(database);
    }

    public override async Task<IRecordStores> OpenRecordStoresAsync(params RecordSchema[] schemas)
    {
        var stores = new SqliteRecordStores(await OpenAsync(), TimeProvider.System, schemas);
        await stores.MigrateAsync(CancellationToken.None);
        return stores;
    }

    internal async Task<SqliteDatabase> OpenAsync()
    {
        var database = new SqliteDatabase(Path, TimeProvider.System);
        await database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = SqliteEventLog.Migrations });
        return database;
    }

    public override int EventLogVersion => SqliteEventLog.Migrations.Max(m => m.Version);

    public override async Task SetSchemaVersionAsync(string component, int version)
    {
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE ent_schema SET version = $version WHERE component = $component";
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$component", component);
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
