using Ent.Core.Identifiers;

namespace Ent.Storage.Engines;

/// <summary>
/// The records of one component (a plugin, or a part of the core), always within one department: a query
/// can never see another department's rows, whatever it filters on. Trusted infrastructure: the services
/// that expose these records to people check their rights.
/// </summary>
public interface IRecordStore
{
    /// <summary>The component's schema.</summary>
    RecordSchema Schema { get; }

    /// <summary>Reads one record.</summary>
    /// <param name="department">The owning department.</param>
    /// <param name="key">Its key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    Task<Record?> FindAsync(DepartmentId department, RecordKey key, CancellationToken cancellationToken = default);

    /// <summary>Reads the records of several keys of one table at once (one statement on a server).</summary>
    /// <param name="department">The owning department.</param>
    /// <param name="keys">The keys, all of one table.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per key, in the order given: its record, or null.</returns>
    /// <exception cref="ArgumentException">The keys are of several tables, or of another component's.</exception>
    Task<IReadOnlyList<Record?>> FindManyAsync(DepartmentId department, IReadOnlyList<RecordKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Reads the records of a table that match a query, in key order.</summary>
    /// <param name="department">The owning department.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Record>> QueryAsync(DepartmentId department, RecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the records of several queries of this component's tables at once, each as <see cref="QueryAsync"/> would: a page
    /// that needs several reads pays one round trip to a server engine instead of one each. By default, one after the other.
    /// </summary>
    /// <param name="department">The owning department.</param>
    /// <param name="queries">The queries, of this component's tables.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One list per query, in the order given.</returns>
    async Task<IReadOnlyList<IReadOnlyList<Record>>> QueryManyAsync(DepartmentId department, IReadOnlyList<RecordQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var results = new IReadOnlyList<Record>[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            results[i] = await QueryAsync(department, queries[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>
    /// Saves a change set in one transaction: all of it or, on any error, nothing. When the task completes
    /// the changes are durable as the engine defines it (docs/storage.md).
    /// </summary>
    /// <param name="department">The owning department.</param>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">Cancels the save before it commits.</param>
    /// <returns>The inserted and updated records with their new versions, in the order given.</returns>
    /// <exception cref="RecordConflictException">A record changed since it was read, or a new key is taken.</exception>
    /// <exception cref="ArgumentException">A change belongs to another component's table, or the department is empty.</exception>
    Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default);
}

/// <summary>Gives each component its record store, once its schema is registered with <c>AddRecordSchema</c>.</summary>
public interface IRecordStores
{
    /// <summary>The store of a registered schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <exception cref="InvalidOperationException">The schema was not registered, so it was not migrated.</exception>
    IRecordStore For(RecordSchema schema);

    /// <summary>
    /// Saves a change set over the tables of any registered schemas in one transaction, with its checks and its
    /// events: all of it or, on any error, nothing. What a unit of work commits.
    /// </summary>
    /// <param name="department">The owning department (of every record and event).</param>
    /// <param name="changes">The changes, checks and events.</param>
    /// <param name="cancellationToken">Cancels the save before it commits.</param>
    /// <returns>The inserted and updated records with their new versions, in the order given.</returns>
    /// <exception cref="RecordConflictException">A record changed since it was read, or a new key is taken.</exception>
    /// <exception cref="ArgumentException">A table is not registered, an event is invalid or of another department; nothing was written.</exception>
    Task<IReadOnlyList<Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default);
}
