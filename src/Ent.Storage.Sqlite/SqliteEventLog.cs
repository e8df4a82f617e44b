using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Ent.Storage.Sqlite;

/// <summary>
/// The event log in a SQLite file: one table, appended in transactions with a prepared statement.
/// GUIDs are stored big-endian, so that time-ordered (version 7) ids append at the end of the index.
/// The sequence is the rowid: the log only grows, so rowids only increase (no AUTOINCREMENT bookkeeping).
/// </summary>
/// <param name="database">The database.</param>
public sealed class SqliteEventLog(SqliteDatabase database) : IEventLog
{
    /// <summary>The event log's schema, version by version.</summary>
    public static IReadOnlyCollection<SchemaMigration> Migrations { get; } =
    [
        new(1, "The events table, indexed by department and time and by department and school.", """
            CREATE TABLE ent_events (
                sequence INTEGER PRIMARY KEY,
                id BLOB NOT NULL UNIQUE,
                department BLOB NOT NULL,
                school BLOB,
                actor BLOB NOT NULL,
                occurred_at INTEGER NOT NULL,
                category INTEGER NOT NULL,
                type TEXT NOT NULL,
                object_kind TEXT NOT NULL,
                object_id BLOB NOT NULL,
                payload TEXT NOT NULL);
            CREATE INDEX ix_ent_events_department_time ON ent_events (department, occurred_at);
            CREATE INDEX ix_ent_events_department_school ON ent_events (department, school, sequence);
            """),
    ];

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        var rows = EventRow.FromBatch(events);
        if (rows.Length == 0)
        {
            return;
        }

        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO ent_events (id, department, school, actor, occurred_at, category, type, object_kind, object_id, payload)
                VALUES ($id, $department, $school, $actor, $at, $category, $type, $kind, $object, $payload)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Blob);
            var department = insert.Parameters.Add("$department", SqliteType.Blob);
            var school = insert.Parameters.Add("$school", SqliteType.Blob);
            var actor = insert.Parameters.Add("$actor", SqliteType.Blob);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            var category = insert.Parameters.Add("$category", SqliteType.Integer);
            var type = insert.Parameters.Add("$type", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var @object = insert.Parameters.Add("$object", SqliteType.Blob);
            var payload = insert.Parameters.Add("$payload", SqliteType.Text);
            insert.Prepare();
            foreach (var row in rows)
            {
                id.Value = row.Id.ToByteArray(bigEndian: true);
                department.Value = row.Department.ToByteArray(bigEndian: true);
                school.Value = row.School is { } s ? s.ToByteArray(bigEndian: true) : DBNull.Value;
                actor.Value = row.Actor.ToByteArray(bigEndian: true);
                at.Value = row.OccurredAt.UtcTicks;
                category.Value = row.Category;
                type.Value = row.Type;
                kind.Value = row.ObjectKind;
                @object.Value = row.ObjectId.ToByteArray(bigEndian: true);
                payload.Value = row.Payload;
                cancellationToken.ThrowIfCancellationRequested();

                // SQLite runs in-process: the synchronous call does the same work without a task per row.
                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
        {
            throw new ArgumentException($"An event of the batch is already in the log ({exception.Message}); nothing of the batch was written.", nameof(events), exception);
        }
        catch (SqliteException exception)
        {
            throw database.Translate(exception);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Filtered(connection, query, """
            SELECT sequence, id, department, school, actor, occurred_at, category, type, object_kind, object_id, payload
            FROM ent_events WHERE department = $department AND sequence > $after{0}
            ORDER BY sequence LIMIT $limit
            """);
        select.Parameters.AddWithValue("$after", query.AfterSequence);
        select.Parameters.AddWithValue("$limit", query.Limit);
        var events = new List<StoredEvent>();
        try
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new StoredEvent(
                    reader.GetInt64(0),
                    new EventId(new Guid((byte[])reader[1], bigEndian: true)),
                    new DepartmentId(new Guid((byte[])reader[2], bigEndian: true)),
                    reader.IsDBNull(3) ? null : new SchoolId(new Guid((byte[])reader[3], bigEndian: true)),
                    new PersonId(new Guid((byte[])reader[4], bigEndian: true)),
                    new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                    (UsageCategory)reader.GetInt16(6),
                    reader.GetString(7),
                    new ObjectReference(reader.GetString(8), new Guid((byte[])reader[9], bigEndian: true)),
                    reader.GetString(10)));
            }
        }
        catch (SqliteException exception)
        {
            throw database.Translate(exception);
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<UsageCategory, long>> CountByCategoryAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var count = Filtered(connection, query, "SELECT category, count(*) FROM ent_events WHERE department = $department{0} GROUP BY category");
        var counts = Enum.GetValues<UsageCategory>().ToDictionary(c => c, _ => 0L);
        try
        {
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[(UsageCategory)reader.GetInt16(0)] = reader.GetInt64(1);
            }
        }
        catch (SqliteException exception)
        {
            throw database.Translate(exception);
        }

        return counts;
    }

    private static SqliteCommand Filtered(SqliteConnection connection, EventLogQuery query, string sqlTemplate)
    {
        var command = connection.CreateCommand();
        var filters = new System.Text.StringBuilder();
        command.Parameters.AddWithValue("$department", query.Department.Value.ToByteArray(bigEndian: true));
        if (query.School is { } school)
        {
            filters.Append(" AND school = $school");
            command.Parameters.AddWithValue("$school", school.Value.ToByteArray(bigEndian: true));
        }

        if (query.From is { } from)
        {
            filters.Append(" AND occurred_at >= $from");
            command.Parameters.AddWithValue("$from", from.UtcTicks);
        }

        if (query.Until is { } until)
        {
            filters.Append(" AND occurred_at < $until");
            command.Parameters.AddWithValue("$until", until.UtcTicks);
        }

        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlTemplate, filters);
        return command;
    }
}
