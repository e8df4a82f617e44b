using Ent.Core.Identifiers;
using Ent.Storage.Engines;

namespace Ent.Storage.Documents;

/// <summary>
/// Reads several document queries of one unit of work together: on a server engine, one round trip instead of one per query
/// (a report card reads its class's assessments, evaluations, comments and appraisals). Each list is what its own
/// <see cref="IDocumentQuery{T}.ListAsync"/> would give, in key order; queries of different components' documents are read
/// one after the other.
/// </summary>
public static class DocumentQueries
{
    /// <summary>Lists two queries' documents together.</summary>
    /// <param name="first">The first query.</param>
    /// <param name="second">The second query.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<(IReadOnlyList<T1> First, IReadOnlyList<T2> Second)> ListTogetherAsync<T1, T2>(
        this IDocumentQuery<T1> first, IDocumentQuery<T2> second, CancellationToken cancellationToken = default)
        where T1 : class
        where T2 : class
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return await BatchAsync([first, second], cancellationToken).ConfigureAwait(false) is { } lists
            ? ((IReadOnlyList<T1>)lists[0], (IReadOnlyList<T2>)lists[1])
            : (await first.ListAsync(cancellationToken).ConfigureAwait(false), await second.ListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Lists three queries' documents together.</summary>
    /// <param name="first">The first query.</param>
    /// <param name="second">The second query.</param>
    /// <param name="third">The third query.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<(IReadOnlyList<T1> First, IReadOnlyList<T2> Second, IReadOnlyList<T3> Third)> ListTogetherAsync<T1, T2, T3>(
        this IDocumentQuery<T1> first, IDocumentQuery<T2> second, IDocumentQuery<T3> third, CancellationToken cancellationToken = default)
        where T1 : class
        where T2 : class
        where T3 : class
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(third);
        return await BatchAsync([first, second, third], cancellationToken).ConfigureAwait(false) is { } lists
            ? ((IReadOnlyList<T1>)lists[0], (IReadOnlyList<T2>)lists[1], (IReadOnlyList<T3>)lists[2])
            : (await first.ListAsync(cancellationToken).ConfigureAwait(false), await second.ListAsync(cancellationToken).ConfigureAwait(false),
                await third.ListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The queries' documents from one read of their store, or null when they are not all of one unit of work and component.</summary>
    internal static async Task<object[]?> BatchAsync(object[] queries, CancellationToken cancellationToken)
    {
        var batched = queries.OfType<IBatchedDocumentQuery>().ToArray();
        if (batched.Length != queries.Length || batched.Any(q => q.Session != batched[0].Session || q.Store != batched[0].Store))
        {
            return null;
        }

        var records = await batched[0].Store.QueryManyAsync(batched[0].Department, [.. batched.Select(q => q.Records)], cancellationToken).ConfigureAwait(false);
        return [.. batched.Select((q, i) => q.ReadAll(records[i]))];
    }
}

/// <summary>A document query whose records can be read with others of its unit of work.</summary>
internal interface IBatchedDocumentQuery
{
    /// <summary>The unit of work's session it reads in.</summary>
    object Session { get; }

    /// <summary>The store of its documents' component.</summary>
    IRecordStore Store { get; }

    /// <summary>The department read.</summary>
    DepartmentId Department { get; }

    /// <summary>The records it reads.</summary>
    RecordQuery Records { get; }

    /// <summary>Turns its records into its documents (remembering their versions, as a list does).</summary>
    object ReadAll(IReadOnlyList<Record> records);
}
