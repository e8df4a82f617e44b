using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Attendance;

/// <summary>
/// Half-days of absence per pupil over a period, supplied by an attendance plugin to the services that
/// report them (report cards, class councils). Consumers treat it as optional: when no plugin registers it,
/// or it fails, they go on without the figures.
/// </summary>
public interface IAbsenceSummary
{
    /// <summary>The half-days of absence of a class's pupils over a period.</summary>
    /// <param name="actor">Who asks; the source checks that they may read these pupils' attendance.</param>
    /// <param name="class">The class.</param>
    /// <param name="period">The period, of the department's calendar (<see cref="Calendar.ISchoolCalendar.Period"/> gives its dates).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>
    /// An entry for every pupil the source keeps attendance for (zero half-days included); a pupil left out
    /// (the plugin is off in that school, or the pupil is not the actor's to see) has no figures.
    /// </returns>
    Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> HalfDaysAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default);
}
