namespace Ent.Storage.Records;

/// <summary>What a host without a storage engine gives components that ask for a record store: a clear error.</summary>
internal sealed class MissingStorageEngine : IRecordStores
{
    public IRecordStore For(RecordSchema schema) => throw new InvalidOperationException(
        $"No storage engine is configured, so '{schema?.Component}' cannot keep its records: call UseSqlite(path) or UsePostgreSql(connectionString) on the Ent builder (AddInMemoryRecordStores() in unit tests).");
}
