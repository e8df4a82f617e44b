using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Storage.Documents;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// The calendar in the host's storage engine, as the core's own documents: years, holidays, the zone, morning ends. The
/// calendar is read from memory (<see cref="InMemorySchoolCalendar"/>); this journal writes each change before it is applied,
/// and <see cref="LoadAsync"/> reads everything back when the host starts.
/// </summary>
internal sealed class StoredCalendar(IRecordStores stores) : ICalendarJournal
{
    public const string Owner = "core.calendar";

    public static readonly DocumentType<StoredYear> Years = DocumentTypes.Create<StoredYear>(Owner, "years", d => d.Key(y => y.Id));

    public static readonly DocumentType<StoredHoliday> Holidays = DocumentTypes.Create<StoredHoliday>(Owner, "holidays", d => d.Key(h => h.Id));

    public static readonly DocumentType<StoredZone> Zones = DocumentTypes.Create<StoredZone>(Owner, "zones", d => d.Key(z => z.Department));

    public static readonly DocumentType<StoredMorningEnd> MorningEnds = DocumentTypes.Create<StoredMorningEnd>(Owner, "morning-ends", d => d.Key(m => m.School));

    public static DocumentType[] All => [Years, Holidays, Zones, MorningEnds];

    private readonly DocumentRegistry _registry = new(All);

    public Task YearSavedAsync(DepartmentId department, SchoolId? school, AcademicYear year, CancellationToken cancellationToken) =>
        SaveAsync(department, new StoredYear(year.Id, school, year), y => y.Id == year.Id, cancellationToken);

    public Task HolidaySavedAsync(DepartmentId department, Guid id, SchoolHoliday holiday, CancellationToken cancellationToken) =>
        SaveAsync(department, new StoredHoliday(id, holiday), h => h.Id == id, cancellationToken);

    public Task ZoneSetAsync(DepartmentId department, HolidayZone zone, CancellationToken cancellationToken) =>
        SaveAsync(department, new StoredZone(department, zone), z => z.Department == department, cancellationToken);

    public Task MorningEndSetAsync(DepartmentId department, SchoolId school, TimeOnly morningEnds, CancellationToken cancellationToken) =>
        SaveAsync(department, new StoredMorningEnd(school, morningEnds), m => m.School == school, cancellationToken);

    /// <summary>Reads the stored calendar of every department into memory. Called by the host at start, after the directory.</summary>
    public async Task LoadAsync(InMemorySchoolCalendar calendar, CancellationToken cancellationToken)
    {
        foreach (var (department, year) in await ScanAsync(Years, cancellationToken).ConfigureAwait(false))
        {
            calendar.RestoreYear(department, year.School, year.Year);
        }

        foreach (var (department, holiday) in await ScanAsync(Holidays, cancellationToken).ConfigureAwait(false))
        {
            calendar.RestoreHoliday(department, holiday.Id, holiday.Holiday);
        }

        foreach (var (department, zone) in await ScanAsync(Zones, cancellationToken).ConfigureAwait(false))
        {
            calendar.RestoreZone(department, zone.Zone);
        }

        foreach (var (department, end) in await ScanAsync(MorningEnds, cancellationToken).ConfigureAwait(false))
        {
            calendar.RestoreMorningEnd(department, end.School, end.MorningEnds);
        }
    }

    private async Task<IEnumerable<(DepartmentId, T)>> ScanAsync<T>(DocumentType<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var scanner = (IRecordScanner)stores.For(type.Schema);
        return (await scanner.ScanAsync(type.Table, cancellationToken).ConfigureAwait(false)).Select(row => (row.Department, type.Read(row.Record)));
    }

    private async Task SaveAsync<T>(DepartmentId department, T document, System.Linq.Expressions.Expression<Func<T, bool>> key, CancellationToken cancellationToken)
        where T : class
    {
        var session = new DocumentSession(stores, _registry, department, Owner);
        var documents = session.Set<T>();
        if (await documents.FindAsync(key, cancellationToken).ConfigureAwait(false) is null)
        {
            documents.Add(document);
        }
        else
        {
            documents.Replace(document);
        }

        await stores.SaveAsync(department, session.ToChanges(), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An academic year as stored: for the department, or one school's own.</summary>
internal sealed record StoredYear(AcademicYearId Id, SchoolId? School, AcademicYear Year);

/// <summary>A holiday as stored.</summary>
internal sealed record StoredHoliday(Guid Id, SchoolHoliday Holiday);

/// <summary>A department's holiday zone as stored.</summary>
internal sealed record StoredZone(DepartmentId Department, HolidayZone Zone);

/// <summary>A school's morning end as stored.</summary>
internal sealed record StoredMorningEnd(SchoolId School, TimeOnly MorningEnds);
