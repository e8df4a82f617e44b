using System.Globalization;

namespace Ent.Storage.Engines;

/// <summary>The key of a record: its table and the values of the table's key columns.</summary>
public sealed class RecordKey : IEquatable<RecordKey>
{
    private readonly object?[] _values;

    internal RecordKey(TableDefinition table, object?[] values)
    {
        Table = table;
        _values = values;
    }

    /// <summary>The table.</summary>
    public TableDefinition Table { get; }

    /// <summary>The key values, in key-column order.</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <inheritdoc />
    public bool Equals(RecordKey? other) =>
        other is not null && other.Table.Name == Table.Name && other.Table.Component == Table.Component && _values.SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RecordKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Table.Name, StringComparer.Ordinal);
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Table}({string.Join(", ", _values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))})";
}
