using System.Collections.Immutable;

namespace Ent.Storage.Engines;

/// <summary>
/// A record table of one schema, as of one version: its columns (key columns first), its key and its
/// indexes. Every stored row also carries the owning department and a version number, which Ent manages.
/// </summary>
public sealed class TableDefinition
{
    private readonly ImmutableDictionary<string, int> _ordinals;

    internal TableDefinition(string component, string name, ImmutableArray<ColumnDefinition> columns, int keyCount, ImmutableArray<ImmutableArray<string>> indexes)
    {
        Component = component;
        Name = name;
        Columns = columns;
        KeyCount = keyCount;
        Indexes = indexes;
        PhysicalName = RecordNames.Table(component, name);
        _ordinals = columns.Select((c, i) => (c.Name, i)).ToImmutableDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The schema component the table belongs to.</summary>
    public string Component { get; }

    /// <summary>The table's name within its component.</summary>
    public string Name { get; }

    /// <summary>The columns, the key columns first.</summary>
    public ImmutableArray<ColumnDefinition> Columns { get; }

    /// <summary>How many of the first columns form the key (unique within a department).</summary>
    public int KeyCount { get; }

    /// <summary>The key columns.</summary>
    public IEnumerable<ColumnDefinition> KeyColumns => Columns.Take(KeyCount);

    /// <summary>The secondary indexes, each a list of columns (the department always comes first).</summary>
    public ImmutableArray<ImmutableArray<string>> Indexes { get; }

    /// <summary>The table's name in the database.</summary>
    public string PhysicalName { get; }

    /// <summary>The position of a column.</summary>
    /// <param name="column">The column name.</param>
    /// <exception cref="ArgumentException">The table has no such column.</exception>
    public int Ordinal(string column) =>
        _ordinals.TryGetValue(column, out var ordinal)
            ? ordinal
            : throw new ArgumentException($"Table '{Component}/{Name}' has no column '{column}' (it has {string.Join(", ", Columns.Select(c => c.Name))}).", nameof(column));

    /// <summary>Whether the table has a column.</summary>
    /// <param name="column">The column name.</param>
    public bool Has(string column) => _ordinals.ContainsKey(column);

    /// <summary>A new record, its values given in column order; checked against the columns.</summary>
    /// <param name="values">One value per column.</param>
    /// <exception cref="ArgumentException">A value does not fit its column, or the count is wrong.</exception>
    public Record NewRecord(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Record(this, Normalize(values, Columns.Length, "columns"), 0);
    }

    /// <summary>The key of a record of this table.</summary>
    /// <param name="values">One value per key column, in order.</param>
    /// <exception cref="ArgumentException">A value does not fit its column, or the count is wrong.</exception>
    public RecordKey Key(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RecordKey(this, Normalize(values, KeyCount, "key columns"));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Component}/{Name}";

    internal TableDefinition WithColumn(ColumnDefinition column) =>
        Has(column.Name)
            ? throw new ArgumentException($"Table '{this}' already has a column '{column.Name}'.", nameof(column))
            : new(Component, Name, Columns.Add(column), KeyCount, Indexes);

    internal TableDefinition WithColumnAt(int ordinal, ColumnDefinition column) =>
        new(Component, Name, Columns.SetItem(ordinal, column), KeyCount, Indexes);

    internal TableDefinition WithIndex(ImmutableArray<string> columns)
    {
        foreach (var column in columns)
        {
            if (Columns[Ordinal(column)].Type == ColumnType.Bytes)
            {
                throw new ArgumentException($"Column '{column}' of '{this}' holds bytes and cannot be indexed.", nameof(columns));
            }
        }

        return new(Component, Name, Columns, KeyCount, Indexes.Add(columns));
    }

    internal bool SameShape(TableDefinition other) =>
        ReferenceEquals(this, other)
        || (other.Component == Component && other.Name == Name && other.KeyCount == KeyCount && other.Columns.SequenceEqual(Columns));

    private object?[] Normalize(object?[] values, int count, string what)
    {
        if (values.Length != count)
        {
            throw new ArgumentException($"Table '{this}' expects {count} values, one per {what} in order ({string.Join(", ", Columns.Take(count).Select(c => c.Name))}); {values.Length} were given.", nameof(values));
        }

        var normalized = new object?[count];
        for (var i = 0; i < count; i++)
        {
            normalized[i] = Columns[i].Normalize(ToString(), values[i]);
        }

        return normalized;
    }
}
