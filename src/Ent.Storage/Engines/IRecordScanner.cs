using Ent.Core.Identifiers;

namespace Ent.Storage.Engines;

/// <summary>
/// Reads every row of a table, in every department: for Ent's own loading at start (the directory), never
/// given to plugins, whose stores see one department at a time.
/// </summary>
internal interface IRecordScanner
{
    /// <summary>Every row of a table with its department.</summary>
    Task<IReadOnlyList<(DepartmentId Department, Record Record)>> ScanAsync(TableDefinition table, CancellationToken cancellationToken);
}
