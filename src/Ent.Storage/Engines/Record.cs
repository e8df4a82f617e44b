namespace Ent.Storage.Engines;

/// <summary>
/// An immutable row of a record table: values checked against the table's columns, and the version the
/// store gave it (0 for a record that was never saved). Saving an update or a delete expects that version
/// still to be the stored one; otherwise the store reports a conflict.
/// </summary>
public sealed class Record : IEquatable<Record>
{
    private readonly object?[] _values;

    internal Record(TableDefinition table, object?[] values, long version)
    {
        Table = table;
        _values = values;
        Version = version;
    }

    /// <summary>The table it belongs to.</summary>
    public TableDefinition Table { get; }

    /// <summary>The stored version: 0 when never saved, 1 when inserted, then one more per update.</summary>
    public long Version { get; }

    /// <summary>The record's key.</summary>
    public RecordKey Key => new(Table, _values[..Table.KeyCount]);

    /// <summary>The value of a column.</summary>
    /// <param name="column">The column name.</param>
    public object? this[string column] => _values[Table.Ordinal(column)];

    /// <summary>The values in column order.</summary>
    public IReadOnlyList<object?> Values => _values;

    internal object?[] RawValues => _values;

    /// <summary>The value of an id column.</summary>
    /// <param name="column">The column name.</param>
    public Guid GetId(string column) => Get<Guid>(column);

    /// <summary>The value of a text column.</summary>
    /// <param name="column">The column name.</param>
    public string GetText(string column) => Get<string>(column);

    /// <summary>The value of an integer column.</summary>
    /// <param name="column">The column name.</param>
    public long GetInteger(string column) => Get<long>(column);

    /// <summary>The value of a number column.</summary>
    /// <param name="column">The column name.</param>
    public double GetNumber(string column) => Get<double>(column);

    /// <summary>The value of a bytes column (read-only: the record keeps its own copy).</summary>
    /// <param name="column">The column name.</param>
    public ReadOnlyMemory<byte> GetBytes(string column) => Get<ReadOnlyMemory<byte>>(column);

    /// <summary>The value of a column, of its stored type, or its default when null.</summary>
    /// <typeparam name="T">The stored type (Guid, string, long, double, bool, DateTimeOffset, DateOnly), nullable where the column is.</typeparam>
    /// <param name="column">The column name.</param>
    /// <exception cref="InvalidCastException">The column holds another type; the message names it.</exception>
    public T Get<T>(string column)
    {
        var value = this[column];
        return value switch
        {
            T typed => typed,
            null when default(T) is null || Nullable.GetUnderlyingType(typeof(T)) is not null => default!,
            _ => throw new InvalidCastException($"{Table}.{column} holds {(value is null ? "null" : value.GetType().Name)}, not {typeof(T).Name}."),
        };
    }

    /// <summary>A copy with one value changed (checked against its column), keeping the version.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="value">The new value.</param>
    /// <exception cref="ArgumentException">The value does not fit the column.</exception>
    public Record With(string column, object? value)
    {
        var ordinal = Table.Ordinal(column);
        var values = (object?[])_values.Clone();
        values[ordinal] = Table.Columns[ordinal].Normalize(Table.ToString(), value);
        return new Record(Table, values, Version);
    }

    internal Record WithVersion(long version) => new(Table, _values, version);

    /// <inheritdoc />
    public bool Equals(Record? other) =>
        other is not null && Version == other.Version && Table.SameShape(other.Table) && _values.SequenceEqual(other._values, ValueComparer.Instance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Record);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Version);

    /// <inheritdoc />
    public override string ToString() => $"{Key} v{Version}";

    /// <summary>Values compare by content; bytes too (a memory compares by reference otherwise).</summary>
    private sealed class ValueComparer : IEqualityComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is ReadOnlyMemory<byte> a && y is ReadOnlyMemory<byte> b ? a.Span.SequenceEqual(b.Span) : object.Equals(x, y);

        public int GetHashCode(object? value) => value?.GetHashCode() ?? 0;
    }
}
