using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Ent.Core.Identifiers;
using Ent.Storage.Engines;

namespace Ent.Storage.Documents;

/// <summary>
/// The documents a unit of work reads and writes, in one department, for one owner: it remembers the version of every
/// document read, stages writes, and turns them into one change set (with checks for what it found and did not write).
/// </summary>
internal sealed class DocumentSession
{
    private const int StreamPage = 512;

    private readonly IRecordStores _stores;
    private readonly DocumentRegistry _registry;
    private readonly Dictionary<RecordKey, long> _read = [];
    private readonly HashSet<RecordKey> _found = [];
    private readonly Dictionary<RecordKey, (RecordChangeKind Kind, Record Record)> _staged = [];
    private readonly List<RecordKey> _order = [];

    public DocumentSession(IRecordStores stores, DocumentRegistry registry, DepartmentId department, string owner)
    {
        _stores = stores;
        _registry = registry;
        Department = department;
        Owner = owner;
    }

    public DepartmentId Department { get; }

    /// <summary>The component whose documents this session may use.</summary>
    public string Owner { get; }

    public bool HasWrites => _staged.Count > 0;

    public IDocumentSet<T> Set<T>()
        where T : class => new DocumentSet<T>(this, _registry.Get<T>(Owner));

    /// <summary>The staged writes and the checks of documents found and not written.</summary>
    public RecordChanges ToChanges()
    {
        var changes = new RecordChanges();
        foreach (var key in _order)
        {
            var (kind, record) = _staged[key];
            _ = kind switch
            {
                RecordChangeKind.Insert => changes.Insert(record),
                RecordChangeKind.Update => changes.Update(record),
                _ => changes.Delete(record),
            };
        }

        foreach (var key in _found.Where(k => !_staged.ContainsKey(k)))
        {
            changes.Check(key, _read[key]);
        }

        return changes;
    }

    private IRecordStore Store(DocumentType type) => _stores.For(type.Schema);

    private void Remember(Record record) => _read[record.Key] = record.Version;

    private void Stage(RecordKey key, RecordChangeKind kind, Record record)
    {
        if (!_staged.TryGetValue(key, out var earlier))
        {
            _staged[key] = (kind, record);
            _order.Add(key);
            return;
        }

        // Several writes of one document in a unit of work: the store sees only the last, against what it holds.
        if (earlier.Kind != RecordChangeKind.Insert)
        {
            _staged[key] = (kind, record);
        }
        else if (kind == RecordChangeKind.Delete)
        {
            _staged.Remove(key); // added then removed: nothing to write
            _order.Remove(key);
        }
        else
        {
            _staged[key] = (RecordChangeKind.Insert, record.Version == 0 ? record : record.WithVersion(0));
        }
    }

