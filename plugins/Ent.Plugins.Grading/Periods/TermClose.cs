using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Operations;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Grading.Periods;

/// <summary>A school's period closed in one computation: every pupil's subject and overall averages, exact, and the rule each class was computed with.</summary>
public sealed class TermClosing
{
    private readonly Dictionary<(PersonId, string), decimal?> _averages;
    private readonly Dictionary<PersonId, decimal?> _overall;
    private readonly Dictionary<ClassId, CalculationVersion> _versions;

    internal TermClosing(IReadOnlyList<ClassId> classes, IReadOnlyList<PersonId> pupils, IReadOnlyList<string> subjects,
        Dictionary<(PersonId, string), decimal?> averages, Dictionary<PersonId, decimal?> overall, Dictionary<ClassId, CalculationVersion> versions)
    {
        Classes = classes;
        Pupils = pupils;
        Subjects = subjects;
        _averages = averages;
        _overall = overall;
        _versions = versions;
    }

    /// <summary>The classes that had assessments in the period.</summary>
    public IReadOnlyList<ClassId> Classes { get; }

    /// <summary>Their pupils (a pupil who changed class during the period counts in the first class listed).</summary>
    public IReadOnlyList<PersonId> Pupils { get; }

    /// <summary>The subject codes.</summary>
    public IReadOnlyList<string> Subjects { get; }

    /// <summary>How many averages were computed (subject and overall).</summary>
    public int Figures => _averages.Count + _overall.Count;

    /// <summary>A pupil's average in a subject, or null (no mark, or not in the school's period).</summary>
    /// <param name="pupil">The pupil.</param>
    /// <param name="subjectCode">The subject's code.</param>
    public decimal? AverageOf(PersonId pupil, string subjectCode) => _averages.GetValueOrDefault((pupil, subjectCode));

    /// <summary>A pupil's overall average, or null.</summary>
    /// <param name="pupil">The pupil.</param>
    public decimal? OverallOf(PersonId pupil) => _overall.GetValueOrDefault(pupil);

    /// <summary>The rule and version a class was computed with: the one recorded when its period was closed, or the department's current one.</summary>
    /// <param name="class">The class.</param>
    public CalculationVersion VersionOf(ClassId @class) => _versions[@class];
}

/// <summary>Closes a school's period from the stored marks: every class's assessments of the period, computed as its report cards are.</summary>
public interface ITermClose
{
    /// <summary>Computes every average of a school's period from its stored marks (the head of school's call), each class with the rule its cards use.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the school's marks.</exception>
    Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default);
}

/// <summary>The term close over the gradebook's documents, through the same computation as the report cards (<see cref="ClassAverages"/>).</summary>
internal sealed class TermClose(IOperations operations, IOrganisationDirectory directory, ICourseCatalog courses, ISchoolCalendar calendar, GradeAggregations rules, IOptions<GradingOptions> options) : ITermClose
{
    /// <inheritdoc />
    public async Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = calendar.Period(actor.Department, period);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var subjectOf = new Dictionary<CourseId, string>();
        var (classes, pupils, subjects) = (new List<ClassId>(), new List<PersonId>(), new SortedSet<string>(StringComparer.Ordinal));
        var (averages, overall, versions) = (new Dictionary<(PersonId, string), decimal?>(), new Dictionary<PersonId, decimal?>(), new Dictionary<ClassId, CalculationVersion>());

        // The school's classes one by one, each read through the (class, period) index: a school's close reads its own marks only.
        foreach (var @class in directory.ClassesOf(school).OrderBy(c => c.Id.Value).Select(c => c.Id))
        {
            var assessments = await work.Documents<AssessmentDocument>().Where(a => a.Class == @class && a.Period == period).ListAsync(cancellationToken).ConfigureAwait(false);
            if (assessments.Count == 0)
            {
                continue;
            }

            foreach (var course in assessments.Select(a => a.Course).Distinct().Where(c => !subjectOf.ContainsKey(c)))
            {
                subjectOf[course] = (await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false))?.Subject.Code ?? course.Value.ToString();
            }

            var closure = await work.Documents<ClosureDocument>().FindAsync(c => c.Class == @class && c.Period == period, cancellationToken).ConfigureAwait(false);
            var rule = GradebookService.RuleFor(closure, rules, settings);
            var bySubject = assessments.GroupBy(a => subjectOf[a.Course]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var enrolled = directory.PupilsDuring(@class, dates);
            var computed = ClassAverages.Compute(rule, enrolled, [.. bySubject.Select(g => (settings.CoefficientOf(g.Key), (IReadOnlyList<AssessmentDocument>)[.. g]))]);
            classes.Add(@class);
            versions[@class] = computed.Version;
            subjects.UnionWith(bySubject.Select(g => g.Key));
            for (var p = 0; p < enrolled.Count; p++)
            {
                if (overall.ContainsKey(enrolled[p]))
                {
                    continue; // changed class during the period: counted in the first
                }

                pupils.Add(enrolled[p]);
                overall[enrolled[p]] = computed.Overall(p);
                for (var s = 0; s < bySubject.Count; s++)
                {
                    averages[(enrolled[p], bySubject[s].Key)] = computed.Of(p, s).Average;
                }
            }
        }

        return new TermClosing(classes, pupils, [.. subjects], averages, overall, versions);
    }
}
