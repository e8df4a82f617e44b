using Ent.Core.Identifiers;
using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ent.Storage.PostgreSql.Records;

/// <summary>
/// The record stores on PostgreSQL: one table per record table in the <c>ent</c> schema, keyed by
/// department then the table's key. A change set is one transaction: large runs of inserts go through
/// binary COPY (written by <see cref="PostgreSqlCopyWriter"/>), the rest through one batch of statements whose affected-row counts check the versions.
/// </summary>
internal sealed class PostgreSqlRecordStores : IRecordStores
{
    /// <summary>From this many inserts into one table in a change set, they are written with binary COPY.</summary>
    public const int CopyThreshold = 64;

    private readonly PostgreSqlDatabase _database;
    private readonly RecordSchemaRegistry _registry;

    public PostgreSqlRecordStores(PostgreSqlDatabase database, IEnumerable<RecordSchema> schemas)
    {
        _database = database;
        _registry = new RecordSchemaRegistry(schemas);
    }

    private string Location => _database.Location;

    public IRecordStore For(RecordSchema schema) => _registry.StoreFor(schema, registered => new Store(this, registered));

    /// <summary>Creates and migrates every registered schema, one transaction per version, under Ent's advisory lock.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var schema in _registry.All)
            {
                SchemaCheck.NotNewer(Location, schema.Component, await StoredVersionAsync(connection, null, schema.Component, cancellationToken).ConfigureAwait(false), schema.Version);
                foreach (var version in schema.Versions)
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await PostgreSqlDatabase.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(4542545401)", cancellationToken).ConfigureAwait(false);
                    if (await StoredVersionAsync(connection, transaction, schema.Component, cancellationToken).ConfigureAwait(false) >= version.Number)
                    {
                        continue; // another host migrated it meanwhile
                    }

                    foreach (var step in version.Steps)
                    {
                        await ApplyAsync(connection, transaction, step, version.Number, cancellationToken).ConfigureAwait(false);
                    }

                    await using var record = new NpgsqlCommand(
                        "INSERT INTO ent.schema_versions (component, version) VALUES ($1, $2) ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now()",
                        connection, transaction);
                    record.Parameters.Add(new NpgsqlParameter { Value = schema.Component });
                    record.Parameters.Add(new NpgsqlParameter { Value = version.Number });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (NpgsqlException exception)
        {
            throw _database.Translate(exception);
        }
    }