    private sealed class DocumentSet<T>(DocumentSession session, DocumentType<T> type) : IDocumentSet<T>
        where T : class
    {
        public async Task<T?> FindAsync(Expression<Func<T, bool>> key, CancellationToken cancellationToken = default)
        {
            var recordKey = KeyOf(key);
            return TryStaged(recordKey, out var staged)
                ? staged
                : Found(recordKey, await session.Store(type).FindAsync(session.Department, recordKey, cancellationToken).ConfigureAwait(false));
        }

        public async Task<IReadOnlyList<T?>> FindManyAsync<TItem>(IEnumerable<TItem> items, Func<TItem, Expression<Func<T, bool>>> key, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(items);
            ArgumentNullException.ThrowIfNull(key);
            var keys = items.Select(item => KeyOf(key(item))).ToArray(); // every key checked before the read
            var found = new T?[keys.Length];
            var stored = keys.Where(k => !session._staged.ContainsKey(k)).Distinct().ToArray();
            var read = (await session.Store(type).FindManyAsync(session.Department, stored, cancellationToken).ConfigureAwait(false))
                .Select((record, i) => (Key: stored[i], Document: Found(stored[i], record)))
                .ToDictionary(r => r.Key, r => r.Document);
            for (var i = 0; i < keys.Length; i++)
            {
                found[i] = TryStaged(keys[i], out var staged) ? staged : read[keys[i]];
            }

            return found;
        }

        /// <summary>A document this unit of work staged (null when it removed it): what it reads back instead of the store's.</summary>
        private bool TryStaged(RecordKey key, out T? document)
        {
            var isStaged = session._staged.TryGetValue(key, out var staged);
            document = isStaged && staged.Kind != RecordChangeKind.Delete ? type.Read(staged.Record) : null;
            return isStaged;
        }

        /// <summary>A document read from the store, its version (or its absence) remembered for the commit's check.</summary>
        private T? Found(RecordKey key, Record? record)
        {
            session._read[key] = record?.Version ?? 0;
            session._found.Add(key);
            return record is null ? null : type.Read(record);
        }

        private RecordKey KeyOf(Expression<Func<T, bool>> key)
        {
            var terms = DocumentFilter.Parse(key);
            if (!type.IsWholeKey([.. terms.Select(t => t.Member.Name)]) || terms.Count != type.Key.Length)
            {
                throw new ArgumentException($"FindAsync and FindManyAsync take the whole key of '{type}' ({string.Join(", ", type.KeyMembers)}), each once; use Where for other queries.", nameof(key));
            }

            return type.Table.Key([.. type.Key.Select(k => Value(terms.First(t => t.Member.Name == k.Name)))]);
        }

        public IDocumentQuery<T> Where(Expression<Func<T, bool>> filter)
        {
            var query = RecordQuery.From(type.Table);
            foreach (var term in DocumentFilter.Parse(filter))
            {
                query = query.Where(type.Member(term.Member.Name).Column.Name, Value(term));
            }

            return new Query<T>(session, type, query);
        }

        public IDocumentQuery<T> All() => new Query<T>(session, type, RecordQuery.From(type.Table));

        public void Add(T document)
        {
            var record = type.ToRecord(document);
            if (session._read.TryGetValue(record.Key, out var version) && version > 0 && !session._staged.ContainsKey(record.Key))
            {
                throw new InvalidOperationException($"{record.Key} of '{type}' was read in this unit of work: replace it rather than add it.");
            }

            session.Stage(record.Key, RecordChangeKind.Insert, record);
        }

        public void Replace(T document)
        {
            var record = type.ToRecord(document);
            if (session._staged.TryGetValue(record.Key, out var staged) && staged.Kind == RecordChangeKind.Insert)
            {
                session.Stage(record.Key, RecordChangeKind.Insert, record);
                return;
            }

            session.Stage(record.Key, RecordChangeKind.Update, record.WithVersion(VersionRead(record.Key, "replaced")));
        }

        public void Remove(T document)
        {
            var record = type.ToRecord(document);
            var key = record.Key;
            if (session._staged.TryGetValue(key, out var staged) && staged.Kind == RecordChangeKind.Insert)
            {
                session.Stage(key, RecordChangeKind.Delete, record);
                return;
            }

            session.Stage(key, RecordChangeKind.Delete, record.WithVersion(VersionRead(key, "removed")));
        }

        private long VersionRead(RecordKey key, string what) =>
            session._read.TryGetValue(key, out var version) && version > 0
                ? version
                : throw new InvalidOperationException($"{key} of '{type}' is {what} without having been read in this unit of work (or was absent): read it first, so that a concurrent change is detected.");

        private object? Value((System.Reflection.PropertyInfo Member, object? Value) term) => type.Member(term.Member.Name).ToColumn(term.Value);
    }

    private sealed class Query<T>(DocumentSession session, DocumentType<T> type, RecordQuery query) : IDocumentQuery<T>, IBatchedDocumentQuery
        where T : class
    {
        public object Session => session;

        public IRecordStore Store => session.Store(type);

        public DepartmentId Department => session.Department;

        public RecordQuery Records => query;

        public object ReadAll(IReadOnlyList<Record> records) => (IReadOnlyList<T>)Read(records);

        public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default)
        {
            var records = await session.Store(type).QueryAsync(session.Department, query, cancellationToken).ConfigureAwait(false);
            return Read(records);
        }

        public async Task<DocumentPage<T>> PageAsync(int size, DocumentCursor? after = null, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 10_000);
            var page = query.Take(size + 1);
            if (after is not null)
            {
                page = page.StartAfter(after.Key);
            }

            var records = await session.Store(type).QueryAsync(session.Department, page, cancellationToken).ConfigureAwait(false);
            var items = Read(records.Count > size ? records.Take(size) : records);
            return new DocumentPage<T>(items, records.Count > size ? new DocumentCursor(records[size - 1].Key) : null);
        }

        public async IAsyncEnumerable<T> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            DocumentCursor? after = null;
            do
            {
                var page = await PageAsync(StreamPage, after, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }

                after = page.Next;
            }
            while (after is not null);
        }

        private T[] Read(IEnumerable<Record> records)
        {
            var items = new List<T>();
            foreach (var record in records)
            {
                session.Remember(record);
                items.Add(type.Read(record));
            }

            return [.. items];
        }
    }
}
