using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Operations;

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

/// <summary>The term close over the gradebook's documents, through the same reading and computation as the report cards (<see cref="ClassPeriods"/>).</summary>
internal sealed class TermClose(IOperations operations, IOrganisationDirectory directory, ISchoolCalendar calendar, ClassPeriods periods) : ITermClose
{
    /// <inheritdoc />
    public async Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = calendar.Period(actor.Department, period);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);

        // The school's classes one by one, each read through the (class, period) index: a school's close reads its own marks only.
        var read = new List<ClassPeriod>();
        var courses = await periods.CoursesOfAsync(work, school, cancellationToken).ConfigureAwait(false);
        foreach (var @class in directory.ClassesOf(school).OrderBy(c => c.Id.Value).Select(c => c.Id))
        {
            var classPeriod = await periods.ReadAsync(work, @class, dates, staff: true, courses, cancellationToken).ConfigureAwait(false);
            if (classPeriod.Subjects.Count > 0)
            {
                read.Add(classPeriod);
            }
        }

        var computed = ClassPeriods.Compute(read);
        var (pupils, subjects) = (new List<PersonId>(), new SortedSet<string>(StringComparer.Ordinal));
        var (averages, overall, versions) = (new Dictionary<(PersonId, string), decimal?>(), new Dictionary<PersonId, decimal?>(), new Dictionary<ClassId, CalculationVersion>());
        for (var c = 0; c < read.Count; c++)
        {
            var (classPeriod, figures) = (read[c], computed[c]);
            versions[classPeriod.Class] = figures.Version;
            subjects.UnionWith(classPeriod.Subjects.Select(s => s.Code));
            for (var p = 0; p < classPeriod.Pupils.Count; p++)
            {
                var pupil = classPeriod.Pupils[p];
                if (!overall.TryAdd(pupil, figures.Overall(p)))
                {
                    continue; // changed class during the period: counted in the first
                }

                pupils.Add(pupil);
                for (var s = 0; s < classPeriod.Subjects.Count; s++)
                {
                    averages.TryAdd((pupil, classPeriod.Subjects[s].Code), figures.Of(p, s).Average); // two courses of a subject: the first by name
                }
            }
        }

        return new TermClosing([.. read.Select(r => r.Class)], pupils, [.. subjects], averages, overall, versions);
    }
}
