using Ent.Core.Identifiers;
using Ent.Storage.Events;

namespace Ent.Storage.Engines;

/// <summary>
/// Record stores held in memory, for unit tests only: the same contract as the engines (department
/// isolation, all-or-nothing change sets, version conflicts, values checked before writing), nothing kept
/// across processes. Register it with <c>services.AddInMemoryRecordStores()</c>.
/// </summary>
public sealed class InMemoryRecordStores : IRecordStores
{
    private readonly RecordSchemaRegistry _registry;
    private readonly InMemoryEventLog? _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<(DepartmentId, RecordKey), Record> _rows = [];

    /// <summary>Creates the stores for the registered schemas.</summary>
    /// <param name="schemas">The registered schemas.</param>
    /// <param name="log">The event log that change sets' events are appended to, if the host has one (an in-memory one: the transaction spans both).</param>
    /// <exception cref="ArgumentException">The log is not an <see cref="InMemoryEventLog"/>.</exception>
    public InMemoryRecordStores(IEnumerable<RecordSchema> schemas, IEventLog? log = null)
    {
        _registry = new RecordSchemaRegistry(schemas);
        _log = log switch
        {
            null => null,
            InMemoryEventLog inMemory => inMemory,
            _ => throw new ArgumentException($"In-memory record stores commit their events with an {nameof(InMemoryEventLog)}, not a {log.GetType().Name}.", nameof(log)),
        };
    }

    /// <inheritdoc />
    public IRecordStore For(RecordSchema schema) => _registry.StoreFor(schema, registered => new Store(this, registered));

    /// <inheritdoc />
    public Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
    {
        var rows = _registry.CheckAcross(department, changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Conflicts(department, changes);
            _log?.Append(rows, changes.Events); // refuses the batch before storing any of it, and what follows cannot fail: both or neither
            return Task.FromResult<IReadOnlyList<Record>>(Apply(department, changes));
        }
    }

    private void Conflicts(DepartmentId department, RecordChanges changes)
    {
        foreach (var change in changes.Items)
        {
            var stored = _rows.GetValueOrDefault((department, change.Record.Key));
            var expected = change.Kind == RecordChangeKind.Insert ? 0 : change.Record.Version;
            if ((stored?.Version ?? 0) != expected)
            {
                throw new RecordConflictException("memory", change.Record.Key, expected, stored?.Version);
            }
        }

        foreach (var check in changes.Checks)
        {
            var stored = _rows.GetValueOrDefault((department, check.Key));
            if ((stored?.Version ?? 0) != check.Version)
            {
                throw new RecordConflictException("memory", check.Key, check.Version, stored?.Version);
            }
        }
    }

    private List<Record> Apply(DepartmentId department, RecordChanges changes)
    {
        var saved = new List<Record>(changes.Count);
        foreach (var change in changes.Items)
        {
            var key = (department, change.Record.Key);
            if (change.Kind == RecordChangeKind.Delete)
            {
                _rows.Remove(key);
                continue;
            }

            var record = change.Record.WithVersion(change.Record.Version + 1);
            _rows[key] = record;
            saved.Add(record);
        }

        return saved;
    }

    private sealed class Store(InMemoryRecordStores owner, RecordSchema schema) : IRecordStore, IRecordScanner
    {
        public Task<IReadOnlyList<(DepartmentId Department, Record Record)>> ScanAsync(TableDefinition table, CancellationToken cancellationToken)
        {
            RecordSchemaRegistry.CheckTable(schema, table);
            lock (owner._gate)
            {
                return Task.FromResult<IReadOnlyList<(DepartmentId, Record)>>(owner._rows
                    .Where(row => row.Key.Item2.Table.Name == table.Name && row.Value.Table.Component == schema.Component)
                    .Select(row => (row.Key.Item1, row.Value)).ToArray());
            }
        }

        public RecordSchema Schema => schema;

        public Task<Record?> FindAsync(DepartmentId department, RecordKey key, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(key);
            RecordSchemaRegistry.CheckDepartment(department);
            RecordSchemaRegistry.CheckTable(schema, key.Table);
            lock (owner._gate)
            {
                return Task.FromResult(owner._rows.GetValueOrDefault((department, key)));
            }
        }

        public Task<IReadOnlyList<Record?>> FindManyAsync(DepartmentId department, IReadOnlyList<RecordKey> keys, CancellationToken cancellationToken = default)
        {
            RecordSchemaRegistry.CheckKeys(schema, department, keys);
            lock (owner._gate)
            {
                return Task.FromResult<IReadOnlyList<Record?>>([.. keys.Select(key => owner._rows.GetValueOrDefault((department, key)))]);
            }
        }

        public Task<IReadOnlyList<Record>> QueryAsync(DepartmentId department, RecordQuery query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            RecordSchemaRegistry.CheckDepartment(department);
            RecordSchemaRegistry.CheckTable(schema, query.Table);
            lock (owner._gate)
            {
                IEnumerable<Record> matching = owner._rows
                    .Where(row => row.Key.Item1 == department && row.Key.Item2.Table.Name == query.Table.Name && row.Value.Table.Component == schema.Component)
                    .Select(row => row.Value)
                    .Where(record => query.Filters.All(filter => Equals(record.RawValues[filter.Ordinal], filter.Value)))
                    .Where(record => query.After is null || KeyOrder.Compare(record.RawValues, query.After.Values, record.Table.KeyCount) > 0)
                    .Order(KeyOrder.Instance);
                if (query.Limit is { } limit)
                {
                    matching = matching.Take(limit);
                }

                return Task.FromResult<IReadOnlyList<Record>>(matching.ToArray());
            }
        }

        public Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
        {
            RecordSchemaRegistry.Check(schema, department, changes);
            return owner.SaveAsync(department, changes, cancellationToken);
        }
    }

    private sealed class KeyOrder : IComparer<Record>
    {
        public static readonly KeyOrder Instance = new();

        public static int Compare(IReadOnlyList<object?> x, IReadOnlyList<object?> y, int keyCount)
        {
            for (var i = 0; i < keyCount; i++)
            {
                var order = Comparer<object>.Default.Compare(x[i]!, y[i]!);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }

        public int Compare(Record? x, Record? y) => Compare(x!.RawValues, y!.RawValues, x.Table.KeyCount);
    }
}
