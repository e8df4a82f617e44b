using System.Text;
using Ent.Storage.Engines;

namespace Ent.Storage.Sqlite.Records;

/// <summary>The SQL of record tables on SQLite: positional parameters, department first, the version last.</summary>
internal static class SqliteRecordSql
{
    public static string Type(ColumnType type) => type switch
    {
        ColumnType.Id or ColumnType.Bytes => "BLOB",
        ColumnType.Text => "TEXT",
        ColumnType.Number => "REAL",
        _ => "INTEGER",
    };

    public static string CreateTable(TableDefinition table)
    {
        var sql = new StringBuilder($"CREATE TABLE \"{table.PhysicalName}\" (department_id BLOB NOT NULL");
        foreach (var column in table.Columns)
        {
            sql.Append($", {column.Name} {Type(column.Type)}{(column.Nullable ? "" : " NOT NULL")}");
        }

        sql.Append($", row_version INTEGER NOT NULL, PRIMARY KEY (department_id, {KeyList(table)})) WITHOUT ROWID");
        return sql.ToString();
    }

    public static string CreateIndex(TableDefinition table, int ordinal) =>
        $"CREATE INDEX \"{IndexName(table, ordinal)}\" ON \"{table.PhysicalName}\" (department_id, {string.Join(", ", table.Indexes[ordinal])})";

    public static string AddColumn(TableDefinition table, ColumnDefinition column) =>
        $"ALTER TABLE \"{table.PhysicalName}\" ADD COLUMN {column.Name} {Type(column.Type)}";

    public static string FillColumn(TableDefinition table, ColumnDefinition column) =>
        $"UPDATE \"{table.PhysicalName}\" SET {column.Name} = ?1";

    /// <summary>Parameters: department, every column, version.</summary>
    public static string Insert(TableDefinition table) =>
        $"INSERT INTO \"{table.PhysicalName}\" (department_id, {string.Join(", ", table.Columns.Select(c => c.Name))}, row_version) VALUES ({Parameters(table.Columns.Length + 2)})";

    /// <summary>Parameters: the non-key columns, department, the key columns, expected version.</summary>
    public static string Update(TableDefinition table, bool checkVersion = true)
    {
        var values = table.Columns.Skip(table.KeyCount).Select((c, i) => $"{c.Name} = ?{i + 1}").Append("row_version = row_version + 1");
        var first = table.Columns.Length - table.KeyCount + 1;
        return $"UPDATE \"{table.PhysicalName}\" SET {string.Join(", ", values)} WHERE {KeyCondition(table, first)}{(checkVersion ? $" AND row_version = ?{first + table.KeyCount + 1}" : "")}";
    }

    /// <summary>Parameters: department, the key columns, expected version.</summary>
    public static string Delete(TableDefinition table) =>
        $"DELETE FROM \"{table.PhysicalName}\" WHERE {KeyCondition(table, 1)} AND row_version = ?{table.KeyCount + 2}";

    /// <summary>Parameters: department, the key columns. Result: every column, then the version.</summary>
    public static string Find(TableDefinition table) =>
        $"SELECT {Selected(table)} FROM \"{table.PhysicalName}\" WHERE {KeyCondition(table, 1)}";

    /// <summary>Parameters: department, the key columns. Result: the version.</summary>
    public static string Version(TableDefinition table) =>
        $"SELECT row_version FROM \"{table.PhysicalName}\" WHERE {KeyCondition(table, 1)}";

    /// <summary>Parameters: department, the non-null filter values in order, then the key to start after.</summary>
    public static string Query(RecordQuery query)
    {
        var table = query.Table;
        var sql = new StringBuilder($"SELECT {Selected(table)} FROM \"{table.PhysicalName}\"{IndexFor(query)} WHERE department_id = ?1");
        var parameter = 2;
        foreach (var (ordinal, value) in query.Filters)
        {
            sql.Append(value is null ? $" AND {table.Columns[ordinal].Name} IS NULL" : $" AND {table.Columns[ordinal].Name} = ?{parameter++}");
        }

        if (query.After is not null)
        {
            sql.Append($" AND ({KeyList(table)}) > ({string.Join(", ", table.KeyColumns.Select(_ => $"?{parameter++}"))})");
        }

        sql.Append($" ORDER BY {KeyList(table)}");
        if (query.Limit is { } limit)
        {
            sql.Append($" LIMIT {limit}");
        }

        return sql.ToString();
    }

    /// <summary>
    /// The index a query must search, if any: without statistics, SQLite's planner prefers walking the primary key
    /// of one department in order (it spares the sort) to searching a secondary index, which reads a whole
    /// department's table for a query that wants a few rows. A query whose filters fix the leading columns of an
    /// index, and not the key's first column, names the index that fixes the most.
    /// </summary>
    private static string IndexFor(RecordQuery query)
    {
        var table = query.Table;
        var fixedColumns = query.Filters.Select(f => table.Columns[f.Ordinal].Name).ToHashSet(StringComparer.Ordinal);
        if (fixedColumns.Contains(table.Columns[0].Name))
        {
            return string.Empty;
        }

        var (best, bestLength) = (-1, 0);
        for (var i = 0; i < table.Indexes.Length; i++)
        {
            var length = table.Indexes[i].TakeWhile(fixedColumns.Contains).Count();
            if (length > bestLength)
            {
                (best, bestLength) = (i, length);
            }
        }

        return best < 0 ? string.Empty : $" INDEXED BY \"{IndexName(table, best)}\"";
    }

    private static string IndexName(TableDefinition table, int ordinal) => $"{table.PhysicalName}_ix{ordinal + 1}";

    /// <summary>Every row of every department. Result: department, every column, then the version.</summary>
    public static string All(TableDefinition table) =>
        $"SELECT department_id, {Selected(table)} FROM \"{table.PhysicalName}\"";

    private static string Selected(TableDefinition table) => $"{string.Join(", ", table.Columns.Select(c => c.Name))}, row_version";

    private static string KeyList(TableDefinition table) => string.Join(", ", table.KeyColumns.Select(c => c.Name));

    private static string KeyCondition(TableDefinition table, int first) =>
        string.Join(" AND ", table.KeyColumns.Select((c, i) => $"{c.Name} = ?{first + 1 + i}").Prepend($"department_id = ?{first}"));

    private static string Parameters(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => $"?{i}"));
}
