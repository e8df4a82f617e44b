using System.Collections.Immutable;

namespace Ent.Storage.Records;

/// <summary>
/// Which records of one table to read, within one department: equality filters on columns (null matches
/// null), in key order, optionally capped. Declare an index on the columns a frequent query filters on.
/// </summary>
public sealed class RecordQuery
{
    private RecordQuery(TableDefinition table, ImmutableArray<(int Ordinal, object? Value)> filters, int? limit)
    {
        Table = table;
        Filters = filters;
        Limit = limit;
    }

    /// <summary>The table.</summary>
    public TableDefinition Table { get; }

    /// <summary>The filters: a column position and the value it must equal.</summary>
    public ImmutableArray<(int Ordinal, object? Value)> Filters { get; }

    /// <summary>The most records to return; null for all.</summary>
    public int? Limit { get; }

    /// <summary>Every record of a table (in the department queried).</summary>
    /// <param name="table">The table.</param>
    public static RecordQuery From(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new RecordQuery(table, [], null);
    }

    /// <summary>Only the records whose column equals a value (checked against the column).</summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new query.</returns>
    public RecordQuery Where(string column, object? value)
    {
        var ordinal = Table.Ordinal(column);
        var definition = Table.Columns[ordinal];
        var normalized = value is null && definition.Nullable ? null : definition.Normalize(Table.ToString(), value);
        return new RecordQuery(Table, Filters.Add((ordinal, normalized)), Limit);
    }

    /// <summary>At most <paramref name="limit"/> records, the first in key order.</summary>
    /// <param name="limit">From 1.</param>
    /// <returns>A new query.</returns>
    public RecordQuery Take(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return new RecordQuery(Table, Filters, limit);
    }
}
