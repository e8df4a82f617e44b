using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Storage.Records;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Grading.Periods;

/// <summary>A school's period closed in one computation: the results, and which class, pupil and subject each index stands for.</summary>
/// <param name="Results">The averages and statistics.</param>
/// <param name="Classes">The classes, by index.</param>
/// <param name="Pupils">The pupils, by index.</param>
/// <param name="Subjects">The subject codes, by index.</param>
public sealed record TermClosing(TermResults Results, IReadOnlyList<ClassId> Classes, IReadOnlyList<PersonId> Pupils, IReadOnlyList<string> Subjects)
{
    private Dictionary<PersonId, int>? _pupilIndex;
    private Dictionary<string, int>? _subjectIndex;

    /// <summary>A pupil's average in a subject, or null (no mark, or not in the school's period).</summary>
    /// <param name="pupil">The pupil.</param>
    /// <param name="subjectCode">The subject's code.</param>
    public decimal? AverageOf(PersonId pupil, string subjectCode) =>
        PupilIndex.TryGetValue(pupil, out var p) && SubjectIndex.TryGetValue(subjectCode, out var s) ? Results.SubjectAverage(p, s) : null;

    /// <summary>A pupil's overall average, or null.</summary>
    /// <param name="pupil">The pupil.</param>
    public decimal? OverallOf(PersonId pupil) => PupilIndex.TryGetValue(pupil, out var p) ? Results.OverallAverages[p] : null;

    /// <summary>A pupil who changed class during the period is found in the first class listed.</summary>
    private Dictionary<PersonId, int> PupilIndex => _pupilIndex ??= Index(Pupils);

    private Dictionary<string, int> SubjectIndex => _subjectIndex ??= Index(Subjects);

    private static Dictionary<T, int> Index<T>(IReadOnlyList<T> items)
        where T : notnull
    {
        var index = new Dictionary<T, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            index.TryAdd(items[i], i);
        }

        return index;
    }
}

/// <summary>Closes a school's period from the stored marks: every class's assessments of the period, loaded into the term calculator.</summary>
public interface ITermClose
{
    /// <summary>Computes every average and statistic of a school's period from its stored marks (the head of school's call).</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the school's marks.</exception>
    /// <exception cref="NotSupportedException">The department's rule is not one of the French modes, which the term close computes.</exception>
    Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, Period period, CancellationToken cancellationToken = default);
}

/// <summary>The term close over the gradebook's records.</summary>
internal sealed class TermClose(IRecordStores stores, IOrganisationDirectory directory, ICourseCatalog courses, IAccessControl access, IOptions<GradingOptions> options) : ITermClose
{
    private readonly IRecordStore _store = stores.For(GradingRecords.Schema);

    /// <inheritdoc />
    public async Task<TermClosing> ComputeAsync(Actor actor, SchoolId school, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        var found = directory.SchoolOf(school);
        access.Demand(actor, GradingCapabilities.ReadMarks, AccessScope.OfSchool(found.Department, school));
        var settings = options.Value;
        var mode = settings.Rule switch
        {
            FrenchAverage.NormalizedTo20Id => FrenchAverageMode.NormalizedTo20,
            FrenchAverage.SumOfScalesId => FrenchAverageMode.SumOfScales,
            _ => throw new NotSupportedException($"The term close computes the French rules; the department's rule is '{settings.Rule}'. Report cards compute it pupil by pupil."),
        };

        // The school's classes one by one, each read through the (class, period) index: a school's close reads its own marks only.
        var assessments = new List<(ClassId Class, List<(Assessment Assessment, Record Record)> Assessments)>();
        foreach (var @class in directory.ClassesOf(school).OrderBy(c => c.Id.Value))
        {
            var records = await _store.QueryAsync(actor.Department, RecordQuery.From(GradingRecords.Assessments).Where("class", @class.Id.Value).Where("period", period.Id.Value), cancellationToken).ConfigureAwait(false);
            if (records.Count > 0)
            {
                assessments.Add((@class.Id, [.. records.Select(r => (StoredGradebook.FromRecord(r), r))]));
            }
        }

        // Subjects first: every class's row of coefficients names them all.
        var subjectOf = new Dictionary<CourseId, string>();
        foreach (var course in assessments.SelectMany(g => g.Assessments).Select(a => a.Assessment.Course).Distinct())
        {
            subjectOf[course] = (await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false))?.Subject.Code ?? course.Value.ToString();
        }

        var subjects = subjectOf.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var coefficients = subjects.Select(settings.CoefficientOf).ToArray();
        var builder = new TermDataBuilder(Math.Max(1, subjects.Count));
        var classes = new List<ClassId>();
        var pupils = new List<PersonId>();
        foreach (var group in assessments)
        {
            var enrolled = directory.PupilsDuring(group.Class, period);
            var first = builder.AddClass(enrolled.Count, subjects.Count == 0 ? [1m] : coefficients);
            var index = new Dictionary<PersonId, int>(enrolled.Count);
            for (var i = 0; i < enrolled.Count; i++)
            {
                index[enrolled[i]] = first + i;
            }

            classes.Add(group.Class);
            pupils.AddRange(enrolled);
            foreach (var (assessment, record) in group.Assessments)
            {
                builder.AddPackedAssessment(subjects.IndexOf(subjectOf[assessment.Course]), assessment.Scale, assessment.Coefficient, assessment.Kind, record.GetBytes("marks").Span, index);
            }
        }

        var results = new TermCalculator(mode).Compute(builder.Build());
        return new TermClosing(results, classes, pupils, subjects);
    }
}
