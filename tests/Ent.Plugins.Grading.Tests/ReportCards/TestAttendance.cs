using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Identifiers;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.ReportCards;

/// <summary>An attendance plugin registered in-process: it contributes nothing but the summary the card reads.</summary>
internal sealed class AttendancePlugin(IAbsenceSummary summary) : EntPlugin
{
    public static PluginManifest Manifest { get; } = PluginManifest.Parse(
        """{ "id": "test.attendance", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "Absences (test)", "en": "Attendance (test)" }, "description": { "fr": "Demi-journées d'absence", "en": "Half-days of absence" } }""", "test");

    public override void ConfigureServices(PluginServiceContext context) => context.Services.AddSingleton(summary);
}

/// <summary>Answers from a fixed table and remembers who asked for what.</summary>
internal sealed class CountedAbsences(Dictionary<PersonId, AbsenceHalfDays> counts) : IAbsenceSummary
{
    public List<(PersonId Actor, ClassId Class, PeriodId Period)> Asked { get; } = [];

    public Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> HalfDaysAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        Asked.Add((actor.Person, @class, period));
        return Task.FromResult<IReadOnlyDictionary<PersonId, AbsenceHalfDays>>(counts);
    }
}

/// <summary>An attendance source whose store is down.</summary>
internal sealed class FailingAbsences : IAbsenceSummary
{
    public Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> HalfDaysAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The attendance database is down.");
}
