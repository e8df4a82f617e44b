using Ent.Core.Identifiers;
using Ent.Storage.Schema;

namespace Ent.Storage.Engines;

/// <summary>The record schemas a host registered, checked for clashes; engines migrate them on start and hand out their stores.</summary>
internal sealed class RecordSchemaRegistry
{
    private readonly Dictionary<string, RecordSchema> _schemas = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IRecordStore> _stores = new(StringComparer.Ordinal);

    public RecordSchemaRegistry(IEnumerable<RecordSchema> schemas)
    {
        var tables = new Dictionary<string, TableDefinition>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            if (_schemas.TryGetValue(schema.Component, out var known))
            {
                if (ReferenceEquals(known, schema))
                {
                    continue;
                }

                throw new InvalidOperationException($"Two record schemas are registered for component '{schema.Component}' ({known} and {schema}); register one.");
            }

            if (schema.Component == SchemaComponents.EventLog)
            {
                throw new InvalidOperationException($"'{schema.Component}' is Ent's own component; choose another component id for a record schema.");
            }

            foreach (var table in schema.Versions.SelectMany(v => v.Steps).OfType<CreateTableStep>().Select(s => s.Table))
            {
                if (tables.TryGetValue(table.PhysicalName, out var other) && other.Component != table.Component)
                {
                    throw new InvalidOperationException($"Tables '{table}' and '{other}' would share the physical name '{table.PhysicalName}'; rename one.");
                }

                tables[table.PhysicalName] = table;
            }

            _schemas.Add(schema.Component, schema);
        }
    }

    public IReadOnlyCollection<RecordSchema> All => _schemas.Values;

    /// <summary>The one store of a registered schema, created by the engine on first use.</summary>
    public IRecordStore StoreFor(RecordSchema schema, Func<RecordSchema, IRecordStore> create)
    {
        var registered = Resolve(schema);
        return _stores.GetOrAdd(registered.Component, _ => create(registered));
    }

    /// <summary>The registered schema a caller asks for, which must be the same declaration.</summary>
    public RecordSchema Resolve(RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!_schemas.TryGetValue(schema.Component, out var registered))
        {
            throw new InvalidOperationException(
                $"The record schema of '{schema.Component}' is not registered, so its tables were not created: call services.AddRecordSchema(schema) where the component registers its services.");
        }

        if (!ReferenceEquals(registered, schema) && (registered.Version != schema.Version || !schema.Tables.All(registered.Owns)))
        {
            throw new InvalidOperationException($"The record schema asked for ({schema}) is not the one registered ({registered}).");
        }

        return registered;
    }

    /// <summary>Checks a change set before anything is written: a department, and tables of the store's schema only.</summary>
    public static void Check(RecordSchema schema, DepartmentId department, RecordChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        CheckDepartment(department);
        foreach (var change in changes.Items)
        {
            CheckTable(schema, change.Record.Table);
        }
    }

    /// <summary>
    /// Checks a change set saved across schemas before anything is written: a department, tables of registered
    /// schemas only (as they stand), events of that department, each checked and flattened for the log.
    /// </summary>
    /// <returns>The events' rows, in order.</returns>
    public Events.EventRow[] CheckAcross(DepartmentId department, RecordChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        CheckDepartment(department);
        foreach (var table in changes.Items.Select(c => c.Record.Table).Concat(changes.Checks.Select(c => c.Key.Table)).Distinct())
        {
            if (!_schemas.TryGetValue(table.Component, out var schema))
            {
                throw new ArgumentException($"Table '{table}' belongs to no registered record schema; nothing was written.", nameof(changes));
            }

            CheckTable(schema, table);
        }

        foreach (var domainEvent in changes.Events)
        {
            if (domainEvent.Department != department)
            {
                throw new ArgumentException(
                    $"Event {domainEvent.Id.Value} ({domainEvent.GetType().Name}) belongs to department {domainEvent.Department.Value}, not {department.Value} where the changes are saved; nothing was written.",
                    nameof(changes));
            }
        }

        return changes.Events.Count == 0 ? [] : Events.EventRow.FromBatch(changes.Events);
    }

    /// <summary>Checks the keys of a read of several records: a department, and keys of one table of the schema.</summary>
    public static void CheckKeys(RecordSchema schema, DepartmentId department, IReadOnlyList<RecordKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        CheckDepartment(department);
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            CheckTable(schema, key.Table);
            if (key.Table.Name != keys[0].Table.Name)
            {
                throw new ArgumentException($"The keys read at once are of one table; {key} is of '{key.Table}', the first of '{keys[0].Table}'.", nameof(keys));
            }
        }
    }

    public static void CheckDepartment(DepartmentId department)
    {
        if (department.Value == Guid.Empty)
        {
            throw new ArgumentException("The department is empty: every record belongs to a department.", nameof(department));
        }
    }

    public static void CheckTable(RecordSchema schema, TableDefinition table)
    {
        if (!schema.Owns(table))
        {
            throw new ArgumentException($"Table '{table}' is not a table of {schema} as it stands (another component's table, or an older shape of it); nothing was written.", nameof(table));
        }
    }

    /// <summary>Applies a transform step to one stored record and checks what it returns.</summary>
    public static Record? Transform(TransformStep step, int version, Record record)
    {
        Record? result;
        try
        {
            result = step.Transform(record);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Version {version} of '{step.Table.Component}' failed to transform {record.Key}: {exception.Message}", exception);
        }

        if (result is not null && (!result.Table.SameShape(step.Table) || !result.Key.Equals(record.Key)))
        {
            throw new InvalidOperationException($"Version {version} of '{step.Table.Component}' must return {record.Key} with the same table and key, or null to delete it.");
        }

        return result;
    }
}
