using Ent.Storage.Engines;
using SQLitePCL;

namespace Ent.Storage.Sqlite;

/// <summary>
/// A prepared statement on a connection's native handle, bound by position: the record store talks to
/// SQLite directly, since binding by name per execution costs more than the insert itself in bulk.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly string _location;
    private (byte[]? Bytes, object? Value)[] _previous = [];

    public SqliteStatement(sqlite3 db, string location, string sql)
    {
        _db = db;
        _location = location;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement), sql);
    }

    public const int Row = raw.SQLITE_ROW;

    public const int Done = raw.SQLITE_DONE;

    /// <summary>Binds a value of a column type at a 1-based position.</summary>
    public void Bind(int index, ColumnType type, object? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_statement, index);
            return;
        }

        switch (type)
        {
            case ColumnType.Id:
                BindId(index, (Guid)value);
                break;
            case ColumnType.Text:
                raw.sqlite3_bind_text(_statement, index, (string)value);
                break;
            case ColumnType.Integer:
                raw.sqlite3_bind_int64(_statement, index, (long)value);
                break;
            case ColumnType.Number:
                raw.sqlite3_bind_double(_statement, index, (double)value);
                break;
            case ColumnType.Boolean:
                raw.sqlite3_bind_int64(_statement, index, (bool)value ? 1 : 0);
                break;
            case ColumnType.Timestamp:
                raw.sqlite3_bind_int64(_statement, index, ((DateTimeOffset)value).UtcTicks);
                break;
            case ColumnType.Date:
                raw.sqlite3_bind_int64(_statement, index, ((DateOnly)value).DayNumber);
                break;
            case ColumnType.Bytes:
                raw.sqlite3_bind_blob(_statement, index, ((ReadOnlyMemory<byte>)value).Span);
                break;
            default:
                throw new InvalidOperationException($"Unknown column type {type}.");
        }
    }

    public void BindId(int index, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        raw.sqlite3_bind_blob(_statement, index, bytes);
    }

    public void BindInt64(int index, long value) => raw.sqlite3_bind_int64(_statement, index, value);

    /// <summary>Binds text already encoded in UTF-8, without converting it.</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> utf8) => raw.sqlite3_bind_text(_statement, index, utf8);

    /// <summary>Reads a value of a column type at a 0-based result column (a column declared non-null is not checked for null: one native call less per value).</summary>
    public object? Read(int column, ColumnType type, bool nullable)
    {
        if (nullable && raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL)
        {
            return null;
        }

        return type switch
        {
            ColumnType.Id or ColumnType.Text => ReadRepeated(column, type),
            ColumnType.Integer => raw.sqlite3_column_int64(_statement, column),
            ColumnType.Number => raw.sqlite3_column_double(_statement, column),
            ColumnType.Boolean => raw.sqlite3_column_int64(_statement, column) != 0,
            ColumnType.Timestamp => new DateTimeOffset(raw.sqlite3_column_int64(_statement, column), TimeSpan.Zero),
            ColumnType.Date => DateOnly.FromDayNumber((int)raw.sqlite3_column_int64(_statement, column)),
            ColumnType.Bytes => new ReadOnlyMemory<byte>(raw.sqlite3_column_blob(_statement, column).ToArray()),
            _ => throw new InvalidOperationException($"Unknown column type {type}."),
        };
    }

    /// <summary>
    /// Ids and texts repeat from row to row (a gradebook's class, an assessment, a subject): the value read
    /// for a column is reused while its bytes stay the same, instead of being decoded and boxed again.
    /// </summary>
    private object ReadRepeated(int column, ColumnType type)
    {
        var bytes = raw.sqlite3_column_blob(_statement, column);
        if (_previous.Length <= column)
        {
            Array.Resize(ref _previous, column + 1);
        }

        ref var previous = ref _previous[column];
        if (previous.Bytes is not null && bytes.SequenceEqual(previous.Bytes))
        {
            return previous.Value!;
        }

        previous = (bytes.ToArray(), type == ColumnType.Id ? ReadId(column) : raw.sqlite3_column_text(_statement, column).utf8_to_string());
        return previous.Value;
    }

    public Guid ReadId(int column)
    {
        var bytes = raw.sqlite3_column_blob(_statement, column);
        return bytes.Length == 16
            ? new Guid(bytes, bigEndian: true)
            : throw new IncompatibleStoreException(_location, $"a stored id is {bytes.Length} bytes long instead of 16: the file was changed outside Ent.");
    }

    public long ReadInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>Steps once: <see cref="Row"/> or <see cref="Done"/>; a constraint violation returns its extended code; other errors throw.</summary>
    public int Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc is raw.SQLITE_ROW or raw.SQLITE_DONE)
        {
            return rc;
        }

        var extended = raw.sqlite3_extended_errcode(_db);
        raw.sqlite3_reset(_statement);
        if (rc == raw.SQLITE_CONSTRAINT)
        {
            return extended;
        }

        throw Error(rc, "executing a statement");
    }

    /// <summary>Steps a statement that returns no row.</summary>
    public void Execute()
    {
        var rc = Step();
        if (rc != Done)
        {
            throw Error(rc, "executing a statement");
        }

        Reset();
    }

    public void Reset() => raw.sqlite3_reset(_statement);

    public int Changes => raw.sqlite3_changes(_db);

    public void Dispose() => _statement.Dispose();

    public static void Execute(sqlite3 db, string location, string sql)
    {
        using var statement = new SqliteStatement(db, location, sql);
        statement.Execute();
    }

    private void Check(int rc, string sql)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc, $"preparing \"{(sql.Length > 80 ? sql[..80] + "…" : sql)}\"");
        }
    }

    private StorageException Error(int rc, string doing)
    {
        var message = raw.sqlite3_errmsg(_db).utf8_to_string();
        return (rc & 0xFF) switch
        {
            raw.SQLITE_NOTADB => new IncompatibleStoreException(_location, $"the file is not a SQLite database ({message}); nothing was changed."),
            raw.SQLITE_CORRUPT => new IncompatibleStoreException(_location, $"the database file is corrupt ({message}); nothing was changed. Restore it from a backup."),
            raw.SQLITE_CANTOPEN or raw.SQLITE_IOERR or raw.SQLITE_FULL or raw.SQLITE_READONLY =>
                new StoreUnavailableException(_location, $"the database file cannot be written ({message}); the operation in progress was not applied."),
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => new StoreUnavailableException(_location, $"the database stayed locked by another writer ({message}); the operation was not applied, retry it."),
            _ => new StorageException(_location, $"SQLite error {rc} while {doing}: {message}"),
        };
    }

    internal static bool IsPrimaryKeyViolation(int code) => code == raw.SQLITE_CONSTRAINT_PRIMARYKEY || code == raw.SQLITE_CONSTRAINT_UNIQUE;

}
