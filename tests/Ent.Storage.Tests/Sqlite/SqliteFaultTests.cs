using Ent.Storage.Tests.Engines;
using Microsoft.Data.Sqlite;

namespace Ent.Storage.Tests.Sqlite;

public sealed class SqliteFaultTests : IAsyncLifetime
{
    private readonly SqliteEngine _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_naming_it_and_left_unchanged()
    {
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(_engine.Path, garbage);

        var error = await Assert.ThrowsAsync<IncompatibleStoreException>(_engine.OpenEventLogAsync);

        Assert.Contains(_engine.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(_engine.Path));
    }

    [Fact]
    public async Task Another_applications_sqlite_database_is_refused_and_left_unchanged()
    {
        await using (var connection = new SqliteConnection($"Data Source={_engine.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5);";
            await command.ExecuteNonQueryAsync();
        }

        var before = await File.ReadAllBytesAsync(_engine.Path);

        var error = await Assert.ThrowsAsync<IncompatibleStoreException>(_engine.OpenEventLogAsync);

        Assert.Contains("belongs to another application", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_engine.Path));
    }

    [Fact]
    public async Task A_new_database_is_marked_as_ent_and_in_wal_mode()
    {
        await _engine.OpenEventLogAsync();

        await using var connection = new SqliteConnection($"Data Source={_engine.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA application_id";
        Assert.Equal((long)Ent.Storage.Sqlite.SqliteDatabase.ApplicationId, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Every_connection_has_ents_settings_including_one_the_pool_hands_out_again()
    {
        var database = new Ent.Storage.Sqlite.SqliteDatabase(_engine.Path, TimeProvider.System);
        for (var opening = 0; opening < 3; opening++)
        {
            await using var connection = await database.ConnectAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!); // FULL
            command.CommandText = "PRAGMA foreign_keys";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
            command.CommandText = "PRAGMA cache_size";
            Assert.Equal(-32768L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task A_database_in_a_missing_folder_is_reported_as_unavailable_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "ent-no-such-folder-" + Guid.NewGuid().ToString("N"), "ent.db");
        var database = new Ent.Storage.Sqlite.SqliteDatabase(path, TimeProvider.System);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.ConnectAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
