using Ent.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Ent.Storage.Sqlite;

/// <summary>
/// One Ent database file: checked to be an Ent database (its SQLite header and application id) before
/// anything is written, created when new, put in WAL mode, and migrated component by component.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>The SQLite application id that marks an Ent database ("ENT" and format 1).</summary>
    public const int ApplicationId = 0x454E5401;

    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

    /// <summary>Creates the database handle; nothing is opened until <see cref="OpenAsync"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock, for the migration history.</param>
    public SqliteDatabase(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Checks, creates and migrates the database. Safe to call more than once.</summary>
    /// <param name="migrations">The migrations of each component.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="IncompatibleStoreException">The file is not a SQLite database, belongs to another application, or has a newer schema.</exception>
    /// <exception cref="StoreUnavailableException">The file cannot be opened.</exception>
    public async Task OpenAsync(IReadOnlyDictionary<string, IReadOnlyCollection<SchemaMigration>> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        CheckHeader();
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var applicationId = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA application_id", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (applicationId != ApplicationId)
        {
            var tables = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (applicationId != 0 || tables > 0)
            {
                throw new IncompatibleStoreException(Path, "this SQLite database belongs to another application (it is not marked as an Ent database); nothing was changed.");
            }

            await ExecuteAsync(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS ent_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        }

        foreach (var (component, componentMigrations) in migrations)
        {
            await MigrateAsync(connection, component, componentMigrations, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a connection with Ent's settings: full synchronous commits in WAL mode, foreign keys on, a 32 MiB page cache (set once per pooled connection).</summary>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="IncompatibleStoreException">The file is not a database.</exception>
    /// <exception cref="StoreUnavailableException">The file cannot be opened.</exception>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                // Once per native connection: the pool hands the same one out again with its settings.
                await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;", cancellationToken).ConfigureAwait(false);
                _configured.AddOrUpdate(connection.Handle!, this);
            }

            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Translate(exception);
        }
    }

    /// <summary>A connection for native statements: SQLite itself waits up to 30 s for another writer.</summary>
    internal async Task<SqliteConnection> ConnectNativeAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 30_000);
        return connection;
    }

    /// <summary>Runs work in a <c>BEGIN IMMEDIATE</c> transaction on a native handle: committed, or rolled back if it throws.</summary>
    internal void InTransaction(SQLitePCL.sqlite3 db, Action work)
    {
        SqliteStatement.Execute(db, Path, "BEGIN IMMEDIATE");
        try
        {
            work();
            SqliteStatement.Execute(db, Path, "COMMIT");
        }
        catch
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(db) == 0)
            {
                SqliteStatement.Execute(db, Path, "ROLLBACK");
            }

            throw;
        }
    }

    /// <summary>Turns an engine error into a storage error that names the file.</summary>
    /// <param name="exception">The engine's error.</param>
    public StorageException Translate(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqliteErrorCode switch
        {
            26 => new IncompatibleStoreException(Path, "the file is not a SQLite database (it may be corrupt or another kind of file); nothing was changed.", exception),
            11 => new IncompatibleStoreException(Path, "the database file is corrupt; nothing was changed. Restore it from a backup.", exception),
            14 => new StoreUnavailableException(Path, "the database file cannot be opened (check the folder exists and is writable).", exception),
            _ => new StorageException(Path, exception.Message, exception),
        };
    }

    internal static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void CheckHeader()
    {
        if (!File.Exists(Path) || new FileInfo(Path).Length == 0)
        {
            return;
        }

        var start = new byte[Header.Length];
        using (var file = File.OpenRead(Path))
        {
            file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        if (!start.AsSpan().SequenceEqual(Header))
        {
            throw new IncompatibleStoreException(Path, "the file is not a SQLite database (it may be corrupt or another kind of file); nothing was changed.");
        }
    }

    private async Task MigrateAsync(SqliteConnection connection, string component, IReadOnlyCollection<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM ent_schema WHERE component = $component";
        read.Parameters.AddWithValue("$component", component);
        var stored = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var migration in SchemaCheck.Pending(Path, component, stored, migrations))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, migration.Sql, cancellationToken, transaction).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO ent_schema (component, version, applied_at) VALUES ($component, $version, $at) ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at";
            record.Parameters.AddWithValue("$component", component);
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
