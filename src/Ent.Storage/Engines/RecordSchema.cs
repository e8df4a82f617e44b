using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Storage.Engines;

/// <summary>
/// The data of one component (a plugin, or a part of the core): its tables, declared version by version.
/// Engines create and migrate them when the host starts; an upgrade that adds a version migrates the
/// stored rows, in one transaction per version. Build one with <see cref="Create"/>.
/// </summary>
/// <example>
/// <code>
/// public static readonly RecordSchema Schema = RecordSchema.Create("acme.reading-club", schema => schema
///     .Version(1, "Books read", v => v.CreateTable("books", t => t
///         .Key(Column.Id("pupil"), Column.Id("book"))
///         .Columns(Column.Timestamp("finished_at"))))
///     .Version(2, "Ratings", v => v
///         .AddColumn("books", Column.Integer("stars", 0, 5), defaultValue: 3L)));
/// </code>
/// </example>
public sealed class RecordSchema
{
    private readonly ImmutableDictionary<string, TableDefinition> _tables;

    private RecordSchema(string component, IReadOnlyList<SchemaVersion> versions, ImmutableDictionary<string, TableDefinition> tables)
    {
        Component = component;
        Versions = versions;
        _tables = tables;
    }

    /// <summary>The component: a plugin id, or <c>core.*</c> for the core's own records.</summary>
    public string Component { get; }

    /// <summary>The latest version.</summary>
    public int Version => Versions.Count;

    /// <summary>The tables as of the latest version.</summary>
    public IEnumerable<TableDefinition> Tables => _tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    internal IReadOnlyList<SchemaVersion> Versions { get; }

    /// <summary>Declares a schema.</summary>
    /// <param name="component">The component: a stable id (the plugin id for a plugin's data).</param>
    /// <param name="versions">Declares the versions, from 1 up.</param>
    /// <exception cref="ArgumentException">The component, a name, a default or an order of versions is invalid; the message says which.</exception>
    public static RecordSchema Create(string component, Action<RecordSchemaBuilder> versions)
    {
        if (!StableId.IsValid(component))
        {
            throw new ArgumentException($"'{component}' is not a valid component id (lower-case letters, digits, '.' and '-', starting with a letter).", nameof(component));
        }

        ArgumentNullException.ThrowIfNull(versions);
        var builder = new RecordSchemaBuilder(component);
        versions(builder);
        if (builder.Versions.Count == 0)
        {
            throw new ArgumentException($"The schema of '{component}' declares no version.", nameof(versions));
        }

        return new RecordSchema(component, builder.Versions, builder.Tables);
    }

    /// <summary>A table as of the latest version.</summary>
    /// <param name="name">The table name.</param>
    /// <exception cref="ArgumentException">The schema has no such table.</exception>
    public TableDefinition Table(string name) =>
        _tables.TryGetValue(name, out var table)
            ? table
            : throw new ArgumentException($"The schema of '{Component}' has no table '{name}' (it has {string.Join(", ", _tables.Keys.Order(StringComparer.Ordinal))}).", nameof(name));

    /// <summary>Whether a table definition is this schema's latest definition of that table.</summary>
    /// <param name="table">The table.</param>
    public bool Owns(TableDefinition table) =>
        table is not null && table.Component == Component && _tables.TryGetValue(table.Name, out var own) && own.SameShape(table);

    /// <inheritdoc />
    public override string ToString() => $"{Component} v{Version}";
}

/// <summary>Declares the versions of a <see cref="RecordSchema"/>, in order from 1.</summary>
public sealed class RecordSchemaBuilder
{
    private readonly string _component;

    internal RecordSchemaBuilder(string component) => _component = component;

    internal List<SchemaVersion> Versions { get; } = [];

    internal ImmutableDictionary<string, TableDefinition> Tables { get; private set; } = ImmutableDictionary<string, TableDefinition>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Declares the next version.</summary>
    /// <param name="number">Its number: one more than the previous, from 1.</param>
    /// <param name="description">What it changes, for the migration history.</param>
    /// <param name="steps">Its steps.</param>
    /// <returns>The same builder.</returns>
    public RecordSchemaBuilder Version(int number, string description, Action<SchemaVersionBuilder> steps)
    {
        if (number != Versions.Count + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The versions of '{_component}' must be numbered 1, 2, 3… in order; expected {Versions.Count + 1}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(steps);
        var version = new SchemaVersionBuilder(_component, Tables);
        steps(version);
        if (version.Steps.Count == 0)
        {
            throw new ArgumentException($"Version {number} of '{_component}' has no step.", nameof(steps));
        }

        Versions.Add(new SchemaVersion(number, description, version.Steps));
        Tables = version.Tables;
        return this;
    }
}

/// <summary>The steps of one version of a <see cref="RecordSchema"/>.</summary>
public sealed class SchemaVersionBuilder
{
    private readonly string _component;

    internal SchemaVersionBuilder(string component, ImmutableDictionary<string, TableDefinition> tables)
    {
        _component = component;
        Tables = tables;
    }

    internal List<SchemaStep> Steps { get; } = [];

    internal ImmutableDictionary<string, TableDefinition> Tables { get; private set; }

