using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Attendance;

/// <summary>An attendance plugin loaded from its own folder: it supplies Ent.Core's absence summary, nothing else.</summary>
public sealed class AttendancePlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.Services.AddSingleton<IAbsenceSummary, FixedAbsences>();
}

/// <summary>Every pupil enrolled in the class during the period has missed 2 justified half-days and 1 unjustified, and arrived late 4 times.</summary>
internal sealed class FixedAbsences(IOrganisationDirectory directory, ISchoolCalendar calendar) : IAbsenceSummary
{
    public Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> HalfDaysAsync(Actor actor, ClassId @class, PeriodId periodId, CancellationToken cancellationToken = default)
    {
        var period = calendar.Period(actor.Department, periodId);
        return Task.FromResult<IReadOnlyDictionary<PersonId, AbsenceHalfDays>>(directory.EnrolmentsIn(@class)
            .Where(e => e.Validity.Begin <= period.Last && (e.Validity.End is null || e.Validity.End >= period.First))
            .Select(e => e.Learner)
            .Distinct()
            .ToDictionary(p => p, _ => new AbsenceHalfDays(justified: 2, unjustified: 1) { Late = 4 }));
    }
}
