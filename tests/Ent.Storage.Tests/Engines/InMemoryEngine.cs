using Ent.Storage.Events;
using Ent.Storage.Engines;

namespace Ent.Storage.Tests.Engines;

/// <summary>The in-memory event log and record stores: "reopening" returns the same log, as a test double of a store would.</summary>
public sealed class InMemoryEngine : StorageEngine
{
    private readonly InMemoryEventLog _log = new();

    public override string Location => "memory";

    public override Task<IEventLog> OpenEventLogAsync() => Task.FromResult<IEventLog>(_log);

    private InMemoryRecordStores? _records;

    public override Task<IRecordStores> OpenRecordStoresAsync(params RecordSchema[] schemas) =>
        Task.FromResult<IRecordStores>(_records ??= new InMemoryRecordStores(schemas, _log));

    public override Task SetSchemaVersionAsync(string component, int version) =>
        throw new NotSupportedException("The in-memory log has no schema.");

    public override int EventLogVersion => throw new NotSupportedException("The in-memory log has no schema.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
