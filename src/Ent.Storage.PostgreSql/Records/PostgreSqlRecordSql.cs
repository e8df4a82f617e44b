using System.Text;
using Ent.Storage.Engines;
using NpgsqlTypes;

namespace Ent.Storage.PostgreSql.Records;

/// <summary>The SQL of record tables on PostgreSQL, in the <c>ent</c> schema: department first, the version last.</summary>
internal static class PostgreSqlRecordSql
{
    public static string Type(ColumnType type) => type switch
    {
        ColumnType.Id => "uuid",
        ColumnType.Text => "text COLLATE \"C\"",
        ColumnType.Integer => "bigint",
        ColumnType.Number => "double precision",
        ColumnType.Boolean => "boolean",
        ColumnType.Timestamp => "timestamptz",
        ColumnType.Date => "date",
        ColumnType.Bytes => "bytea",
        _ => throw new InvalidOperationException($"Unknown column type {type}."),
    };

    public static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Id => NpgsqlDbType.Uuid,
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.Integer => NpgsqlDbType.Bigint,
        ColumnType.Number => NpgsqlDbType.Double,
        ColumnType.Boolean => NpgsqlDbType.Boolean,
        ColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnType.Date => NpgsqlDbType.Date,
        ColumnType.Bytes => NpgsqlDbType.Bytea,
        _ => throw new InvalidOperationException($"Unknown column type {type}."),
    };

    public static string Name(TableDefinition table) => $"ent.\"{table.PhysicalName}\"";

    public static string CreateTable(TableDefinition table)
    {
        var sql = new StringBuilder($"CREATE TABLE {Name(table)} (department_id uuid NOT NULL");
        foreach (var column in table.Columns)
        {
            sql.Append($", {column.Name} {Type(column.Type)}{(column.Nullable ? "" : " NOT NULL")}");
        }

        sql.Append($", row_version bigint NOT NULL, PRIMARY KEY (department_id, {KeyList(table)}))");
        return sql.ToString();
    }

    public static string CreateIndex(TableDefinition table, int ordinal) =>
        $"CREATE INDEX \"{table.PhysicalName}_ix{ordinal + 1}\" ON {Name(table)} (department_id, {string.Join(", ", table.Indexes[ordinal])})";

    public static string AddColumn(TableDefinition table, ColumnDefinition column) =>
        $"ALTER TABLE {Name(table)} ADD COLUMN {column.Name} {Type(column.Type)}";

    public static string FillColumn(TableDefinition table, ColumnDefinition column) =>
        $"UPDATE {Name(table)} SET {column.Name} = $1";

    public static string RequireColumn(TableDefinition table, ColumnDefinition column) =>
        $"ALTER TABLE {Name(table)} ALTER COLUMN {column.Name} SET NOT NULL";

    /// <summary>Parameters: department, every column, version.</summary>
    public static string Insert(TableDefinition table) =>
        $"INSERT INTO {Name(table)} ({Columns(table)}) VALUES ({string.Join(", ", Enumerable.Range(1, table.Columns.Length + 2).Select(i => $"${i}"))})";

    public static string Copy(TableDefinition table) => $"COPY {Name(table)} ({Columns(table)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Parameters: the non-key columns, department, the key columns, expected version (when checked).</summary>
    public static string Update(TableDefinition table, bool checkVersion = true)
    {
        var values = table.Columns.Skip(table.KeyCount).Select((c, i) => $"{c.Name} = ${i + 1}").Append("row_version = row_version + 1");
        var first = table.Columns.Length - table.KeyCount + 1;
        return $"UPDATE {Name(table)} SET {string.Join(", ", values)} WHERE {KeyCondition(table, first)}{(checkVersion ? $" AND row_version = ${first + table.KeyCount + 1}" : "")}";
    }

    /// <summary>Parameters: department, the key columns, expected version.</summary>
    public static string Delete(TableDefinition table) =>
        $"DELETE FROM {Name(table)} WHERE {KeyCondition(table, 1)} AND row_version = ${table.KeyCount + 2}";

    /// <summary>Parameters: department, the key columns. Result: the version, the row locked against writers until the transaction ends.</summary>
    public static string VersionForShare(TableDefinition table) =>
        $"SELECT row_version FROM {Name(table)} WHERE {KeyCondition(table, 1)} FOR SHARE";

    /// <summary>
    /// Parameters: department, the key columns. Holds an absent key until the transaction ends with an uncommitted row at
    /// version 0 (never committed: <see cref="Release"/> removes it), so that a concurrent insert of that key waits, or is waited for.
    /// </summary>
    public static string Reserve(TableDefinition table) =>
        $"INSERT INTO {Name(table)} (department_id, {string.Join(", ", table.KeyColumns.Select(c => c.Name))}, row_version) VALUES ({string.Join(", ", Enumerable.Range(1, table.KeyCount + 1).Select(i => $"${i}"))}, 0) ON CONFLICT DO NOTHING";

    /// <summary>Parameters: department, the key columns. Removes a reservation.</summary>
    public static string Release(TableDefinition table) =>
        $"DELETE FROM {Name(table)} WHERE {KeyCondition(table, 1)} AND row_version = 0";

    /// <summary>Parameters: department, the key columns. Result: every column, then the version.</summary>
    public static string Find(TableDefinition table) =>
        $"SELECT {Selected(table)} FROM {Name(table)} WHERE {KeyCondition(table, 1)}";

    /// <summary>Parameters: department, then one array per key column. Result: every column, the version, then the key's place in the arrays (from 1).</summary>
    public static string FindMany(TableDefinition table)
    {
        var keys = table.KeyColumns.Select(c => c.Name).ToArray();
        var arrays = string.Join(", ", keys.Select((_, i) => $"${i + 2}"));
        var join = string.Join(" AND ", keys.Select((k, i) => $"{k} = u.key_{i}"));
        return $"SELECT {Selected(table)}, u.key_place FROM {Name(table)} JOIN unnest({arrays}) WITH ORDINALITY AS u({string.Join(", ", keys.Select((_, i) => $"key_{i}"))}, key_place) ON {join} WHERE department_id = $1";
    }

    /// <summary>Parameters: department, then one array per key column. Result: the key columns and version of the first stored match.</summary>
    public static string FirstExisting(TableDefinition table)
    {
        var keys = table.KeyColumns.Select(c => c.Name).ToArray();
        var arrays = string.Join(", ", keys.Select((_, i) => $"${i + 2}"));
        var join = string.Join(" AND ", keys.Select(k => $"t.{k} = u.{k}"));
        return $"SELECT {string.Join(", ", keys.Select(k => $"t.{k}"))}, t.row_version FROM {Name(table)} t JOIN unnest({arrays}) AS u({string.Join(", ", keys)}) ON {join} WHERE t.department_id = $1 LIMIT 1";
    }

    /// <summary>Parameters: department, the non-null filter values in order, then the key to start after.</summary>
    public static string Query(RecordQuery query)
    {
        var table = query.Table;
        var sql = new StringBuilder($"SELECT {Selected(table)} FROM {Name(table)} WHERE department_id = $1");
        var parameter = 2;
        foreach (var (ordinal, value) in query.Filters)
        {
            sql.Append(value is null ? $" AND {table.Columns[ordinal].Name} IS NULL" : $" AND {table.Columns[ordinal].Name} = ${parameter++}");
        }

        if (query.After is not null)
        {
            sql.Append($" AND ({KeyList(table)}) > ({string.Join(", ", table.KeyColumns.Select(_ => $"${parameter++}"))})");
        }

        sql.Append($" ORDER BY {KeyList(table)}");
        if (query.Limit is { } limit)
        {
            sql.Append($" LIMIT {limit}");
        }

        return sql.ToString();
    }

    /// <summary>Every row of every department. Result: department, every column, then the version.</summary>
    public static string All(TableDefinition table) => $"SELECT department_id, {Selected(table)} FROM {Name(table)}";

    private static string Columns(TableDefinition table) => $"department_id, {string.Join(", ", table.Columns.Select(c => c.Name))}, row_version";

    private static string Selected(TableDefinition table) => $"{string.Join(", ", table.Columns.Select(c => c.Name))}, row_version";

    private static string KeyList(TableDefinition table) => string.Join(", ", table.KeyColumns.Select(c => c.Name));

    private static string KeyCondition(TableDefinition table, int first) =>
        string.Join(" AND ", table.KeyColumns.Select((c, i) => $"{c.Name} = ${first + 1 + i}").Prepend($"department_id = ${first}"));
}
