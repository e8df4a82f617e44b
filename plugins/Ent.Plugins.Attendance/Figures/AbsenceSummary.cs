using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Attendance.Figures;

/// <summary>
/// Ent.Core's absence summary from the roll calls: per pupil of a class over a period, the half-days justified and unjustified
/// (several sessions missed in one half-day are one; a half-day is unjustified when any absence in it is) and the lateness,
/// leaving out what the department does not count on report cards (a school trip). The report card reads it.
/// </summary>
internal sealed class AbsenceSummary(IOperations operations, IOrganisationDirectory directory, ISchoolCalendar calendar, AttendanceRules rules) : IAbsenceSummary
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> HalfDaysAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = calendar.Period(actor.Department, period);
        var pupils = directory.PupilsDuring(@class, dates);
        IUnitOfWork work;
        IReadOnlyList<PersonId> readable;
        try
        {
            work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class), AttendanceCapabilities.ReadAttendance, cancellationToken).ConfigureAwait(false);
            readable = pupils;
        }
        catch (AccessDeniedException)
        {
            // A pupil or a parent: their own figures, or their children's, each checked.
            var own = pupils.Where(p => p == actor.Person || directory.IsGuardianOf(actor.Person, p)).ToList();
            if (own.Count == 0)
            {
                return new Dictionary<PersonId, AbsenceHalfDays>();
            }

            work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class, own[0]), AttendanceCapabilities.ReadAttendance, cancellationToken).ConfigureAwait(false);
            readable = [.. own.Where(p => work.Can(AttendanceCapabilities.ReadAttendance, p))];
        }

        await using (work.ConfigureAwait(false))
        {
            var absences = await work.Documents<AbsenceDocument>().Where(a => a.Class == @class && a.Period == period).ListAsync(cancellationToken).ConfigureAwait(false);
            var byPupil = absences.ToLookup(a => a.Pupil);
            return readable.ToDictionary(p => p, p => Count(byPupil[p]));
        }
    }

    /// <summary>A pupil's half-days and lateness from their absences, month by month with the rule of <see cref="HalfDays.Summarise"/>.</summary>
    internal AbsenceHalfDays Count(IEnumerable<AbsenceDocument> absences)
    {
        int justified = 0, unjustified = 0, late = 0;
        foreach (var month in absences.GroupBy(a => (a.Pupil, a.Month, a.School)))
        {
            var summed = HalfDays.Summarise(month.Key.Pupil, month.Key.Month, month.Key.School, month, rules.Counts);
            (justified, unjustified, late) = (justified + summed.JustifiedHalfDays, unjustified + summed.UnjustifiedHalfDays, late + summed.Late);
        }

        return new AbsenceHalfDays(justified, unjustified) { Late = late };
    }
}
