using System.Collections.Immutable;
using System.Linq.Expressions;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Storage.Documents;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// The timetables in the host's storage engine, as the core's own documents: one per school and year (its first week A), one
/// per slot, one per session change. Timetables are read from memory (<see cref="InMemoryTimetables"/>); this journal writes what
/// each import or change made differ, in one transaction, before it is applied, and <see cref="LoadAsync"/> reads everything back
/// when the host starts.
/// </summary>
internal sealed class StoredTimetables(IRecordStores stores) : ITimetableJournal
{
    public const string Owner = "core.timetable";

    public static readonly DocumentType<StoredTimetable> Timetables = DocumentTypes.Create<StoredTimetable>(Owner, "timetables", d => d.Key(t => new { t.School, t.Year }));

    public static readonly DocumentType<StoredSlot> Slots = DocumentTypes.Create<StoredSlot>(Owner, "slots", d => d.Key(s => new { s.School, s.Year, s.Id }));

    public static readonly DocumentType<StoredSessionChange> Changes = DocumentTypes.Create<StoredSessionChange>(Owner, "session-changes", d => d.Key(c => new { c.School, c.Year, c.Session }));

    public static DocumentType[] All => [Timetables, Slots, Changes];

    private readonly DocumentRegistry _registry = new(All);

    public async Task TimetableSavedAsync(DepartmentId department, AcademicYearId year, SchoolTimetable? before, SchoolTimetable after, CancellationToken cancellationToken)
    {
        var session = new DocumentSession(stores, _registry, department, Owner);
        var school = after.School;
        var header = new StoredTimetable(school, year, after.FirstWeekA);
        if (before is null)
        {
            session.Set<StoredTimetable>().Add(header);
        }
        else if (before.FirstWeekA != after.FirstWeekA)
        {
            await session.Set<StoredTimetable>().FindAsync(t => t.School == school && t.Year == year, cancellationToken).ConfigureAwait(false);
            session.Set<StoredTimetable>().Replace(header);
        }

        await WriteAsync(session.Set<StoredSlot>(), before?.Slots ?? [], after.Slots, s => s.Id, s => new StoredSlot(school, year, s.Id, s),
            id => s => s.School == school && s.Year == year && s.Id == id, cancellationToken).ConfigureAwait(false);
        await WriteAsync(session.Set<StoredSessionChange>(), before?.Changes ?? [], after.Changes, c => SessionId.Of(c.Slot, c.ScheduledOn),
            c => new StoredSessionChange(school, year, SessionId.Of(c.Slot, c.ScheduledOn), c),
            id => c => c.School == school && c.Year == year && c.Session == id, cancellationToken).ConfigureAwait(false);
        if (session.HasWrites)
        {
            await stores.SaveAsync(department, session.ToChanges(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the stored timetables of every department into memory. Called by the host at start, after the directory and the calendar.</summary>
    public async Task LoadAsync(InMemoryTimetables timetables, CancellationToken cancellationToken)
    {
        var slots = (await ScanAsync(Slots, cancellationToken).ConfigureAwait(false)).ToLookup(s => (s.School, s.Year), s => s.Slot);
        var changes = (await ScanAsync(Changes, cancellationToken).ConfigureAwait(false)).ToLookup(c => (c.School, c.Year), c => c.Change);
        foreach (var header in await ScanAsync(Timetables, cancellationToken).ConfigureAwait(false))
        {
            var key = (header.School, header.Year);
            timetables.Restore(header.Year, new SchoolTimetable(header.School, header.FirstWeekA, [.. slots[key]], [.. changes[key]]));
        }
    }

    /// <summary>Adds what is new, and replaces or removes (read first, so that a concurrent writer is detected) what changed or went.</summary>
    private static async Task WriteAsync<TValue, TId, TDocument>(IDocumentSet<TDocument> documents, ImmutableArray<TValue> before, ImmutableArray<TValue> after,
        Func<TValue, TId> id, Func<TValue, TDocument> stored, Func<TId, Expression<Func<TDocument, bool>>> key, CancellationToken cancellationToken)
        where TDocument : class
        where TId : notnull
    {
        var old = before.ToDictionary(id);
        var now = after.ToDictionary(id);
        var replaced = now.Where(n => old.TryGetValue(n.Key, out var was) && !Equals(was, n.Value)).Select(n => n.Value).ToList();
        var removed = old.Where(o => !now.ContainsKey(o.Key)).Select(o => o.Value).ToList();
        if (replaced.Count + removed.Count > 0)
        {
            await documents.FindManyAsync([.. replaced, .. removed], value => key(id(value)), cancellationToken).ConfigureAwait(false);
        }

        foreach (var value in after.Where(a => !old.ContainsKey(id(a))))
        {
            documents.Add(stored(value));
        }

        replaced.ForEach(value => documents.Replace(stored(value)));
        removed.ForEach(value => documents.Remove(stored(value)));
    }

    private async Task<IEnumerable<T>> ScanAsync<T>(DocumentType<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var scanner = (IRecordScanner)stores.For(type.Schema);
        return (await scanner.ScanAsync(type.Table, cancellationToken).ConfigureAwait(false)).Select(row => type.Read(row.Record));
    }
}

/// <summary>A school's timetable for a year, as stored: its first week A (its slots and changes are documents of their own).</summary>
internal sealed record StoredTimetable(SchoolId School, AcademicYearId Year, DateOnly FirstWeekA);

/// <summary>A weekly slot as stored.</summary>
internal sealed record StoredSlot(SchoolId School, AcademicYearId Year, TimetableSlotId Id, TimetableSlot Slot);

/// <summary>A one-off change to a session as stored.</summary>
internal sealed record StoredSessionChange(SchoolId School, AcademicYearId Year, SessionId Session, SessionChange Change);
