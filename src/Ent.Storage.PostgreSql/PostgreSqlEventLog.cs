using System.Text;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ent.Storage.PostgreSql;

/// <summary>The event log on PostgreSQL: every row carries its department; batches are written with binary COPY.</summary>
/// <param name="database">The database.</param>
internal sealed class PostgreSqlEventLog(PostgreSqlDatabase database) : IEventLog
{
    /// <summary>Batches at least this large are written with binary COPY; smaller ones with one multi-row INSERT.</summary>
    public const int CopyThreshold = 64;

    /// <summary>How many events are serialised ahead while the previous ones are written.</summary>
    private const int CopyChunk = 1024;

    /// <summary>The event log's schema, version by version.</summary>
    public static IReadOnlyCollection<SchemaMigration> Migrations { get; } =
    [
        new(1, "The events table, indexed by department and time and by department and school.", """
            CREATE TABLE ent.events (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id uuid NOT NULL UNIQUE,
                department_id uuid NOT NULL,
                school_id uuid,
                actor_id uuid NOT NULL,
                occurred_at timestamptz NOT NULL,
                category smallint NOT NULL,
                type text NOT NULL,
                object_kind text NOT NULL,
                object_id uuid NOT NULL,
                payload jsonb NOT NULL);
            CREATE INDEX ix_events_department_time ON ent.events (department_id, occurred_at);
            CREATE INDEX ix_events_department_school ON ent.events (department_id, school_id, sequence);
            """),
        new(2, "The time index becomes a BRIN index: the log is appended in time order, so block ranges summarise time well, at a fraction of a B-tree's cost per appended row.", """
            DROP INDEX ent.ix_events_department_time;
            CREATE INDEX ix_events_time ON ent.events USING brin (occurred_at);
            """),
    ];

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var small = events.Count < CopyThreshold ? EventRow.FromBatch(events) : null; // checked before connecting
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (small is null)
            {
                await CopyAsync(connection, events, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await InsertAsync(connection, transaction, small, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ArgumentException($"An event of the batch is already in the log ({exception.Detail ?? exception.MessageText}); nothing of the batch was written.", nameof(events), exception);
        }
        catch (NpgsqlException exception)
        {
            throw database.Translate(exception);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var select = Filtered(connection, query, """
                SELECT sequence, id, department_id, school_id, actor_id, occurred_at, category, type, object_kind, object_id, payload::text
                FROM ent.events WHERE department_id = @department AND sequence > @after{0}
                ORDER BY sequence LIMIT @limit
                """);
            select.Parameters.AddWithValue("after", query.AfterSequence);
            select.Parameters.AddWithValue("limit", query.Limit);
            var events = new List<StoredEvent>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new StoredEvent(
                    reader.GetInt64(0),
                    new EventId(reader.GetGuid(1)),
                    new DepartmentId(reader.GetGuid(2)),
                    reader.IsDBNull(3) ? null : new SchoolId(reader.GetGuid(3)),
                    new PersonId(reader.GetGuid(4)),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    (UsageCategory)reader.GetInt16(6),
                    reader.GetString(7),
                    new ObjectReference(reader.GetString(8), reader.GetGuid(9)),
                    reader.GetString(10)));
            }

            return events;
        }
        catch (NpgsqlException exception)
        {
            throw database.Translate(exception);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageCount>> CountByActorAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var count = Filtered(connection, query, "SELECT school_id, actor_id, category, count(*) FROM ent.events WHERE department_id = @department{0} GROUP BY school_id, actor_id, category");
            var counts = new List<UsageCount>();
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts.Add(new UsageCount(reader.IsDBNull(0) ? null : new SchoolId(reader.GetGuid(0)), new PersonId(reader.GetGuid(1)), (UsageCategory)reader.GetInt16(2), reader.GetInt64(3)));
            }

            return counts;
        }
        catch (NpgsqlException exception)
        {
            throw database.Translate(exception);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<UsageCategory, long>> CountByCategoryAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var count = Filtered(connection, query, "SELECT category, count(*) FROM ent.events WHERE department_id = @department{0} GROUP BY category");
            var counts = Enum.GetValues<UsageCategory>().ToDictionary(c => c, _ => 0L);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[(UsageCategory)reader.GetInt16(0)] = reader.GetInt64(1);
            }

            return counts;
        }
        catch (NpgsqlException exception)
        {
            throw database.Translate(exception);
        }
    }

    /// <summary>Writes a batch with binary COPY while its next chunk is serialised on another core; the server parses and indexes meanwhile.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(
            "COPY ent.events (id, department_id, school_id, actor_id, occurred_at, category, type, object_kind, object_id, payload) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        await using var writer = new PostgreSqlCopyWriter(stream);
        foreach (var row in EventRow.InChunks(events, CopyChunk, cancellationToken).SelectMany(rows => rows))
        {
            writer.StartRow(10);
            writer.Write(ColumnType.Id, row.Id);
            writer.Write(ColumnType.Id, row.Department);
            writer.Write(ColumnType.Id, row.School);
            writer.Write(ColumnType.Id, row.Actor);
            writer.Write(ColumnType.Timestamp, row.OccurredAt);
            writer.WriteSmallInt(row.Category);
            writer.Write(ColumnType.Text, row.Type);
            writer.Write(ColumnType.Text, row.ObjectKind);
            writer.Write(ColumnType.Id, row.ObjectId);
            writer.WriteJsonb(row.Payload);
            await writer.EndRowAsync(cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRow[] rows, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(InsertCommand(rows));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The events' insert as one command of a batch, so that a unit of work's records and events go in one round trip.</summary>
    internal static NpgsqlBatchCommand InsertCommand(EventRow[] rows)
    {
        var sql = new StringBuilder("INSERT INTO ent.events (id, department_id, school_id, actor_id, occurred_at, category, type, object_kind, object_id, payload) VALUES ");
        var insert = new NpgsqlBatchCommand();
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var p = i * 10;
            sql.Append(i == 0 ? string.Empty : ", ").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"(${p + 1}, ${p + 2}, ${p + 3}, ${p + 4}, ${p + 5}, ${p + 6}, ${p + 7}, ${p + 8}, ${p + 9}, ${p + 10})");
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Department, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.School is { } s ? s : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Actor, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.OccurredAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Category, NpgsqlDbType = NpgsqlDbType.Smallint });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Type, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.ObjectKind, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.ObjectId, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.PayloadText, NpgsqlDbType = NpgsqlDbType.Jsonb });
        }

        insert.CommandText = sql.ToString();
        return insert;
    }

    private static NpgsqlCommand Filtered(NpgsqlConnection connection, EventLogQuery query, string sqlTemplate)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var filters = new StringBuilder();
        command.Parameters.AddWithValue("department", query.Department.Value);
        if (query.School is { } school)
        {
            filters.Append(" AND school_id = @school");
            command.Parameters.AddWithValue("school", school.Value);
        }

        if (query.From is { } from)
        {
            filters.Append(" AND occurred_at >= @from");
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (query.Until is { } until)
        {
            filters.Append(" AND occurred_at < @until");
            command.Parameters.AddWithValue("until", until.ToUniversalTime());
        }

        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlTemplate, filters);
        return command;
    }
}
