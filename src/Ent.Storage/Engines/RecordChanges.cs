using Ent.Core.Events;

namespace Ent.Storage.Engines;

/// <summary>What a change does to a record.</summary>
public enum RecordChangeKind
{
    /// <summary>Adds a record whose key is not stored yet.</summary>
    Insert,

    /// <summary>Replaces a stored record, if it is still at the version that was read.</summary>
    Update,

    /// <summary>Removes a stored record, if it is still at the version that was read.</summary>
    Delete,
}

/// <summary>One change of a <see cref="RecordChanges"/>.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Record">The record: for updates and deletes, as read (its version is the one expected).</param>
public readonly record struct RecordChange(RecordChangeKind Kind, Record Record);

/// <summary>A record read but not written by a change set, whose version must not have moved when the set commits.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Version">The version read: 0 when the record was absent (it must still be absent).</param>
public readonly record struct RecordCheck(RecordKey Key, long Version);

/// <summary>
/// Changes saved together, all or nothing: a whole roll call, all the marks of an assessment. Each key
/// appears once. Updates and deletes carry the version that was read: if another writer saved the record
/// since, the store refuses the whole set with a <see cref="RecordConflictException"/>. Records only read
/// can be checked the same way (<see cref="Check"/>), and domain events appended to the event log in the
/// same transaction (<see cref="Append"/>): a saved change always has its events, an event never describes an unsaved change.
/// </summary>
public sealed class RecordChanges
{
    private readonly List<RecordChange> _changes = [];
    private readonly List<RecordCheck> _checks = [];
    private readonly List<DomainEvent> _events = [];
    private readonly HashSet<RecordKey> _keys = [];

    /// <summary>The changes, in the order given.</summary>
    public IReadOnlyList<RecordChange> Items => _changes;

    /// <summary>How many changes there are.</summary>
    public int Count => _changes.Count;

    /// <summary>The records read and not written, whose versions are checked when the set commits.</summary>
    public IReadOnlyList<RecordCheck> Checks => _checks;

    /// <summary>The events appended to the event log with the changes, in order.</summary>
    public IReadOnlyList<DomainEvent> Events => _events;

    /// <summary>Whether there is nothing to write: no change and no event (checks alone write nothing).</summary>
    public bool IsEmpty => _changes.Count == 0 && _events.Count == 0;

    /// <summary>
    /// Checks, when the set commits, that a record read and not written is still at the version read (absent
    /// when <paramref name="version"/> is 0); otherwise the whole set is refused with a <see cref="RecordConflictException"/>.
    /// </summary>
    /// <param name="key">The record's key.</param>
    /// <param name="version">The version read, 0 when it was absent.</param>
    /// <returns>The same change set.</returns>
    public RecordChanges Check(RecordKey key, long version)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        if (!_keys.Add(key))
        {
            throw new ArgumentException($"{key} appears twice in one change set.", nameof(key));
        }

        _checks.Add(new RecordCheck(key, version));
        return this;
    }

    /// <summary>Appends a domain event to the event log in the same transaction as the changes.</summary>
    /// <param name="domainEvent">The event; its department must be the one the set is saved in.</param>
    /// <returns>The same change set.</returns>
    public RecordChanges Append(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _events.Add(domainEvent);
        return this;
    }

    /// <summary>Adds a new record.</summary>
    /// <param name="record">A record never saved (version 0).</param>
    /// <returns>The same change set.</returns>
    public RecordChanges Insert(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version != 0)
        {
            throw new ArgumentException($"{record.Key} was read from the store (version {record.Version}); update it instead of inserting it.", nameof(record));
        }

        return Add(RecordChangeKind.Insert, record);
    }

    /// <summary>Adds several new records.</summary>
    /// <param name="records">Records never saved.</param>
    /// <returns>The same change set.</returns>
    public RecordChanges InsertAll(IEnumerable<Record> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Insert(record);
        }

        return this;
    }

    /// <summary>Replaces a stored record with this one, if the stored one is still at <see cref="Record.Version"/>.</summary>
    /// <param name="record">The record as read, changed with <see cref="Record.With"/>.</param>
    /// <returns>The same change set.</returns>
    public RecordChanges Update(Record record) => Add(RecordChangeKind.Update, Stored(record));

    /// <summary>Removes a stored record, if it is still at <see cref="Record.Version"/>.</summary>
    /// <param name="record">The record as read.</param>
    /// <returns>The same change set.</returns>
    public RecordChanges Delete(Record record) => Add(RecordChangeKind.Delete, Stored(record));

    private static Record Stored(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Version > 0
            ? record
            : throw new ArgumentException($"{record.Key} was never saved (version 0): insert it first.", nameof(record));
    }

    private RecordChanges Add(RecordChangeKind kind, Record record)
    {
        if (!_keys.Add(record.Key))
        {
            throw new ArgumentException($"{record.Key} appears twice in one change set.", nameof(record));
        }

        _changes.Add(new RecordChange(kind, record));
        return this;
    }
}
