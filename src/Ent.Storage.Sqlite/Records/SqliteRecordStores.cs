using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ent.Storage.Sqlite.Records;

/// <summary>
/// The record stores in the host's SQLite file: one <c>WITHOUT ROWID</c> table per record table, keyed by
/// department then the table's key, written in <c>BEGIN IMMEDIATE</c> transactions through prepared,
/// position-bound statements.
/// </summary>
internal sealed class SqliteRecordStores : IRecordStores
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly RecordSchemaRegistry _registry;

    public SqliteRecordStores(SqliteDatabase database, TimeProvider time, IEnumerable<RecordSchema> schemas)
    {
        _database = database;
        _time = time;
        _registry = new RecordSchemaRegistry(schemas);
    }

    private string Location => _database.Path;

    public IRecordStore For(RecordSchema schema) => _registry.StoreFor(schema, registered => new Store(this, registered));

    /// <summary>Saves records of any registered schemas, checks read versions and appends the events, in one <c>BEGIN IMMEDIATE</c> transaction.</summary>
    public async Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
    {
        var events = _registry.CheckAcross(department, changes);
        var saved = new List<Record>(changes.Count);
        if (changes.IsEmpty)
        {
            return saved;
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var db = connection.Handle!;
        var statements = new Dictionary<(string, string, RecordChangeKind), SqliteStatement>();
        try
        {
            InTransaction(db, () =>
            {
                // Writers are serialised by BEGIN IMMEDIATE: a version read here cannot move before the commit.
                foreach (var check in changes.Checks)
                {
                    var stored = StoredVersion(db, department.Value, check.Key.Table, check.Key.Values);
                    if ((stored ?? 0) != check.Version)
                    {
                        throw new RecordConflictException(Location, check.Key, check.Version, stored);
                    }
                }

                var count = 0;
                foreach (var (kind, record) in changes.Items)
                {
                    if (++count % 1024 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var table = record.Table;
                    if (!statements.TryGetValue((table.Component, table.Name, kind), out var statement))
                    {
                        statement = new SqliteStatement(db, Location, kind switch
                        {
                            RecordChangeKind.Insert => SqliteRecordSql.Insert(table),
                            RecordChangeKind.Update => SqliteRecordSql.Update(table),
                            _ => SqliteRecordSql.Delete(table),
                        });
                        statements.Add((table.Component, table.Name, kind), statement);
                    }

                    Write(db, statement, kind, department.Value, record);
                    if (kind != RecordChangeKind.Delete)
                    {
                        saved.Add(record.WithVersion(record.Version + 1));
                    }
                }

                if (events.Length > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SqliteEventLog.Insert(db, Location, events); // the outbox: the events commit with the data they describe
                }
            });
        }
        finally
        {
            foreach (var statement in statements.Values)
            {
                statement.Dispose();
            }
        }

        return saved;
    }

    /// <summary>Creates and migrates every registered schema, one transaction per version.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var db = connection.Handle!;
        foreach (var schema in _registry.All)
        {
            SchemaCheck.NotNewer(Location, schema.Component, StoredVersion(db, schema.Component), schema.Version);
            foreach (var version in schema.Versions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                InTransaction(db, () =>
                {
                    if (StoredVersion(db, schema.Component) >= version.Number)
                    {
                        return; // another host migrated it meanwhile
                    }

                    foreach (var step in version.Steps)
                    {
                        Apply(db, step, version.Number);
                    }

                    using var record = new SqliteStatement(db, Location,
                        "INSERT INTO ent_schema (component, version, applied_at) VALUES (?1, ?2, ?3) ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at");
                    record.Bind(1, ColumnType.Text, schema.Component);
                    record.BindInt64(2, version.Number);
                    record.Bind(3, ColumnType.Text, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                    record.Execute();
                });
            }
        }
    }

    private int StoredVersion(sqlite3 db, string component)
    {
        using var read = new SqliteStatement(db, Location, "SELECT version FROM ent_schema WHERE component = ?1");
        read.Bind(1, ColumnType.Text, component);
        return read.Step() == SqliteStatement.Row ? (int)read.ReadInt64(0) : 0;
    }

    private void Apply(sqlite3 db, SchemaStep step, int version)
    {
        switch (step)
        {
            case CreateTableStep create:
                SqliteStatement.Execute(db, Location, SqliteRecordSql.CreateTable(create.Table));
                for (var i = 0; i < create.Table.Indexes.Length; i++)
                {
                    SqliteStatement.Execute(db, Location, SqliteRecordSql.CreateIndex(create.Table, i));
                }

                break;
            case AddColumnStep add:
                SqliteStatement.Execute(db, Location, SqliteRecordSql.AddColumn(add.Table, add.Column));
                if (add.Default is not null)
                {
                    using var fill = new SqliteStatement(db, Location, SqliteRecordSql.FillColumn(add.Table, add.Column));
                    fill.Bind(1, add.Column.Type, add.Default);
                    fill.Execute();
                }

                break;
            case ChangeLimitsStep:
                break; // limits are checked in .NET before writing
            case AddIndexStep index:
                SqliteStatement.Execute(db, Location, SqliteRecordSql.CreateIndex(index.Table, index.Ordinal));
                break;
            case TransformStep transform:
                Transform(db, transform, version);
                break;
            default:
                throw new InvalidOperationException($"Unknown schema step {step}.");
        }
    }

    private void Transform(sqlite3 db, TransformStep step, int version)
    {
        var table = step.Table;
        var rows = new List<(Guid Department, Record Record)>();
        using (var all = new SqliteStatement(db, Location, SqliteRecordSql.All(table)))
        {
            while (all.Step() == SqliteStatement.Row)
            {
                rows.Add((all.ReadId(0), ReadRecord(all, table, offset: 1)));
            }
        }

        using var update = new SqliteStatement(db, Location, SqliteRecordSql.Update(table, checkVersion: false));
        using var delete = new SqliteStatement(db, Location, SqliteRecordSql.Delete(table));
        foreach (var (department, record) in rows)
        {
            var result = RecordSchemaRegistry.Transform(step, version, record);
            if (result is null)
            {
                BindKey(delete, table, department, record, 1);
                delete.BindInt64(table.KeyCount + 2, record.Version);
                delete.Execute();
            }
            else if (!result.Equals(record))
            {
                BindUpdate(update, table, department, result);
                update.Execute();
            }
        }
    }

    private Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken) => _database.ConnectNativeAsync(cancellationToken);

    private void InTransaction(sqlite3 db, Action work) => _database.InTransaction(db, work);

    private static Record ReadRecord(SqliteStatement statement, TableDefinition table, int offset = 0)
    {
        var values = new object?[table.Columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = statement.Read(offset + i, table.Columns[i].Type, table.Columns[i].Nullable);
        }

        return new Record(table, values, statement.ReadInt64(offset + values.Length));
    }

    private static void BindKey(SqliteStatement statement, TableDefinition table, Guid department, Record record, int first)
    {
        statement.BindId(first, department);
        for (var i = 0; i < table.KeyCount; i++)
        {
            statement.Bind(first + 1 + i, table.Columns[i].Type, record.RawValues[i]);
        }
    }

    private static void BindUpdate(SqliteStatement statement, TableDefinition table, Guid department, Record record)
    {
        var values = table.Columns.Length - table.KeyCount;
        for (var i = 0; i < values; i++)
        {
            statement.Bind(1 + i, table.Columns[table.KeyCount + i].Type, record.RawValues[table.KeyCount + i]);
        }

        BindKey(statement, table, department, record, values + 1);
    }

    private void Write(sqlite3 db, SqliteStatement statement, RecordChangeKind kind, Guid department, Record record)
    {
        var table = record.Table;
        switch (kind)
        {
            case RecordChangeKind.Insert:
                statement.BindId(1, department);
                for (var i = 0; i < table.Columns.Length; i++)
                {
                    statement.Bind(2 + i, table.Columns[i].Type, record.RawValues[i]);
                }

                statement.BindInt64(table.Columns.Length + 2, 1);
                var rc = statement.Step();
                statement.Reset();
                if (rc != SqliteStatement.Done)
                {
                    throw SqliteStatement.IsPrimaryKeyViolation(rc)
                        ? Conflict(db, department, record, 0)
                        : new StorageException(Location, $"{record.Key} was refused by SQLite (constraint {rc}); nothing of the change set was written.");
                }

                break;
            case RecordChangeKind.Update:
                BindUpdate(statement, table, department, record);
                statement.BindInt64(table.Columns.Length + 2, record.Version);
                Checked(db, statement, department, record);
                break;
            default:
                BindKey(statement, table, department, record, 1);
                statement.BindInt64(table.KeyCount + 2, record.Version);
                Checked(db, statement, department, record);
                break;
        }
    }

    private void Checked(sqlite3 db, SqliteStatement statement, Guid department, Record record)
    {
        statement.Execute();
        if (statement.Changes == 0)
        {
            throw Conflict(db, department, record, record.Version);
        }
    }

    private RecordConflictException Conflict(sqlite3 db, Guid department, Record record, long expected) =>
        new(Location, record.Key, expected, StoredVersion(db, department, record.Table, record.RawValues));

    private long? StoredVersion(sqlite3 db, Guid department, TableDefinition table, IReadOnlyList<object?> key)
    {
        using var version = new SqliteStatement(db, Location, SqliteRecordSql.Version(table));
        version.BindId(1, department);
        for (var i = 0; i < table.KeyCount; i++)
        {
            version.Bind(2 + i, table.Columns[i].Type, key[i]);
        }

        return version.Step() == SqliteStatement.Row ? version.ReadInt64(0) : null;
    }

    private sealed class Store(SqliteRecordStores owner, RecordSchema schema) : IRecordStore, IRecordScanner
    {
        public async Task<IReadOnlyList<(DepartmentId Department, Record Record)>> ScanAsync(TableDefinition table, CancellationToken cancellationToken)
        {
            RecordSchemaRegistry.CheckTable(schema, table);
            await using var connection = await owner.ConnectAsync(cancellationToken).ConfigureAwait(false);
            using var all = new SqliteStatement(connection.Handle!, owner.Location, SqliteRecordSql.All(table));
            var rows = new List<(DepartmentId, Record)>();
            while (all.Step() == SqliteStatement.Row)
            {
                rows.Add((new DepartmentId(all.ReadId(0)), ReadRecord(all, table, offset: 1)));
            }

            return rows;
        }

        public RecordSchema Schema => schema;

        public async Task<Record?> FindAsync(DepartmentId department, RecordKey key, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(key);
            RecordSchemaRegistry.CheckDepartment(department);
            RecordSchemaRegistry.CheckTable(schema, key.Table);
            await using var connection = await owner.ConnectAsync(cancellationToken).ConfigureAwait(false);
            using var find = new SqliteStatement(connection.Handle!, owner.Location, SqliteRecordSql.Find(key.Table));
            find.BindId(1, department.Value);
            for (var i = 0; i < key.Table.KeyCount; i++)
            {
                find.Bind(2 + i, key.Table.Columns[i].Type, key.Values[i]);
            }

            return find.Step() == SqliteStatement.Row ? ReadRecord(find, key.Table) : null;
        }

        public async Task<IReadOnlyList<Record?>> FindManyAsync(DepartmentId department, IReadOnlyList<RecordKey> keys, CancellationToken cancellationToken = default)
        {
            RecordSchemaRegistry.CheckKeys(schema, department, keys);
            if (keys.Count == 0)
            {
                return [];
            }

            var table = keys[0].Table;
            await using var connection = await owner.ConnectAsync(cancellationToken).ConfigureAwait(false);
            using var find = new SqliteStatement(connection.Handle!, owner.Location, SqliteRecordSql.Find(table)); // prepared once, stepped once per key
            var found = new Record?[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                find.BindId(1, department.Value);
                for (var i = 0; i < table.KeyCount; i++)
                {
                    find.Bind(2 + i, table.Columns[i].Type, keys[k].Values[i]);
                }

                found[k] = find.Step() == SqliteStatement.Row ? ReadRecord(find, table) : null;
                find.Reset();
            }

            return found;
        }

        public async Task<IReadOnlyList<Record>> QueryAsync(DepartmentId department, RecordQuery query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            RecordSchemaRegistry.CheckDepartment(department);
            RecordSchemaRegistry.CheckTable(schema, query.Table);
            await using var connection = await owner.ConnectAsync(cancellationToken).ConfigureAwait(false);
            using var select = new SqliteStatement(connection.Handle!, owner.Location, SqliteRecordSql.Query(query));
            select.BindId(1, department.Value);
            var parameter = 2;
            foreach (var (ordinal, value) in query.Filters)
            {
                if (value is not null)
                {
                    select.Bind(parameter++, query.Table.Columns[ordinal].Type, value);
                }
            }

            if (query.After is { } after)
            {
                for (var i = 0; i < query.Table.KeyCount; i++)
                {
                    select.Bind(parameter++, query.Table.Columns[i].Type, after.Values[i]);
                }
            }

            var records = new List<Record>();
            while (select.Step() == SqliteStatement.Row)
            {
                records.Add(ReadRecord(select, query.Table));
            }

            return records;
        }

        public Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
        {
            RecordSchemaRegistry.Check(schema, department, changes);
            return owner.SaveAsync(department, changes, cancellationToken);
        }
    }
}
