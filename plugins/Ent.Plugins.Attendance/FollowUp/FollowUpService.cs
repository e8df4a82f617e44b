using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.RollCalls;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.Attendance.FollowUp;

/// <summary>The CPE's follow-up and a pupil's record on the plugin's documents, each call a unit of work checked by the platform.</summary>
internal sealed class FollowUpService(IOperations operations, ITimetables timetables, AttendanceRules rules, AbsenceBook book, AttendanceNames names)
    : IAttendanceFollowUp
{
    /// <inheritdoc />
    public async Task<SchoolDay> DayAsync(Actor actor, SchoolId school, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), AttendanceCapabilities.FollowUp, cancellationToken).ConfigureAwait(false);
        var (absences, rollCalls, pending) = await work.Documents<AbsenceDocument>().Where(a => a.School == school && a.Date == day)
            .ListTogetherAsync(
                work.Documents<RollCallDocument>().Where(r => r.School == school && r.Date == day),
                work.Documents<DeclarationDocument>().Where(d => d.School == school && d.State == DeclarationState.Pending), cancellationToken).ConfigureAwait(false);
        var (waiting, open, sent) = await work.Documents<DeclarationDocument>().Where(d => d.School == school && d.State == DeclarationState.MoreRequested)
            .ListTogetherAsync(
                work.Documents<AlertDocument>().Where(a => a.School == school && a.State == AlertState.Open),
                work.Documents<AlertDocument>().Where(a => a.School == school && a.State == AlertState.LetterSent), cancellationToken).ConfigureAwait(false);
        var taken = rollCalls.Select(r => r.Session).ToHashSet();
        var now = TimeOnly.FromDateTime(names.Local(work.Now));
        var notTaken = timetables.SessionsBetween(school, day, day).Where(s => !taken.Contains(s.Id) && (day < work.Today || (day == work.Today && s.Start <= now))).ToList();
        return new SchoolDay(school, day,
            [.. absences.Select(names.ToAbsence).OrderBy(a => a.Name, StringComparer.CurrentCulture).ThenBy(a => a.Start)],
            notTaken,
            [.. pending.Concat(waiting).OrderBy(d => d.DeclaredAt).Select(DeclarationService.ToDeclaration)],
            [.. open.Concat(sent).OrderByDescending(a => a.RaisedAt).Select(names.ToAlert)]);
    }

    /// <inheritdoc />
    public async Task<PupilRecord> PupilAsync(Actor actor, PersonId pupil, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            throw new ArgumentException($"A record covers up to a year, from a day to a later one: {from:yyyy-MM-dd} to {to:yyyy-MM-dd} does not.", nameof(to));
        }

        await using var work = await names.BeginOnPupilAsync(operations, actor, pupil, AttendanceCapabilities.ReadAttendance, cancellationToken).ConfigureAwait(false);
        var absences = new List<AbsenceDocument>();
        var months = new List<MonthFigures>();
        var stored = (await work.Documents<PupilMonthDocument>().Where(m => m.Pupil == pupil).ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Month);
        for (var month = HalfDays.FirstDayOf(HalfDays.MonthOf(from)); month <= to; month = month.AddMonths(1))
        {
            var key = HalfDays.MonthOf(month);
            absences.AddRange((await work.Documents<AbsenceDocument>().Where(a => a.Pupil == pupil && a.Month == key).ListAsync(cancellationToken).ConfigureAwait(false))
                .Where(a => a.Date >= from && a.Date <= to));
            var figures = stored.GetValueOrDefault(key);
            months.Add(new MonthFigures(month, figures?.UnjustifiedHalfDays ?? 0, figures is null ? 0 : System.Numerics.BitOperations.PopCount(figures.Awaiting), figures?.JustifiedHalfDays ?? 0,
                figures?.Late ?? 0, figures?.MissedSessions ?? 0, figures?.MissedMinutes ?? 0));
        }

        return new PupilRecord(pupil, names.NameOf(pupil), [.. absences.OrderByDescending(a => a.Date).ThenByDescending(a => a.Start).Select(names.ToAbsence)], months);
    }

    /// <inheritdoc />
    public async Task<int> JustifyAsync(Actor actor, PersonId pupil, (DateOnly Day, TimeOnly Time) from, (DateOnly Day, TimeOnly Time) to, string reason, bool proofReceived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (to.Day < from.Day || (to.Day == from.Day && to.Time <= from.Time))
        {
            throw new ArgumentException($"A justification covers a time after another: {from.Day:yyyy-MM-dd} {from.Time:HH\\:mm} to {to.Day:yyyy-MM-dd} {to.Time:HH\\:mm} does not.", nameof(to));
        }

        var known = rules.Reason(reason);
        var state = !known.Legitimate ? Justification.Unjustified : known.NeedsProof && !proofReceived ? Justification.Awaiting : Justification.Justified;
        await using var work = await names.BeginOnPupilAsync(operations, actor, pupil, AttendanceCapabilities.FollowUp, cancellationToken).ConfigureAwait(false);
        var changed = await book.ChangeBetweenAsync(work, pupil, from, to,
            absence => absence.School == work.School ? absence with { Reason = known.Code, State = state, JustifiedBy = actor.Person, JustifiedAt = work.Now } : null, cancellationToken).ConfigureAwait(false);
        if (changed.Count > 0)
        {
            work.Publish(new AbsencesJustified(actor.Person, actor.Department, work.School, work.Now, pupil, changed.Count, known.Code, state));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed.Count;
    }

    /// <inheritdoc />
    public async Task<SchoolThresholds> ThresholdsAsync(Actor actor, SchoolId school, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), AttendanceCapabilities.FollowUp, cancellationToken).ConfigureAwait(false);
        var own = await work.Documents<SchoolSettingsDocument>().FindAsync(s => s.School == school, cancellationToken).ConfigureAwait(false);
        return own is null
            ? new SchoolThresholds(rules.Options.AbsenceThreshold, rules.Options.LatenessThreshold, Own: false)
            : new SchoolThresholds(own.AbsenceThreshold, own.LatenessThreshold);
    }

    /// <inheritdoc />
    public async Task SetThresholdsAsync(Actor actor, SchoolId school, SchoolThresholds thresholds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds.HalfDays, 1, nameof(thresholds.HalfDays));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholds.HalfDays, 62, nameof(thresholds.HalfDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds.Lateness, 1, nameof(thresholds.Lateness));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholds.Lateness, 62, nameof(thresholds.Lateness));
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), AttendanceCapabilities.FollowUp, cancellationToken).ConfigureAwait(false);
        var settings = work.Documents<SchoolSettingsDocument>();
        var document = new SchoolSettingsDocument(school, thresholds.HalfDays, thresholds.Lateness, actor.Person, work.Now);
        if (await settings.FindAsync(s => s.School == school, cancellationToken).ConfigureAwait(false) is null)
        {
            settings.Add(document);
        }
        else
        {
            settings.Replace(document);
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
