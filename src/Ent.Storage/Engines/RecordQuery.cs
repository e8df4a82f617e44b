using System.Collections.Immutable;

namespace Ent.Storage.Engines;

/// <summary>
/// Which records of one table to read, within one department: equality filters on columns (null matches
/// null), in key order, optionally capped and starting after a key (to read a large table page by page).
/// Declare an index on the columns a frequent query filters on.
/// </summary>
public sealed class RecordQuery
{
    private RecordQuery(TableDefinition table, ImmutableArray<(int Ordinal, object? Value)> filters, int? limit, RecordKey? after)
    {
        Table = table;
        Filters = filters;
        Limit = limit;
        After = after;
    }

    /// <summary>The table.</summary>
    public TableDefinition Table { get; }

    /// <summary>The filters: a column position and the value it must equal.</summary>
    public ImmutableArray<(int Ordinal, object? Value)> Filters { get; }

    /// <summary>The most records to return; null for all.</summary>
    public int? Limit { get; }

    /// <summary>Only records whose key comes after this one, in key order; null to start at the first.</summary>
    public RecordKey? After { get; }

    /// <summary>Every record of a table (in the department queried).</summary>
    /// <param name="table">The table.</param>
    public static RecordQuery From(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new RecordQuery(table, [], null, null);
    }

    /// <summary>Only the records whose column equals a value (checked against the column).</summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new query.</returns>
    public RecordQuery Where(string column, object? value)
    {
        var ordinal = Table.Ordinal(column);
        var definition = Table.Columns[ordinal];
        if (definition.Type == ColumnType.Bytes)
        {
            throw new ArgumentException($"Column '{column}' of '{Table}' holds bytes: a query cannot filter on it.", nameof(column));
        }

        var normalized = value is null && definition.Nullable ? null : definition.Normalize(Table.ToString(), value);
        return new RecordQuery(Table, Filters.Add((ordinal, normalized)), Limit, After);
    }

    /// <summary>At most <paramref name="limit"/> records, the first in key order.</summary>
    /// <param name="limit">From 1.</param>
    /// <returns>A new query.</returns>
    public RecordQuery Take(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return new RecordQuery(Table, Filters, limit, After);
    }

    /// <summary>Starts after a key: with <see cref="Take"/>, reads a large table page by page (pass the last key of a page).</summary>
    /// <param name="key">A key of this table.</param>
    /// <returns>A new query.</returns>
    public RecordQuery StartAfter(RecordKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Table.Name != Table.Name || key.Table.Component != Table.Component)
        {
            throw new ArgumentException($"{key} is not a key of {Table}.", nameof(key));
        }

        return new RecordQuery(Table, Filters, Limit, key);
    }
}
