using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.Statuses;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.Attendance.RollCalls;

/// <summary>
/// Roll calls on the plugin's documents: each call is a unit of work on the session's class or group (the platform checks the
/// actor's capability there and that attendance is on in the school); a roll call, its corrections, the pupils' absences, their
/// months and alerts, and its events are committed together.
/// </summary>
internal sealed class RollCallService(IOperations operations, IOrganisationDirectory directory, ITimetables timetables, ISchoolCalendar calendar, AttendanceRules rules, AbsenceBook book, AttendanceNames names)
    : IRollCalls
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SessionToCall>> SessionsOfAsync(Actor actor, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var schools = directory.RolesOf(actor.Person).Where(r => r.Role == Role.Teacher && r.Validity.Contains(day) && r.Scope.School is not null)
            .Select(r => r.Scope.School!.Value).Distinct();
        var found = new List<SessionToCall>();
        foreach (var school in schools)
        {
            var sessions = timetables.SessionsBetween(school, day, day).Where(s => s.Teacher == actor.Person).ToList();
            if (sessions.Count == 0)
            {
                continue;
            }

            HashSet<SessionId> taken;
            try
            {
                // Checked on one of the teacher's sessions; the school's roll calls of the day are read for their sessions' ids only.
                await using var work = await BeginAsync(actor, sessions[0], cancellationToken).ConfigureAwait(false);
                taken = (await work.Documents<RollCallDocument>().Where(r => r.School == school && r.Date == day).ListAsync(cancellationToken).ConfigureAwait(false))
                    .Select(r => r.Session).ToHashSet();
            }
            catch (Ent.Sdk.Enablement.PluginDisabledException)
            {
                continue; // attendance is off in that school
            }

            found.AddRange(sessions.Select(s => new SessionToCall(s, AudienceName(s), taken.Contains(s.Id))));
        }

        return [.. found.OrderBy(s => s.Session.Start)];
    }

    /// <inheritdoc />
    public async Task<RollCallSheet> SheetAsync(Actor actor, SchoolId school, DateOnly date, SessionId session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var taught = Find(school, date, session);
        await using var work = await BeginAsync(actor, taught, cancellationToken).ConfigureAwait(false);
        var (stored, known) = await work.Documents<RollCallDocument>().Where(r => r.School == school && r.Date == date && r.Session == session)
            .ListTogetherAsync(work.Documents<KnownAbsenceDocument>().Where(k => k.School == school && k.Date == date), cancellationToken).ConfigureAwait(false);
        var rollCall = stored.Count == 1 ? ToRollCall(taught, stored[0]) : null;
        var corrections = rollCall is null ? [] : await CorrectionsAsync(work, session, cancellationToken).ConfigureAwait(false);
        var roster = rollCall?.Roster ?? Roster(taught);
        var lines = roster.Select(pupil =>
            {
                var declared = KnownAbsence(known, pupil, taught);
                var mark = rollCall?.Of(pupil) ?? (declared is not null ? new PupilAttendance(pupil, AttendanceStatus.Absent.Code) : new PupilAttendance(pupil, AttendanceStatus.Present.Code));
                return new RollCallLine(pupil, names.NameOf(pupil), mark, declared?.Reason);
            })
            .OrderBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();
        return new RollCallSheet(taught, AudienceName(taught), lines, rollCall, corrections, rules.Statuses);
    }

    /// <inheritdoc />
    public async Task<RollCall> SaveAsync(Actor actor, RollCallSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Marks);
        if (submission.Why is { Length: > AttendanceDocuments.MaxNoteLength })
        {
            throw new ArgumentException($"A correction's reason has at most {AttendanceDocuments.MaxNoteLength} characters; this one has {submission.Why.Length}.", nameof(submission));
        }

        var session = Find(submission.School, submission.Date, submission.Session);

        // Two people (or two hosts) saving one session at once: the second commit finds it changed, reads it again, and either finds
        // the same roll call (nothing to do) or reports the conflict. Nothing is written over.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(actor, session, submission, cancellationToken).ConfigureAwait(false);
            }
            catch (Ent.Storage.RecordConflictException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<RollCall> SaveOnceAsync(Actor actor, Session session, RollCallSubmission submission, CancellationToken cancellationToken)
    {
        await using var work = await BeginAsync(actor, session, cancellationToken).ConfigureAwait(false);
        var school = session.School;
        var month = HalfDays.MonthOf(session.Date);
        // One round trip: the roll call, the day's known absences, and the months of the pupils this roll call marks (all it
        // writes for a first roll call).
        var batch = new DocumentBatch();
        var storedRead = batch.Add(work.Documents<RollCallDocument>().Where(r => r.School == school && r.Date == session.Date && r.Session == session.Id));
        var knownRead = batch.Add(work.Documents<KnownAbsenceDocument>().Where(k => k.School == school && k.Date == session.Date));
        var marked = submission.Marks.Where(m => m is not null && m.Status != AttendanceStatus.Present.Code).Select(m => (m.Pupil, month)).Distinct().ToList();
        var monthsRead = book.Add(batch, work, marked);
        await batch.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (stored, known, months) = (batch.Get(storedRead), batch.Get(knownRead), monthsRead());
        var before = stored.Count == 1 ? stored[0] : null;
        var roster = before?.Roster ?? Roster(session);
        var entries = Entries(session, roster, submission.Marks);
        RollCallDocument saved;
        var changed = new List<(PersonId Pupil, RollCallEntry? Before, RollCallEntry? After)>();
        if (before is null)
        {
            if (submission.BasedOnRevision is { } revision)
            {
                throw new ArgumentException($"The roll call of this session was never taken, so there is no revision {revision} to correct.", nameof(submission));
            }

            saved = new RollCallDocument(school, session.Date, session.Id, session.Slot, session.Start, session.End, session.Audience.Class, session.Audience.Group, session.Subject.Name, session.Teacher,
                roster, entries, actor.Person, work.Now, 1, actor.Person, work.Now);
            work.Documents<RollCallDocument>().Add(saved);
            changed.AddRange(entries.Select(e => ((PersonId)e.Pupil, (RollCallEntry?)null, (RollCallEntry?)e)));
        }
        else
        {
            if (before.Entries.SequenceEqual(entries))
            {
                return ToRollCall(session, before); // saved twice: the same roll call
            }

            if (submission.BasedOnRevision != before.Revision)
            {
                throw new RollCallConflictException(ToRollCall(session, before));
            }

            var sameDayByTaker = before.TakenBy == actor.Person && work.Today == session.Date;
            if (!sameDayByTaker && string.IsNullOrWhiteSpace(submission.Why))
            {
                throw new ArgumentException("A roll call corrected after its day, or by someone other than who took it, needs a reason (why).", nameof(submission));
            }

            saved = before with { Entries = entries, Revision = before.Revision + 1, ChangedBy = actor.Person, ChangedAt = work.Now };
            work.Documents<RollCallDocument>().Replace(saved);
            var old = before.Entries.ToDictionary(e => e.Pupil);
            var now = entries.ToDictionary(e => e.Pupil);
            foreach (var pupil in old.Keys.Union(now.Keys))
            {
                RollCallEntry? was = old.TryGetValue(pupil, out var o) ? o : null;
                RollCallEntry? @is = now.TryGetValue(pupil, out var n) ? n : null;
                if (was != @is)
                {
                    changed.Add((pupil, was, @is));
                    work.Documents<RollCallCorrectionDocument>().Add(new RollCallCorrectionDocument(session.Id, Guid.CreateVersion7(work.Now), pupil,
                        Describe(was), Describe(@is), actor.Person, work.Now, string.IsNullOrWhiteSpace(submission.Why) ? null : submission.Why.Trim(), saved.Revision));
                }
            }
        }

        if (changed.Any(c => !months.Absences.ContainsKey((c.Pupil, month))))
        {
            months = await book.ReadAsync(work, changed.Select(c => (c.Pupil, month)), cancellationToken).ConfigureAwait(false); // a correction to present: those months too
        }

        WriteAbsences(work, session, known, changed, months);
        work.Publish(new RollCallSaved(actor.Person, actor.Department, school, work.Now, session.Id, session.Date, saved.Revision,
            entries.Count(e => rules.EffectOf(e.Status) is AttendanceEffect.Absent or AttendanceEffect.LeftEarly), entries.Count(e => rules.EffectOf(e.Status) == AttendanceEffect.Late)));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToRollCall(session, saved);
    }

    /// <summary>The absences the changed pupils have from this session now: added, replaced (the reason and justification kept), removed.</summary>
    private void WriteAbsences(IUnitOfWork work, Session session, IReadOnlyList<KnownAbsenceDocument> known, List<(PersonId Pupil, RollCallEntry? Before, RollCallEntry? After)> changed, StoredMonths months)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var month = HalfDays.MonthOf(session.Date);
        var morningEnds = calendar.MorningEndsAt(session.School);
        var period = calendar.PeriodOf(session.School, session.Date)?.Id;
        var id = session.Id.Value;
        var stored = changed.Select(c => months.Absences[(c.Pupil, month)].GetValueOrDefault(id)).ToList();
        var written = new List<AbsenceDocument>();
        var removed = new List<(PersonId, int, Guid)>();
        for (var i = 0; i < changed.Count; i++)
        {
            var (pupil, _, after) = changed[i];
            var effect = after is { } entry ? rules.EffectOf(entry.Status) : AttendanceEffect.Present;
            if (effect is AttendanceEffect.Present or AttendanceEffect.Excused)
            {
                if (stored[i] is not null)
                {
                    removed.Add((pupil, month, id));
                }

                continue;
            }

            var from = effect == AttendanceEffect.LeftEarly ? after!.Value.LeftAt!.Value : session.Start;
            var minutes = effect switch
            {
                AttendanceEffect.Late => after!.Value.LateMinutes,
                _ => (int)(session.End - from).TotalMinutes,
            };
            var declared = KnownAbsence(known, pupil, session);
            var previous = stored[i];
            var (reason, state, declaration) = previous is { Reason: not null } || previous?.State == Justification.Justified
                ? (previous.Reason, previous.State, previous.Declaration) // the school's work on it stays
                : declared is not null ? (declared.Reason, rules.StateOf(declared.State, declared.Reason), (Guid?)declared.Declaration) : (null, Justification.Unjustified, null);
            var absence = new AbsenceDocument(pupil, month, id, session.School, directory.ClassOn(pupil, session.Date), period, session.Date, from, session.End, from >= morningEnds,
                effect, minutes, session.Id, declaration, reason, state, previous?.RecordedBy ?? work.Actor.Person, previous?.RecordedAt ?? work.Now, previous?.JustifiedBy, previous?.JustifiedAt);
            written.Add(absence);
            if (previous is null || previous.Kind != effect)
            {
                work.Publish(new AbsenceRecorded(work.Actor.Person, work.Actor.Department, session.School, work.Now, pupil, session.Id, session.Date, session.Start, session.Subject.Name, effect, state));
            }
        }

        book.Apply(work, months, written, removed);
    }

    private ImmutableArray<RollCallEntry> Entries(Session session, ImmutableArray<PersonId> roster, IReadOnlyList<PupilAttendance> marks)
    {
        var inRoster = roster.ToHashSet();
        var entries = new Dictionary<PersonId, RollCallEntry>();
        var length = (int)(session.End - session.Start).TotalMinutes;
        foreach (var mark in marks)
        {
            ArgumentNullException.ThrowIfNull(mark);
            if (!inRoster.Contains(mark.Pupil))
            {
                throw new ArgumentException($"The pupil {mark.Pupil.Value} is not in {AudienceName(session)} on {session.Date:yyyy-MM-dd}: a roll call counts only its pupils that day. Nothing was saved.", nameof(marks));
            }

            var status = rules.Status(mark.Status);
            var lateMinutes = 0;
            TimeOnly? leftAt = null;
            if (status.Effect == AttendanceEffect.Late)
            {
                lateMinutes = mark.LateMinutes is { } minutes && minutes >= 1 && minutes <= length
                    ? minutes
                    : throw new ArgumentException($"A lateness of {mark.LateMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} minutes for the pupil {mark.Pupil.Value}: give 1 to {length} minutes (the session's length).", nameof(marks));
            }
            else if (status.Effect == AttendanceEffect.LeftEarly)
            {
                leftAt = mark.LeftAt is { } left && left > session.Start && left < session.End
                    ? left
                    : throw new ArgumentException($"The pupil {mark.Pupil.Value} left at {mark.LeftAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "no time"}: give a time between {session.Start:HH:mm} and {session.End:HH:mm}.", nameof(marks));
            }

            if (status.Effect == AttendanceEffect.Present)
            {
                continue; // present is the default; it is not kept as an entry
            }

            if (!entries.TryAdd(mark.Pupil, new RollCallEntry(mark.Pupil, status.Code, lateMinutes, leftAt)))
            {
                throw new ArgumentException($"The pupil {mark.Pupil.Value} is marked twice in one roll call. Nothing was saved.", nameof(marks));
            }
        }

        return [.. entries.Values.OrderBy(e => e.Pupil.Value)];
    }

    private Session Find(SchoolId school, DateOnly date, SessionId session) =>
        timetables.Find(school, date, session) ?? throw new ArgumentException($"The school {school.Value} teaches no session {session.Value} on {date:yyyy-MM-dd}.", nameof(session));

    /// <summary>Begins the unit of work on the session's class or group; a teacher takes only the sessions they teach (or replace), the school's staff any.</summary>
    private async Task<IUnitOfWork> BeginAsync(Actor actor, Session session, CancellationToken cancellationToken)
    {
        var target = session.Audience.Class is { } @class ? OperationTarget.OfClass(@class) : OperationTarget.OfGroup(session.Audience.Group!.Value);
        var work = await operations.BeginAsync(actor, target, AttendanceCapabilities.TakeRollCall, cancellationToken).ConfigureAwait(false);
        if (session.Teacher != actor.Person && !work.Can(AttendanceCapabilities.FollowUp))
        {
            await work.DisposeAsync().ConfigureAwait(false);
            throw new AccessDeniedException(actor, AttendanceCapabilities.FollowUp, work.Scope, null,
                $"the session of {session.Date:yyyy-MM-dd} at {session.Start:HH:mm} is taught by another teacher: its roll call is theirs, or the school's staff's");
        }

        return work;
    }

    private ImmutableArray<PersonId> Roster(Session session) =>
        [.. directory.PupilsOn(session.Audience, session.Date).OrderBy(p => p.Value)];

    private static KnownAbsenceDocument? KnownAbsence(IReadOnlyList<KnownAbsenceDocument> known, PersonId pupil, Session session) =>
        known.FirstOrDefault(k => k.Pupil == pupil && k.State != DeclarationState.Refused && k.From < session.End && k.Until > session.Start);

    private static async Task<IReadOnlyList<RollCallCorrection>> CorrectionsAsync(IUnitOfWork work, SessionId session, CancellationToken cancellationToken) =>
        [.. (await work.Documents<RollCallCorrectionDocument>().Where(c => c.Session == session).ListAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(c => c.Revision).ThenBy(c => c.Id)
            .Select(c => new RollCallCorrection(c.Pupil, c.Before, c.After, c.Actor, c.At, c.Why, c.Revision))];

    private static RollCall ToRollCall(Session session, RollCallDocument document) =>
        new(session, document.Roster, [.. document.Entries.Select(e => new PupilAttendance(e.Pupil, e.Status, e.LateMinutes == 0 ? null : e.LateMinutes, e.LeftAt))],
            document.TakenBy, document.TakenAt, document.Revision, document.ChangedBy, document.ChangedAt);

    private static string Describe(RollCallEntry? entry) => entry switch
    {
        null => AttendanceStatus.Present.Code,
        { LateMinutes: > 0 } e => $"{e.Status} ({e.LateMinutes} min)",
        { LeftAt: { } left } e => $"{e.Status} ({left:HH\\:mm})",
        { } e => e.Status,
    };

    private string AudienceName(Session session) => directory.NameOf(session.Audience) ?? (session.Audience.Class?.Value ?? session.Audience.Group!.Value.Value).ToString();
}
