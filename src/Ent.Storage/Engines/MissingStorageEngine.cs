namespace Ent.Storage.Engines;

/// <summary>What a host without a storage engine gives components that ask for a record store: a clear error.</summary>
internal sealed class MissingStorageEngine : IRecordStores
{
    public IRecordStore For(RecordSchema schema) => throw Missing(schema?.Component);

    public Task<IReadOnlyList<Record>> SaveAsync(Ent.Core.Identifiers.DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default) =>
        throw Missing(changes?.Items.Select(c => c.Record.Table.Component).FirstOrDefault());

    private static InvalidOperationException Missing(string? component) => new(
        $"No storage engine is configured, so '{component}' cannot keep its records: call UseSqlite(path) or UsePostgreSql(connectionString) on the Ent builder (AddInMemoryRecordStores() in unit tests).");
}
