using System.Linq.Expressions;

namespace Ent.Storage.Documents;

/// <summary>
/// The documents of one type within a unit of work, in one department: reads go to the store, writes are staged and
/// committed together with the unit of work's events, in one transaction. A document read with <see cref="FindAsync"/>
/// and not written takes part in the commit's conflict check: if another writer changed (or created) it meanwhile, the commit is refused.
/// </summary>
/// <typeparam name="T">The documents' type.</typeparam>
public interface IDocumentSet<T>
    where T : class
{
    /// <summary>Reads the document with a key, or null; its version (or its absence) is checked when the unit of work commits.</summary>
    /// <param name="key">The whole key, as equalities: <c>d =&gt; d.Course == course &amp;&amp; d.Id == id</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">The filter is not the whole key; the message names the key's members.</exception>
    Task<T?> FindAsync(Expression<Func<T, bool>> key, CancellationToken cancellationToken = default);

    /// <summary>Reads the documents of several keys at once (one statement on a server): one key per item, each checked as <see cref="FindAsync"/> checks it when the unit of work commits.</summary>
    /// <param name="items">What the keys are made from (classes, pupils…).</param>
    /// <param name="key">An item's whole key, as equalities: <c>c =&gt; d =&gt; d.Class == c &amp;&amp; d.Period == period</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <typeparam name="TItem">The items' type.</typeparam>
    /// <returns>One entry per item, in the items' order: its document, or null.</returns>
    /// <exception cref="ArgumentException">A filter is not the whole key; the message names the key's members.</exception>
    Task<IReadOnlyList<T?>> FindManyAsync<TItem>(IEnumerable<TItem> items, Func<TItem, Expression<Func<T, bool>>> key, CancellationToken cancellationToken = default);

    /// <summary>The documents whose key or index members equal values, in key order.</summary>
    /// <param name="filter">Equalities joined by <c>&amp;&amp;</c>, on key or index members only: <c>d =&gt; d.Class == c &amp;&amp; d.Period == p</c>.</param>
    /// <exception cref="ArgumentException">The filter names a member that is neither; the message says which and what can be queried.</exception>
    IDocumentQuery<T> Where(Expression<Func<T, bool>> filter);

    /// <summary>Every document of the type in the department, in key order.</summary>
    IDocumentQuery<T> All();

    /// <summary>Stages a new document; the commit refuses it if its key is taken.</summary>
    /// <param name="document">The document.</param>
    void Add(T document);

    /// <summary>Stages the new state of a document read in this unit of work; the commit refuses it if another writer changed it since.</summary>
    /// <param name="document">The document, changed (<c>with { … }</c>) and with the same key.</param>
    /// <exception cref="InvalidOperationException">No document with this key was read in this unit of work.</exception>
    void Replace(T document);

    /// <summary>Stages the removal of a document read in this unit of work.</summary>
    /// <param name="document">The document.</param>
    /// <exception cref="InvalidOperationException">No document with this key was read in this unit of work.</exception>
    void Remove(T document);
}

/// <summary>A query over documents: read whole, page by page, or streamed for a large scan.</summary>
/// <typeparam name="T">The documents' type.</typeparam>
public interface IDocumentQuery<T>
    where T : class
{
    /// <summary>Reads every matching document, in key order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one page, in key order.</summary>
    /// <param name="size">The most documents in the page, from 1 to 10,000.</param>
    /// <param name="after">Where the previous page ended (its <see cref="DocumentPage{T}.Next"/>); null for the first page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DocumentPage<T>> PageAsync(int size, DocumentCursor? after = null, CancellationToken cancellationToken = default);

    /// <summary>Reads every matching document in key order, a page at a time, without holding them all: for term closes and school-wide scans.</summary>
    /// <param name="cancellationToken">Cancels the scan between documents.</param>
    IAsyncEnumerable<T> StreamAsync(CancellationToken cancellationToken = default);
}

/// <summary>One page of documents.</summary>
/// <typeparam name="T">The documents' type.</typeparam>
/// <param name="Items">The documents, in key order.</param>
/// <param name="Next">Where the next page starts; null when this one is the last.</param>
public sealed record DocumentPage<T>(IReadOnlyList<T> Items, DocumentCursor? Next);

/// <summary>Where a page of documents ended: pass it to <see cref="IDocumentQuery{T}.PageAsync"/> for the next.</summary>
public sealed class DocumentCursor
{
    internal DocumentCursor(Engines.RecordKey key) => Key = key;

    internal Engines.RecordKey Key { get; }

    /// <inheritdoc />
    public override string ToString() => $"after {Key}";
}
