namespace Ent.Storage.Engines;

// The steps a record schema's versions are made of. Engines turn the first three into their own DDL;
// transforms run in .NET over every stored row, so that no plugin writes provider-specific SQL.

/// <summary>One step of a version of a record schema.</summary>
internal abstract record SchemaStep;

/// <summary>Creates a table.</summary>
internal sealed record CreateTableStep(TableDefinition Table) : SchemaStep;

/// <summary>Adds a column to a table; existing rows get the default.</summary>
internal sealed record AddColumnStep(TableDefinition Table, ColumnDefinition Column, object? Default) : SchemaStep;

/// <summary>Changes a column's limits: nothing for an engine to do, values are checked in .NET.</summary>
internal sealed record ChangeLimitsStep(TableDefinition Table, ColumnDefinition Column) : SchemaStep;

/// <summary>Adds the table's index at <paramref name="Ordinal"/>.</summary>
internal sealed record AddIndexStep(TableDefinition Table, int Ordinal) : SchemaStep;

/// <summary>Rewrites (or deletes, when it returns null) every stored row of a table, in every department.</summary>
internal sealed record TransformStep(TableDefinition Table, Func<Record, Record?> Transform) : SchemaStep;

/// <summary>One numbered version of a record schema.</summary>
internal sealed record SchemaVersion(int Number, string Description, IReadOnlyList<SchemaStep> Steps);
