namespace Ent.Storage.Documents;

/// <summary>
/// Several queries of one unit of work read together, whatever their documents' types: on a server engine one round trip
/// instead of one per query. Add the queries, read once, then take each list by the handle <see cref="Add{T}"/> gave.
/// </summary>
/// <example>
/// <code>
/// var batch = new DocumentBatch();
/// var absences = batch.Add(work.Documents&lt;Absence&gt;().Where(a =&gt; a.Pupil == pupil));
/// var months = batch.Add(work.Documents&lt;PupilMonth&gt;().Where(m =&gt; m.Pupil == pupil));
/// await batch.ReadAsync();
/// var read = batch.Get(absences);
/// </code>
/// </example>
public sealed class DocumentBatch
{
    private readonly List<object> _queries = [];
    private readonly List<Func<CancellationToken, Task<object>>> _oneByOne = [];
    private object[]? _lists;

    /// <summary>Adds a query.</summary>
    /// <typeparam name="T">Its documents' type.</typeparam>
    /// <param name="query">The query, of the same unit of work as the others.</param>
    /// <returns>The handle of its list, once read.</returns>
    /// <exception cref="InvalidOperationException">The batch was read already.</exception>
    public BatchedList<T> Add<T>(IDocumentQuery<T> query)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_lists is not null)
        {
            throw new InvalidOperationException("The batch was read already: start another one.");
        }

        _queries.Add(query);
        _oneByOne.Add(async token => await query.ListAsync(token).ConfigureAwait(false));
        return new BatchedList<T>(_queries.Count - 1);
    }

    /// <summary>How many queries the batch holds.</summary>
    public int Count => _queries.Count;

    /// <summary>Reads every query: together when they are all of one unit of work and component's store, one after the other otherwise.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_queries.Count == 0)
        {
            _lists = [];
            return;
        }

        var lists = await DocumentQueries.BatchAsync([.. _queries], cancellationToken).ConfigureAwait(false);
        if (lists is null)
        {
            lists = new object[_queries.Count];
            for (var i = 0; i < lists.Length; i++)
            {
                lists[i] = await _oneByOne[i](cancellationToken).ConfigureAwait(false);
            }
        }

        _lists = lists;
    }

    /// <summary>A query's documents, in key order.</summary>
    /// <typeparam name="T">Its documents' type.</typeparam>
    /// <param name="list">The handle <see cref="Add{T}"/> gave.</param>
    /// <exception cref="InvalidOperationException">The batch was not read yet.</exception>
    public IReadOnlyList<T> Get<T>(BatchedList<T> list)
        where T : class =>
        _lists is null ? throw new InvalidOperationException("Read the batch first.") : (IReadOnlyList<T>)_lists[list.Index];
}

/// <summary>The handle of a query's list in a <see cref="DocumentBatch"/>.</summary>
/// <typeparam name="T">Its documents' type.</typeparam>
/// <param name="Index">Its place in the batch.</param>
public readonly record struct BatchedList<T>(int Index)
    where T : class;