    /// <summary>Creates a table.</summary>
    /// <param name="name">Its name: lower-case letters, digits and '_'.</param>
    /// <param name="table">Declares its key, columns and indexes.</param>
    /// <returns>The same builder.</returns>
    public SchemaVersionBuilder CreateTable(string name, Action<TableBuilder> table)
    {
        RecordNames.CheckName(name, "table");
        ArgumentNullException.ThrowIfNull(table);
        if (Tables.ContainsKey(name))
        {
            throw new ArgumentException($"'{_component}' already has a table '{name}'.", nameof(name));
        }

        var builder = new TableBuilder();
        table(builder);
        var definition = builder.Build(_component, name);
        Tables = Tables.Add(name, definition);
        Steps.Add(new CreateTableStep(definition));
        return this;
    }

    /// <summary>Adds a column to a table; rows already stored get <paramref name="defaultValue"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The new column.</param>
    /// <param name="defaultValue">The value existing rows get; required unless the column is nullable.</param>
    /// <returns>The same builder.</returns>
    public SchemaVersionBuilder AddColumn(string table, ColumnDefinition column, object? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        var before = Existing(table);
        var normalized = column.Normalize(before.ToString(), defaultValue);
        var after = before.WithColumn(column);
        Tables = Tables.SetItem(table, after);
        Steps.Add(new AddColumnStep(after, column, normalized));
        return this;
    }

    /// <summary>
    /// Changes the limits of a column (text length, number range); its name, type and nullability stay.
    /// Stored values are not re-checked: follow with a <see cref="Transform"/> that brings them within.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column with its new limits.</param>
    /// <returns>The same builder.</returns>
    public SchemaVersionBuilder ChangeLimits(string table, ColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var before = Existing(table);
        var ordinal = before.Ordinal(column.Name);
        var old = before.Columns[ordinal];
        if (old.Type != column.Type || old.Nullable != column.Nullable)
        {
            throw new ArgumentException($"Column '{before}.{column.Name}' can change its limits only, not its type or nullability; add a new column and transform into it instead.", nameof(column));
        }

        var after = before.WithColumnAt(ordinal, column);
        Tables = Tables.SetItem(table, after);
        Steps.Add(new ChangeLimitsStep(after, column));
        return this;
    }

    /// <summary>Adds an index on some columns of a table (within the department).</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The indexed columns, in order.</param>
    /// <returns>The same builder.</returns>
    public SchemaVersionBuilder AddIndex(string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("An index needs at least one column.", nameof(columns));
        }

        var after = Existing(table).WithIndex([.. columns]);
        Tables = Tables.SetItem(table, after);
        Steps.Add(new AddIndexStep(after, after.Indexes.Length - 1));
        return this;
    }

    /// <summary>
    /// Rewrites every stored row of a table, in every department: <paramref name="transform"/> gets each
    /// record and returns it changed (with <see cref="Record.With"/>, keeping its key), unchanged, or null to delete it.
    /// If it throws, the whole version is rolled back and the store is left as it was.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="transform">The rewrite.</param>
    /// <returns>The same builder.</returns>
    public SchemaVersionBuilder Transform(string table, Func<Record, Record?> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        Steps.Add(new TransformStep(Existing(table), transform));
        return this;
    }

    private TableDefinition Existing(string table) =>
        Tables.TryGetValue(table, out var definition)
            ? definition
            : throw new ArgumentException($"'{_component}' has no table '{table}' at this version.", nameof(table));
}

/// <summary>Declares a table: its key columns, its other columns and its indexes.</summary>
public sealed class TableBuilder
{
    private readonly List<ColumnDefinition> _key = [];
    private readonly List<ColumnDefinition> _columns = [];
    private readonly List<ImmutableArray<string>> _indexes = [];

    internal TableBuilder()
    {
    }

    /// <summary>The key columns: unique together within a department, never null.</summary>
    /// <param name="columns">The key columns, in order.</param>
    /// <returns>The same builder.</returns>
    public TableBuilder Key(params ColumnDefinition[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _key.AddRange(columns);
        return this;
    }

    /// <summary>The other columns.</summary>
    /// <param name="columns">The columns, in order.</param>
    /// <returns>The same builder.</returns>
    public TableBuilder Columns(params ColumnDefinition[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns.AddRange(columns);
        return this;
    }

    /// <summary>An index on some columns (within the department), for the queries the component makes.</summary>
    /// <param name="columns">The indexed columns, in order.</param>
    /// <returns>The same builder.</returns>
    public TableBuilder Index(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _indexes.Add([.. columns]);
        return this;
    }

    internal TableDefinition Build(string component, string name)
    {
        if (_key.Count == 0)
        {
            throw new ArgumentException($"Table '{component}/{name}' has no key column.", nameof(name));
        }

        var bytesKey = _key.FirstOrDefault(c => c.Type == ColumnType.Bytes);
        if (bytesKey is not null)
        {
            throw new ArgumentException($"Key column '{bytesKey.Name}' of '{component}/{name}' holds bytes; a key is made of ids, texts, integers, numbers, booleans, timestamps or dates.", nameof(name));
        }

        var nullableKey = _key.FirstOrDefault(c => c.Nullable);
        if (nullableKey is not null)
        {
            throw new ArgumentException($"Key column '{nullableKey.Name}' of '{component}/{name}' may not be nullable.", nameof(name));
        }

        var duplicate = _key.Concat(_columns).GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Table '{component}/{name}' declares column '{duplicate.Key}' twice.", nameof(name));
        }

        var table = new TableDefinition(component, name, [.. _key, .. _columns], _key.Count, []);
        foreach (var index in _indexes)
        {
            if (index.Length == 0)
            {
                throw new ArgumentException($"An index of '{component}/{name}' has no column.", nameof(name));
            }

            table = table.WithIndex(index);
        }

        return table;
    }
}
