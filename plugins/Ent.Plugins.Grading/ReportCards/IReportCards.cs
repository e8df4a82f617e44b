using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Sdk.Views;

namespace Ent.Plugins.Grading.ReportCards;

/// <summary>
/// Report cards (bulletins): computed from the gradebook for a class and period, rendered from the overridable
/// template <c>grading/report-card</c> (French by default). Pupils and parents see cards computed from
/// published marks only.
/// </summary>
public interface IReportCards
{
    /// <summary>A pupil's report card.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the pupil's marks.</exception>
    Task<ReportCard> ForPupilAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, CancellationToken cancellationToken = default);

    /// <summary>A pupil's report card rendered to HTML.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the pupil's marks.</exception>
    Task<string> RenderAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, ViewScope? scope = null, CancellationToken cancellationToken = default);

    /// <summary>Every report card of a class for a period, rendered one after the other as they are ready.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the class's marks.</exception>
    IAsyncEnumerable<(PersonId Pupil, string Html)> RenderClassAsync(Actor actor, ClassId @class, PeriodId period, ViewScope? scope = null, CancellationToken cancellationToken = default);

    /// <summary>Every report card of a school for a period, class after class, streamed as they are rendered: the head of school's call.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the school's marks.</exception>
    IAsyncEnumerable<(ClassId Class, PersonId Pupil, string Html)> RenderSchoolAsync(Actor actor, SchoolId school, PeriodId period, ViewScope? scope = null, CancellationToken cancellationToken = default);

    /// <summary>The class council's summary of a class for a period: every pupil's averages and the class's figures.</summary>
    /// <exception cref="AccessDeniedException">The actor is not a teacher of the class or the head of school.</exception>
    Task<ClassCouncilSummary> ClassCouncilAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default);

    /// <summary>The class council's summary rendered from the overridable template <c>grading/class-council</c>.</summary>
    /// <exception cref="AccessDeniedException">The actor is not a teacher of the class or the head of school.</exception>
    Task<string> RenderClassCouncilAsync(Actor actor, ClassId @class, PeriodId period, ViewScope? scope = null, CancellationToken cancellationToken = default);
}
