using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.Alerts;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Attendance.Absences;

/// <summary>
/// Writes absences in a unit of work and keeps what depends on them with them, in the same transaction: each pupil's month
/// (its half-days) is summed again from its absences, and an alert is raised when the month reaches the school's threshold.
/// </summary>
internal sealed class AbsenceBook(AttendanceRules rules)
{
    /// <summary>Adds, replaces and removes absences, then sums again the months they touch and raises the alerts they reach.</summary>
    /// <param name="work">The unit of work (its school is the absences').</param>
    /// <param name="written">Absences added or replaced (by id).</param>
    /// <param name="removed">Absences removed, as (pupil, month, id).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The pupils' months as summed now.</returns>
    public async Task<IReadOnlyList<PupilMonthDocument>> ApplyAsync(IUnitOfWork work, IReadOnlyCollection<AbsenceDocument> written, IReadOnlyCollection<(PersonId Pupil, int Month, Guid Id)> removed, CancellationToken cancellationToken)
    {
        var absences = work.Documents<AbsenceDocument>();
        var touched = written.Select(a => (a.Pupil, a.Month)).Concat(removed.Select(r => (r.Pupil, r.Month))).Distinct().ToList();
        if (touched.Count == 0)
        {
            return [];
        }

        var months = new List<PupilMonthDocument>();
        foreach (var (pupil, month) in touched)
        {
            // The month as stored, read in this unit of work, so that what is replaced or removed was read (a concurrent writer is detected).
            var stored = (await absences.Where(a => a.Pupil == pupil && a.Month == month).ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id);
            foreach (var (_, _, id) in removed.Where(r => r.Pupil == pupil && r.Month == month))
            {
                if (stored.Remove(id, out var gone))
                {
                    absences.Remove(gone);
                }
            }

            foreach (var absence in written.Where(a => a.Pupil == pupil && a.Month == month))
            {
                if (stored.TryGetValue(absence.Id, out var was))
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

                stored[absence.Id] = absence;
            }

            months.Add(HalfDays.Summarise(pupil, month, work.School, stored.Values, rules.Counts));
        }

        var pupilMonths = work.Documents<PupilMonthDocument>();
        var before = await pupilMonths.FindManyAsync(months, m => p => p.Pupil == m.Pupil && p.Month == m.Month, cancellationToken).ConfigureAwait(false);
        var crossings = new Dictionary<int, int>(); // month → pupils who reached (+1) or fell back under (−1) the national threshold
        for (var i = 0; i < months.Count; i++)
        {
            if (before[i] is null)
            {
                pupilMonths.Add(months[i]);
            }
            else if (before[i] != months[i])
            {
                pupilMonths.Replace(months[i]);
            }

            var was = (before[i]?.UnjustifiedHalfDays ?? 0) >= AttendanceOptions.NationalAbsenceThreshold;
            var @is = months[i].UnjustifiedHalfDays >= AttendanceOptions.NationalAbsenceThreshold;
            if (was != @is)
            {
                crossings[months[i].Month] = crossings.GetValueOrDefault(months[i].Month) + (@is ? 1 : -1);
            }
        }

        await CountCrossingsAsync(work, crossings, cancellationToken).ConfigureAwait(false);

        await RaiseAlertsAsync(work, months, cancellationToken).ConfigureAwait(false);
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
        var changed = new List<AbsenceDocument>();
        for (var month = HalfDays.FirstDayOf(HalfDays.MonthOf(from.Day)); month <= to.Day; month = month.AddMonths(1))
        {
            var key = HalfDays.MonthOf(month);
            foreach (var absence in await work.Documents<AbsenceDocument>().Where(a => a.Pupil == pupil && a.Month == key).ListAsync(cancellationToken).ConfigureAwait(false))
            {
                var inside = (absence.Date > from.Day || (absence.Date == from.Day && absence.End > from.Time)) && (absence.Date < to.Day || (absence.Date == to.Day && absence.Start < to.Time));
                if (inside && change(absence) is { } after && after != absence)
                {
                    changed.Add(after);
                }
            }
        }

        await ApplyAsync(work, changed, [], cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>The school's thresholds: its own, else the department's.</summary>
    public async Task<(int Absences, int Lateness)> ThresholdsAsync(IUnitOfWork work, CancellationToken cancellationToken)
    {
        var school = work.School;
        var own = await work.Documents<SchoolSettingsDocument>().FindAsync(s => s.School == school, cancellationToken).ConfigureAwait(false);
        return own is null ? (rules.Options.AbsenceThreshold, rules.Options.LatenessThreshold) : (own.AbsenceThreshold, own.LatenessThreshold);
    }

    /// <summary>Keeps each school month's count of pupils at the national threshold, for the DEPP's indicator.</summary>
    private static async Task CountCrossingsAsync(IUnitOfWork work, Dictionary<int, int> crossings, CancellationToken cancellationToken)
    {
        if (crossings.Count == 0)
        {
            return;
        }

        var school = work.School;
        var counts = work.Documents<SchoolMonthDocument>();
        var keys = crossings.Keys.ToList();
        var stored = await counts.FindManyAsync(keys, month => c => c.School == school && c.Month == month, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            if (stored[i] is { } count)
            {
                counts.Replace(count with { PupilsAtThreshold = Math.Max(0, count.PupilsAtThreshold + crossings[keys[i]]) });
            }
            else
            {
                counts.Add(new SchoolMonthDocument(school, keys[i], Math.Max(0, crossings[keys[i]])));
            }
        }
    }

    private async Task RaiseAlertsAsync(IUnitOfWork work, List<PupilMonthDocument> months, CancellationToken cancellationToken)
    {
        var (absenceThreshold, latenessThreshold) = await ThresholdsAsync(work, cancellationToken).ConfigureAwait(false);
        var school = work.School;
        var candidates = new List<(PupilMonthDocument Month, AlertKind Kind, int Count, int Threshold)>();
        foreach (var month in months)
        {
            candidates.Add((month, AlertKind.Absences, month.UnjustifiedHalfDays, absenceThreshold));
            candidates.Add((month, AlertKind.Lateness, month.Late, latenessThreshold));
        }

        var alerts = work.Documents<AlertDocument>();
        var existing = await alerts.FindManyAsync(candidates, c => a => a.School == school && a.Month == c.Month.Month && a.Pupil == c.Month.Pupil && a.Kind == c.Kind, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < candidates.Count; i++)
        {
            var (month, kind, count, threshold) = candidates[i];
            if (existing[i] is { } alert)
            {
                if (alert.State == AlertState.Open && alert.Count != count)
                {
                    alerts.Replace(alert with { Count = count }); // an open alert follows the month (an absence justified since lowers it)
                }
            }
            else if (count >= threshold)
            {
                alerts.Add(new AlertDocument(school, month.Month, month.Pupil, kind, count, threshold, work.Now, AlertState.Open, null, null, null, null, null, null));
                work.Publish(new AttendanceThresholdReached(work.Actor.Person, work.Actor.Department, school, work.Now, month.Pupil, month.Month, kind, count, threshold));
            }
        }
    }
}