    private static async Task<int> StoredVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT version FROM ent.schema_versions WHERE component = $1", connection, transaction);
        read.Parameters.Add(new NpgsqlParameter { Value = component });
        return (int?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaStep step, int version, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case CreateTableStep create:
                await PostgreSqlDatabase.ExecuteAsync(connection, transaction, PostgreSqlRecordSql.CreateTable(create.Table), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < create.Table.Indexes.Length; i++)
                {
                    await PostgreSqlDatabase.ExecuteAsync(connection, transaction, PostgreSqlRecordSql.CreateIndex(create.Table, i), cancellationToken).ConfigureAwait(false);
                }

                break;
            case AddColumnStep add:
                await PostgreSqlDatabase.ExecuteAsync(connection, transaction, PostgreSqlRecordSql.AddColumn(add.Table, add.Column), cancellationToken).ConfigureAwait(false);
                if (add.Default is not null)
                {
                    await using var fill = new NpgsqlCommand(PostgreSqlRecordSql.FillColumn(add.Table, add.Column), connection, transaction);
                    fill.Parameters.Add(Parameter(add.Column.Type, add.Default));
                    await fill.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (!add.Column.Nullable)
                {
                    await PostgreSqlDatabase.ExecuteAsync(connection, transaction, PostgreSqlRecordSql.RequireColumn(add.Table, add.Column), cancellationToken).ConfigureAwait(false);
                }

                break;
            case ChangeLimitsStep:
                break; // limits are checked in .NET before writing
            case AddIndexStep index:
                await PostgreSqlDatabase.ExecuteAsync(connection, transaction, PostgreSqlRecordSql.CreateIndex(index.Table, index.Ordinal), cancellationToken).ConfigureAwait(false);
                break;
            case TransformStep transform:
                await TransformAsync(connection, transaction, transform, version, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown schema step {step}.");
        }
    }

    private static async Task TransformAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TransformStep step, int version, CancellationToken cancellationToken)
    {
        var table = step.Table;
        var rows = new List<(Guid Department, Record Record)>();
        await using (var all = new NpgsqlCommand(PostgreSqlRecordSql.All(table), connection, transaction))
        await using (var reader = await all.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetGuid(0), ReadRecord(reader, table, offset: 1)));
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (department, record) in rows)
        {
            var result = RecordSchemaRegistry.Transform(step, version, record);
            if (result is null)
            {
                var delete = new NpgsqlBatchCommand(PostgreSqlRecordSql.Delete(table));
                AddKey(delete.Parameters, table, department, record);
                delete.Parameters.Add(new NpgsqlParameter<long>(null!, record.Version));
                batch.BatchCommands.Add(delete);
            }
            else if (!result.Equals(record))
            {
                var update = new NpgsqlBatchCommand(PostgreSqlRecordSql.Update(table, checkVersion: false));
                AddUpdate(update.Parameters, table, department, result);
                batch.BatchCommands.Add(update);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Saves records of any registered schemas, checks read versions and appends the events, in one transaction.</summary>
    public async Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
    {
        var events = _registry.CheckAcross(department, changes);
        var saved = new List<Record>(changes.Count);
        if (changes.IsEmpty)
        {
            return saved;
        }

        // Inserts into a table that gets enough of them go through COPY first; the rest keep their order in one batch.
        var inserts = new Dictionary<string, List<Record>>(StringComparer.Ordinal);
        foreach (var (kind, record) in changes.Items)
        {
            if (kind == RecordChangeKind.Insert)
            {
                if (!inserts.TryGetValue(record.Table.Name, out var list))
                {
                    inserts.Add(record.Table.Name, list = []);
                }

                list.Add(record);
            }
        }

        var copied = inserts.Values.Where(l => l.Count >= CopyThreshold).ToArray();
        var batched = copied.Length == 0
            ? changes.Items.ToArray()
            : changes.Items.Where(c => c.Kind != RecordChangeKind.Insert || inserts[c.Record.Table.Name].Count < CopyThreshold).ToArray();

        await using var connection = await _database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var reserved = await CheckAsync(connection, transaction, department.Value, changes.Checks, cancellationToken).ConfigureAwait(false);
            foreach (var records in copied)
            {
                await CopyAsync(connection, department.Value, records, cancellationToken).ConfigureAwait(false);
            }

            if (batched.Length > 0)
            {
                // The records and the events (the outbox) in one round trip.
                await BatchAsync(connection, transaction, department.Value, batched, cancellationToken, events).ConfigureAwait(false);
            }
            else if (events.Length > 0)
            {
                await PostgreSqlEventLog.InsertAsync(connection, transaction, events, cancellationToken).ConfigureAwait(false); // the outbox
            }

            await ReleaseAsync(connection, transaction, department.Value, reserved, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw await InsertConflictAsync(department.Value, changes, exception, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw _database.Translate(exception);
        }

        foreach (var (kind, record) in changes.Items)
        {
            if (kind != RecordChangeKind.Delete)
            {
                saved.Add(record.WithVersion(record.Version + 1));
            }
        }

        return saved;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Guid department, List<Record> records, CancellationToken cancellationToken)
    {
        var table = records[0].Table;
        await using var stream = await connection.BeginRawBinaryCopyAsync(PostgreSqlRecordSql.Copy(table), cancellationToken).ConfigureAwait(false);
        await using var writer = new PostgreSqlCopyWriter(stream);
        foreach (var record in records)
        {
            await writer.WriteRowAsync(department, record, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task BatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid department, RecordChange[] changes, CancellationToken cancellationToken, Ent.Storage.Events.EventRow[]? events = null)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (kind, record) in changes)
        {
            var table = record.Table;
            NpgsqlBatchCommand command;
            switch (kind)
            {
                case RecordChangeKind.Insert:
                    command = new NpgsqlBatchCommand(PostgreSqlRecordSql.Insert(table));
                    command.Parameters.Add(new NpgsqlParameter<Guid>(null!, department));
                    for (var i = 0; i < table.Columns.Length; i++)
                    {
                        command.Parameters.Add(Parameter(table.Columns[i].Type, record.RawValues[i]));
                    }

                    command.Parameters.Add(new NpgsqlParameter<long>(null!, 1));
                    break;
                case RecordChangeKind.Update:
                    command = new NpgsqlBatchCommand(PostgreSqlRecordSql.Update(table));
                    AddUpdate(command.Parameters, table, department, record);
                    command.Parameters.Add(new NpgsqlParameter<long>(null!, record.Version));
                    break;
                default:
                    command = new NpgsqlBatchCommand(PostgreSqlRecordSql.Delete(table));
                    AddKey(command.Parameters, table, department, record);
                    command.Parameters.Add(new NpgsqlParameter<long>(null!, record.Version));
                    break;
            }

            batch.BatchCommands.Add(command);
        }

        if (events is { Length: > 0 })
        {
            batch.BatchCommands.Add(PostgreSqlEventLog.InsertCommand(events));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < changes.Length; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected == 0)
            {
                var record = changes[i].Record;
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw new RecordConflictException(Location, record.Key, record.Version, await StoredVersionAsync(connection, department, record, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>
    /// Checks the versions of records read and not written: a present record is locked against writers until the commit
    /// (<c>FOR SHARE</c>), an absent key is reserved (<see cref="PostgreSqlRecordSql.Reserve"/>), so that no writer can slip in between.
    /// </summary>
    /// <returns>The reserved keys, released before the commit.</returns>
    private async Task<List<RecordCheck>> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid department, IReadOnlyList<RecordCheck> checks, CancellationToken cancellationToken)
    {
        var reserved = new List<RecordCheck>();
        foreach (var check in checks)
        {
            var table = check.Key.Table;
            long? stored;
            if (check.Version == 0)
            {
                if (table.Columns.Skip(table.KeyCount).FirstOrDefault(c => !c.Nullable) is { } required)
                {
                    throw new ArgumentException($"{check.Key} is checked absent, which PostgreSQL can hold only in a table whose other columns are nullable (as documents' are); '{required.Name}' is not.", nameof(checks));
                }

                await using var reserve = KeyCommand(PostgreSqlRecordSql.Reserve(table), connection, transaction, department, check.Key);
                if (await reserve.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    reserved.Add(check);
                    continue;
                }

                await using var committed = KeyCommand(PostgreSqlRecordSql.VersionForShare(table), connection, transaction, department, check.Key);
                stored = await committed.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
            }
            else
            {
                await using var read = KeyCommand(PostgreSqlRecordSql.VersionForShare(table), connection, transaction, department, check.Key);
                stored = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
                if (stored == check.Version)
                {
                    continue;
                }
            }

            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            throw new RecordConflictException(Location, check.Key, check.Version, stored);
        }

        return reserved;
    }

    private static async Task ReleaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid department, List<RecordCheck> reserved, CancellationToken cancellationToken)
    {
        foreach (var check in reserved)
        {
            await using var release = KeyCommand(PostgreSqlRecordSql.Release(check.Key.Table), connection, transaction, department, check.Key);
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NpgsqlCommand KeyCommand(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, Guid department, RecordKey key)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>(null!, department));
        for (var i = 0; i < key.Table.KeyCount; i++)
        {
            command.Parameters.Add(Parameter(key.Table.Columns[i].Type, key.Values[i]));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(ColumnType type, object? value) =>
        new() { NpgsqlDbType = PostgreSqlRecordSql.DbType(type), Value = value is ReadOnlyMemory<byte> bytes ? bytes.ToArray() : value ?? DBNull.Value };

    private static void AddKey(NpgsqlParameterCollection parameters, TableDefinition table, Guid department, Record record)
    {
        parameters.Add(new NpgsqlParameter<Guid>(null!, department));
        for (var i = 0; i < table.KeyCount; i++)
        {
            parameters.Add(Parameter(table.Columns[i].Type, record.RawValues[i]));
        }
    }

    private static void AddUpdate(NpgsqlParameterCollection parameters, TableDefinition table, Guid department, Record record)
    {
        for (var i = table.KeyCount; i < table.Columns.Length; i++)
        {
            parameters.Add(Parameter(table.Columns[i].Type, record.RawValues[i]));
        }

        AddKey(parameters, table, department, record);
    }

    private static Record ReadRecord(NpgsqlDataReader reader, TableDefinition table, int offset = 0)
    {
        var values = new object?[table.Columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var ordinal = offset + i;
            values[i] = reader.IsDBNull(ordinal) ? null : table.Columns[i].Type switch
            {
                ColumnType.Id => reader.GetGuid(ordinal),
                ColumnType.Text => reader.GetString(ordinal),
                ColumnType.Integer => reader.GetInt64(ordinal),
                ColumnType.Number => reader.GetDouble(ordinal),
                ColumnType.Boolean => reader.GetBoolean(ordinal),
                ColumnType.Timestamp => reader.GetFieldValue<DateTimeOffset>(ordinal),
                ColumnType.Date => reader.GetFieldValue<DateOnly>(ordinal),
                ColumnType.Bytes => new ReadOnlyMemory<byte>(reader.GetFieldValue<byte[]>(ordinal)),
                _ => throw new InvalidOperationException($"Unknown column type {table.Columns[i].Type}."),
            };
        }

        return new Record(table, values, reader.GetInt64(offset + values.Length));
    }

    private static async Task<long?> StoredVersionAsync(NpgsqlConnection connection, Guid department, Record record, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(PostgreSqlRecordSql.Find(record.Table), connection);
        AddKey(find.Parameters, record.Table, department, record);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt64(record.Table.Columns.Length) : null;
    }

    /// <summary>Finds which new record's key was taken, after the transaction rolled back.</summary>
    private async Task<StorageException> InsertConflictAsync(Guid department, RecordChanges changes, PostgresException violation, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var inserts in changes.Items.Where(c => c.Kind == RecordChangeKind.Insert).Select(c => c.Record).GroupBy(r => r.Table.Name, StringComparer.Ordinal))
        {
            var table = inserts.First().Table;
            await using var find = new NpgsqlCommand(PostgreSqlRecordSql.FirstExisting(table), connection);
            find.Parameters.Add(new NpgsqlParameter<Guid>(null!, department));
            AddKeyArrays(find.Parameters, table, [.. inserts.Select(r => (IReadOnlyList<object?>)r.RawValues)]);

            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = new object?[table.KeyCount];
                for (var i = 0; i < key.Length; i++)
                {
                    key[i] = reader.GetValue(i);
                }

                return new RecordConflictException(Location, table.Key(key), 0, reader.GetInt64(table.KeyCount));
            }
        }

        return new StorageException(Location, $"a new record's key was taken ({violation.MessageText}); nothing of the change set was written.", violation);
    }

    /// <summary>One array parameter per key column, the keys' values in order: what <c>unnest</c> pairs up again.</summary>
    private static void AddKeyArrays(NpgsqlParameterCollection parameters, TableDefinition table, IReadOnlyList<IReadOnlyList<object?>> keys)
    {
        for (var i = 0; i < table.KeyCount; i++)
        {
            var values = Array.CreateInstance(ClrType(table.Columns[i].Type), keys.Count);
            for (var k = 0; k < keys.Count; k++)
            {
                values.SetValue(keys[k][i], k);
            }

            parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | PostgreSqlRecordSql.DbType(table.Columns[i].Type), Value = values });
        }
    }

    private static Type ClrType(ColumnType type) => type switch
    {
        ColumnType.Id => typeof(Guid),
        ColumnType.Text => typeof(string),
        ColumnType.Integer => typeof(long),
        ColumnType.Number => typeof(double),
        ColumnType.Boolean => typeof(bool),
        ColumnType.Timestamp => typeof(DateTimeOffset),
        ColumnType.Date => typeof(DateOnly),
        ColumnType.Bytes => typeof(byte[]),
        _ => throw new InvalidOperationException($"Unknown column type {type}."),
    };

    private sealed class Store(PostgreSqlRecordStores owner, RecordSchema schema) : IRecordStore, IRecordScanner
    {
        public async Task<IReadOnlyList<(DepartmentId Department, Record Record)>> ScanAsync(TableDefinition table, CancellationToken cancellationToken)
        {
            RecordSchemaRegistry.CheckTable(schema, table);
            await using var connection = await owner._database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var all = new NpgsqlCommand(PostgreSqlRecordSql.All(table), connection);
                await using var reader = await all.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<(DepartmentId, Record)>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((new DepartmentId(reader.GetGuid(0)), ReadRecord(reader, table, offset: 1)));
                }

                return rows;
            }
            catch (NpgsqlException exception)
            {
                throw owner._database.Translate(exception);
            }
        }

        public RecordSchema Schema => schema;

        public async Task<Record?> FindAsync(DepartmentId department, RecordKey key, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(key);
            RecordSchemaRegistry.CheckDepartment(department);
            RecordSchemaRegistry.CheckTable(schema, key.Table);
            await using var connection = await owner._database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var find = new NpgsqlCommand(PostgreSqlRecordSql.Find(key.Table), connection);
                find.Parameters.Add(new NpgsqlParameter<Guid>(null!, department.Value));
                for (var i = 0; i < key.Table.KeyCount; i++)
                {
                    find.Parameters.Add(Parameter(key.Table.Columns[i].Type, key.Values[i]));
                }

                await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRecord(reader, key.Table) : null;
            }
            catch (NpgsqlException exception)
            {
                throw owner._database.Translate(exception);
            }
        }

        public async Task<IReadOnlyList<Record?>> FindManyAsync(DepartmentId department, IReadOnlyList<RecordKey> keys, CancellationToken cancellationToken = default)
        {
            RecordSchemaRegistry.CheckKeys(schema, department, keys);
            if (keys.Count == 0)
            {
                return [];
            }

            var table = keys[0].Table;
            await using var connection = await owner._database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var find = new NpgsqlCommand(PostgreSqlRecordSql.FindMany(table), connection); // one statement whatever the number of keys
                find.Parameters.Add(new NpgsqlParameter<Guid>(null!, department.Value));
                AddKeyArrays(find.Parameters, table, [.. keys.Select(k => k.Values)]);

                var found = new Record?[keys.Count];
                await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found[reader.GetInt64(table.Columns.Length + 1) - 1] = ReadRecord(reader, table);
                }

                return found;
            }
            catch (NpgsqlException exception)
            {
                throw owner._database.Translate(exception);
            }
        }

        public async Task<IReadOnlyList<Record>> QueryAsync(DepartmentId department, RecordQuery query, CancellationToken cancellationToken = default) =>
            (await QueryManyAsync(department, [query], cancellationToken).ConfigureAwait(false))[0];

        /// <summary>The queries in one batch: one round trip, each query's rows read in turn.</summary>
        public async Task<IReadOnlyList<IReadOnlyList<Record>>> QueryManyAsync(DepartmentId department, IReadOnlyList<RecordQuery> queries, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(queries);
            RecordSchemaRegistry.CheckDepartment(department);
            foreach (var query in queries)
            {
                ArgumentNullException.ThrowIfNull(query, nameof(queries));
                RecordSchemaRegistry.CheckTable(schema, query.Table);
            }

            if (queries.Count == 0)
            {
                return [];
            }

            await using var connection = await owner._database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var batch = new NpgsqlBatch(connection);
                foreach (var query in queries)
                {
                    batch.BatchCommands.Add(Select(department, query));
                }

                var results = new IReadOnlyList<Record>[queries.Count];
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < queries.Count; i++)
                {
                    var records = new List<Record>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        records.Add(ReadRecord(reader, queries[i].Table));
                    }

                    results[i] = records;
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                return results;
            }
            catch (NpgsqlException exception)
            {
                throw owner._database.Translate(exception);
            }
        }

        private static NpgsqlBatchCommand Select(DepartmentId department, RecordQuery query)
        {
            var select = new NpgsqlBatchCommand(PostgreSqlRecordSql.Query(query));
            select.Parameters.Add(new NpgsqlParameter<Guid>(null!, department.Value));
            foreach (var (ordinal, value) in query.Filters)
            {
                if (value is not null)
                {
                    select.Parameters.Add(Parameter(query.Table.Columns[ordinal].Type, value));
                }
            }

            if (query.After is { } after)
            {
                for (var i = 0; i < query.Table.KeyCount; i++)
                {
                    select.Parameters.Add(Parameter(query.Table.Columns[i].Type, after.Values[i]));
                }
            }

            return select;
        }

        public Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
        {
            RecordSchemaRegistry.Check(schema, department, changes);
            return owner.SaveAsync(department, changes, cancellationToken);
        }
    }
}
