using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.Alerts;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.Attendance.Absences;

/// <summary>
/// Writes absences in a unit of work and keeps what depends on them with them, in the same transaction: each pupil's month
/// (its half-days) is summed again from its absences, each school month's count at the national threshold follows, and an
/// alert is raised when the month reaches the school's threshold. What it needs is read first, in one round trip
/// (<see cref="ReadAsync"/>); writing then reads nothing more.
/// </summary>
internal sealed class AbsenceBook(AttendanceRules rules)
{
    /// <summary>Reads, together, the months of these pupils as stored: their absences, their sums, their alerts, the school's months and thresholds.</summary>
    /// <param name="work">The unit of work (its school is the absences').</param>
    /// <param name="touched">The pupils' months that will change.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<StoredMonths> ReadAsync(IUnitOfWork work, IEnumerable<(PersonId Pupil, int Month)> touched, CancellationToken cancellationToken)
    {
        var batch = new DocumentBatch();
        var months = Add(batch, work, touched);
        await batch.ReadAsync(cancellationToken).ConfigureAwait(false);
        return months();
    }

    /// <summary>Adds the reads of <see cref="ReadAsync"/> to a batch of the caller's, so that they go in its round trip; the months once the batch is read.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="work">The unit of work.</param>
    /// <param name="touched">The pupils' months that will change.</param>
    public Func<StoredMonths> Add(DocumentBatch batch, IUnitOfWork work, IEnumerable<(PersonId Pupil, int Month)> touched)
    {
        var school = work.School;
        var keys = touched.Distinct().ToList();
        var absences = keys.Select(k => batch.Add(work.Documents<AbsenceDocument>().Where(a => a.Pupil == k.Pupil && a.Month == k.Month))).ToList();
        var months = keys.Select(k => batch.Add(work.Documents<PupilMonthDocument>().Where(m => m.Pupil == k.Pupil && m.Month == k.Month))).ToList();
        var alerts = keys.Select(k => batch.Add(work.Documents<AlertDocument>().Where(a => a.School == school && a.Month == k.Month && a.Pupil == k.Pupil))).ToList();
        var schoolMonths = keys.Select(k => k.Month).Distinct().ToDictionary(m => m, m => batch.Add(work.Documents<SchoolMonthDocument>().Where(c => c.School == school && c.Month == m)));
        var settings = batch.Add(work.Documents<SchoolSettingsDocument>().Where(s => s.School == school));
        return () =>
        {
            var own = batch.Get(settings).FirstOrDefault();
            return new StoredMonths(
                keys.Select((k, i) => (k, batch.Get(absences[i]).ToDictionary(a => a.Id))).ToDictionary(p => p.k, p => p.Item2),
                keys.Select((k, i) => (k, batch.Get(months[i]).FirstOrDefault())).ToDictionary(p => p.k, p => p.Item2),
                keys.Select((k, i) => (k, (IReadOnlyList<AlertDocument>)batch.Get(alerts[i]))).ToDictionary(p => p.k, p => p.Item2),
                schoolMonths.ToDictionary(m => m.Key, m => batch.Get(m.Value).FirstOrDefault()),
                own is null ? (rules.Options.AbsenceThreshold, rules.Options.LatenessThreshold) : (own.AbsenceThreshold, own.LatenessThreshold));
        };
    }

    /// <summary>Adds, replaces and removes absences of months read with <see cref="ReadAsync"/>, then sums those months again and raises the alerts they reach.</summary>
    /// <param name="work">The unit of work.</param>
    /// <param name="stored">The months as read.</param>
    /// <param name="written">Absences added or replaced (by id).</param>
    /// <param name="removed">Absences removed, as (pupil, month, id).</param>
    /// <returns>The pupils' months as summed now.</returns>
    public IReadOnlyList<PupilMonthDocument> Apply(IUnitOfWork work, StoredMonths stored, IReadOnlyCollection<AbsenceDocument> written, IReadOnlyCollection<(PersonId Pupil, int Month, Guid Id)> removed)
    {
        var absences = work.Documents<AbsenceDocument>();
        var touched = written.Select(a => (a.Pupil, a.Month)).Concat(removed.Select(r => (r.Pupil, r.Month))).Distinct().ToList();
        var months = new List<PupilMonthDocument>();
        foreach (var key in touched)
        {
            var month = stored.Absences.TryGetValue(key, out var read) ? read : throw new InvalidOperationException($"The month {key.Month} of pupil {key.Pupil.Value} was not read first.");
            foreach (var (_, _, id) in removed.Where(r => r.Pupil == key.Pupil && r.Month == key.Month))
            {
                if (month.Remove(id, out var gone))
                {
                    absences.Remove(gone);
                }
            }

            foreach (var absence in written.Where(a => a.Pupil == key.Pupil && a.Month == key.Month))
            {
                if (month.TryGetValue(absence.Id, out var was))
                {
                    if (was != absence)
                    {
                        absences.Replace(absence);
                    }
                }
                else
                {
                    absences.Add(absence);
                }

                month[absence.Id] = absence;
            }

            var summed = HalfDays.Summarise(key.Pupil, key.Month, work.School, month.Values, rules.Counts);
            var before = stored.Months[key];
            if (before is null)
            {
                work.Documents<PupilMonthDocument>().Add(summed);
            }
            else if (before != summed)
            {
                work.Documents<PupilMonthDocument>().Replace(summed);
            }

            stored.Months[key] = summed;
            CountCrossing(work, stored, key.Month, before, summed);
            RaiseAlerts(work, stored, key, summed);
            months.Add(summed);
        }

        return months;
    }

