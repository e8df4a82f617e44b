using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Schema;
using Ent.Storage.Engines;
using Microsoft.Data.Sqlite;

namespace Ent.Storage.Sqlite;

/// <summary>
/// The event log in a SQLite file: one table, appended in <c>BEGIN IMMEDIATE</c> transactions with a prepared native statement.
/// GUIDs are stored big-endian, so that time-ordered (version 7) ids append at the end of the index.
/// The sequence is the rowid: the log only grows, so rowids only increase (no AUTOINCREMENT bookkeeping).
/// </summary>
/// <param name="database">The database.</param>
internal sealed class SqliteEventLog(SqliteDatabase database) : IEventLog
{
    /// <summary>How many events are serialised ahead of the writer at a time.</summary>
    private const int Chunk = 1024;

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
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await database.ConnectNativeAsync(cancellationToken).ConfigureAwait(false);
        var db = connection.Handle!;
        using var insert = Prepare(db, database.Path);
        database.InTransaction(db, () =>
        {
            // SQLite writes on one core: the next chunk's payloads are serialised on another meanwhile.
            foreach (var rows in EventRow.InChunks(events, Chunk, cancellationToken))
            {
                foreach (var row in rows)
                {
                    Insert(insert, row);
                }
            }
        });
    }

    /// <summary>Inserts checked rows inside the caller's transaction: the outbox of a change set.</summary>
    internal static void Insert(SQLitePCL.sqlite3 db, string location, EventRow[] rows)
    {
        using var insert = Prepare(db, location);
        foreach (var row in rows)
        {
            Insert(insert, row);
        }
    }

    private static SqliteStatement Prepare(SQLitePCL.sqlite3 db, string location) => new(db, location, """
        INSERT INTO ent_events (id, department, school, actor, occurred_at, category, type, object_kind, object_id, payload)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        """);

    private static void Insert(SqliteStatement insert, EventRow row)
    {
        insert.BindId(1, row.Id);
        insert.BindId(2, row.Department);
        insert.Bind(3, ColumnType.Id, row.School);
        insert.BindId(4, row.Actor);
        insert.BindInt64(5, row.OccurredAt.UtcTicks);
        insert.BindInt64(6, row.Category);
        insert.Bind(7, ColumnType.Text, row.Type);
        insert.Bind(8, ColumnType.Text, row.ObjectKind);
        insert.BindId(9, row.ObjectId);
        insert.BindUtf8(10, row.Payload);
        var rc = insert.Step();
        insert.Reset();
        if (rc != SqliteStatement.Done)
        {
            throw new ArgumentException($"Event {row.Id} is already in the log (SQLite constraint {rc}); nothing of the batch was written.", nameof(row));
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
    public async Task<IReadOnlyList<UsageCount>> CountByActorAsync(EventLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var count = Filtered(connection, query, "SELECT school, actor, category, count(*) FROM ent_events WHERE department = $department{0} GROUP BY school, actor, category");
        var counts = new List<UsageCount>();
        try
        {
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts.Add(new UsageCount(
                    reader.IsDBNull(0) ? null : new SchoolId(new Guid((byte[])reader[0], bigEndian: true)),
                    new PersonId(new Guid((byte[])reader[1], bigEndian: true)),
                    (UsageCategory)reader.GetInt16(2),
                    reader.GetInt64(3)));
            }
        }
        catch (SqliteException exception)
        {
            throw database.Translate(exception);
        }

        return counts;
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
