using Ent.Storage.Events;
using Ent.Storage.Engines;

namespace Ent.Storage.Tests.Engines;

/// <summary>A fresh, empty store on one engine, which a contract test can open, reopen and tamper with.</summary>
public abstract class StorageEngine : IAsyncDisposable
{
    /// <summary>Where the store is, as storage errors name it.</summary>
    public abstract string Location { get; }

    /// <summary>Opens the store (creating and migrating it) and returns its event log.</summary>
    public abstract Task<IEventLog> OpenEventLogAsync();

    /// <summary>Opens the store (creating and migrating it with these record schemas) and returns its record stores.</summary>
    public abstract Task<IRecordStores> OpenRecordStoresAsync(params RecordSchema[] schemas);

    /// <summary>Sets a component's stored schema version behind Ent's back, as a newer Ent would have left it.</summary>
    public abstract Task SetSchemaVersionAsync(string component, int version);

    /// <summary>The event log's schema version in this engine's code.</summary>
    public abstract int EventLogVersion { get; }

    public abstract ValueTask DisposeAsync();
}