    /// <summary>Changes a pupil's absences that fall between two times (a declaration's, a justification's), then sums their months again.</summary>
    /// <param name="work">The unit of work.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="from">The first day and time.</param>
    /// <param name="to">The last day and time.</param>
    /// <param name="change">The absence changed, or null to leave it.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The absences changed.</returns>
    public async Task<IReadOnlyList<AbsenceDocument>> ChangeBetweenAsync(IUnitOfWork work, PersonId pupil, (DateOnly Day, TimeOnly Time) from, (DateOnly Day, TimeOnly Time) to,
        Func<AbsenceDocument, AbsenceDocument?> change, CancellationToken cancellationToken)
    {
        var keys = new List<(PersonId, int)>();
        for (var month = HalfDays.FirstDayOf(HalfDays.MonthOf(from.Day)); month <= to.Day; month = month.AddMonths(1))
        {
            keys.Add((pupil, HalfDays.MonthOf(month)));
        }

        var stored = await ReadAsync(work, keys, cancellationToken).ConfigureAwait(false);
        var changed = new List<AbsenceDocument>();
        foreach (var absence in stored.Absences.Values.SelectMany(m => m.Values))
        {
            var inside = (absence.Date > from.Day || (absence.Date == from.Day && absence.End > from.Time)) && (absence.Date < to.Day || (absence.Date == to.Day && absence.Start < to.Time));
            if (inside && change(absence) is { } after && after != absence)
            {
                changed.Add(after);
            }
        }

        Apply(work, stored, changed, []);
        return changed;
    }

    /// <summary>Keeps the school month's count of pupils at the national threshold, for the DEPP's indicator.</summary>
    private static void CountCrossing(IUnitOfWork work, StoredMonths stored, int month, PupilMonthDocument? before, PupilMonthDocument after)
    {
        var was = (before?.UnjustifiedHalfDays ?? 0) >= AttendanceOptions.NationalAbsenceThreshold;
        var @is = after.UnjustifiedHalfDays >= AttendanceOptions.NationalAbsenceThreshold;
        if (was == @is)
        {
            return;
        }

        var counts = work.Documents<SchoolMonthDocument>();
        if (stored.SchoolMonths[month] is { } count)
        {
            var changed = count with { PupilsAtThreshold = Math.Max(0, count.PupilsAtThreshold + (@is ? 1 : -1)) };
            counts.Replace(changed);
            stored.SchoolMonths[month] = changed;
        }
        else
        {
            var added = new SchoolMonthDocument(work.School, month, @is ? 1 : 0);
            counts.Add(added);
            stored.SchoolMonths[month] = added;
        }
    }

    private static void RaiseAlerts(IUnitOfWork work, StoredMonths stored, (PersonId Pupil, int Month) key, PupilMonthDocument month)
    {
        var alerts = work.Documents<AlertDocument>();
        var existing = stored.Alerts[key].ToList();
        foreach (var (kind, count, threshold) in new[] { (AlertKind.Absences, month.UnjustifiedHalfDays, stored.Thresholds.Absences), (AlertKind.Lateness, month.Late, stored.Thresholds.Lateness) })
        {
            var index = existing.FindIndex(a => a.Kind == kind);
            if (index >= 0)
            {
                var alert = existing[index];
                if (alert.State == AlertState.Open && alert.Count != count)
                {
                    existing[index] = alert with { Count = count }; // an open alert follows the month (an absence justified since lowers it)
                    alerts.Replace(existing[index]);
                }
            }
            else if (count >= threshold)
            {
                var raised = new AlertDocument(work.School, month.Month, month.Pupil, kind, count, threshold, work.Now, AlertState.Open, null, null, null, null, null, null);
                alerts.Add(raised);
                existing.Add(raised);
                work.Publish(new AttendanceThresholdReached(work.Actor.Person, work.Actor.Department, work.School, work.Now, month.Pupil, month.Month, kind, count, threshold));
            }
        }

        stored.Alerts[key] = existing;
    }
}

/// <summary>Pupils' months as stored, read together before they change: their absences (by id), their sums, their alerts, the school's months and thresholds.</summary>
internal sealed record StoredMonths(
    Dictionary<(PersonId Pupil, int Month), Dictionary<Guid, AbsenceDocument>> Absences,
    Dictionary<(PersonId Pupil, int Month), PupilMonthDocument?> Months,
    Dictionary<(PersonId Pupil, int Month), IReadOnlyList<AlertDocument>> Alerts,
    Dictionary<int, SchoolMonthDocument?> SchoolMonths,
    (int Absences, int Lateness) Thresholds);
