using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Grading.Periods;

/// <summary>A subject of a class's period: one course, its subject, its coefficient in the overall average and its assessments.</summary>
/// <param name="Course">The course.</param>
/// <param name="Code">The subject's code (<c>MATHS</c>), or the course's id when the course is gone.</param>
/// <param name="Name">The subject's name, as cards show it.</param>
/// <param name="Title">The course's title.</param>
/// <param name="Coefficient">The subject's coefficient in the overall average (the department's options).</param>
/// <param name="Assessments">The course's assessments of the period.</param>
internal sealed record PeriodSubject(CourseId Course, string Code, string Name, string Title, decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments);

/// <summary>A class's period as the gradebook holds it: the closure if any, the rule in force, the pupils enrolled and the subjects by name.</summary>
/// <param name="Class">The class.</param>
/// <param name="Period">The period.</param>
/// <param name="Closure">The period's closure for the class, or null while it is open.</param>
/// <param name="Rule">The rule its averages use: the one recorded at its closure, else the department's current one.</param>
/// <param name="Pupils">The pupils enrolled during the period.</param>
/// <param name="Subjects">One per course with assessments, by subject name.</param>
internal sealed record ClassPeriod(ClassId Class, Period Period, ClosureDocument? Closure, IGradeAggregation Rule, IReadOnlyList<PersonId> Pupils, IReadOnlyList<PeriodSubject> Subjects)
{
    /// <summary>What the averages read.</summary>
    public ClassMarks Marks => new(Pupils, [.. Subjects.Select(s => (s.Coefficient, s.Assessments))]);
}

/// <summary>
/// Reads classes' periods for the report cards, the class council and the term close alike, and computes their averages,
/// so that they agree by construction: the same assessments, subjects, coefficients, pupils and rule.
/// </summary>
internal sealed class ClassPeriods(IOrganisationDirectory directory, ICourseCatalog courses, GradeAggregations rules, IOptions<GradingOptions> options)
{
    /// <summary>Reads a school's classes that have assessments in a period, by name, the school's courses and the classes' closures read once: what its cards and its close compute.</summary>
    public async Task<IReadOnlyList<ClassPeriod>> ReadSchoolAsync(IUnitOfWork work, SchoolId school, Period period, CancellationToken cancellationToken)
    {
        var known = (await courses.ListAsync(work.Actor.Department, school, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
        var classes = directory.ClassesOf(school).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id).ToList();
        var closures = await work.Documents<ClosureDocument>().FindManyAsync(classes, @class => c => c.Class == @class && c.Period == period.Id, cancellationToken).ConfigureAwait(false);
        var read = new List<ClassPeriod>();
        for (var i = 0; i < classes.Count; i++)
        {
            var classPeriod = await ReadAsync(work, classes[i], period, closures[i], staff: true, known, cancellationToken).ConfigureAwait(false);
            if (classPeriod.Subjects.Count > 0)
            {
                read.Add(classPeriod); // each class through the (class, period) index: a school reads its own marks only
            }
        }

        return read;
    }

    /// <summary>Reads a class's period in a unit of work; staff see the assessments not published yet.</summary>
    /// <param name="work">The unit of work.</param>
    /// <param name="class">The class.</param>
    /// <param name="period">The period.</param>
    /// <param name="staff">Whether unpublished assessments count.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ClassPeriod> ReadAsync(IUnitOfWork work, ClassId @class, Period period, bool staff, CancellationToken cancellationToken)
    {
        // The closure and the assessments in one read.
        var (closures, assessments) = await work.Documents<ClosureDocument>().Where(c => c.Class == @class && c.Period == period.Id)
            .ListTogetherAsync(work.Documents<AssessmentDocument>().Where(a => a.Class == @class && a.Period == period.Id), cancellationToken).ConfigureAwait(false);
        return await ReadAsync(work, @class, period, closures.FirstOrDefault(), staff, known: null, cancellationToken, assessments).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a class's period whose closure is read (and its assessments, when read with it); the school's courses when known
    /// (the others looked up one by one), else the class's read at once.
    /// </summary>
    private async Task<ClassPeriod> ReadAsync(
        IUnitOfWork work, ClassId @class, Period period, ClosureDocument? closure, bool staff, IReadOnlyDictionary<CourseId, Course>? known, CancellationToken cancellationToken,
        IReadOnlyList<AssessmentDocument>? read = null)
    {
        var settings = options.Value;
        var assessments = read ?? await work.Documents<AssessmentDocument>().Where(a => a.Class == @class && a.Period == period.Id).ListAsync(cancellationToken).ConfigureAwait(false);
        var subjects = new List<PeriodSubject>();
        var groups = assessments.Where(a => staff || a.Published).GroupBy(a => a.Course).ToArray();
        if (known is null && groups.Length > 0)
        {
            // The class's courses in one read, not one each.
            var ids = groups.Select(g => g.Key).ToArray();
            var found = await courses.FindManyAsync(work.Actor.Department, ids, cancellationToken).ConfigureAwait(false);
            known = ids.Zip(found).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!);
        }

        foreach (var group in groups)
        {
            var course = known?.GetValueOrDefault(group.Key) // a course of another school (or gone) is looked up on its own
                ?? await courses.FindAsync(work.Actor.Department, group.Key, cancellationToken).ConfigureAwait(false);
            subjects.Add(course is null
                ? new PeriodSubject(group.Key, group.Key.Value.ToString(), group.Key.Value.ToString(), string.Empty, 1m, [.. group])
                : new PeriodSubject(group.Key, course.Subject.Code, course.Subject.Name, course.Title, settings.CoefficientOf(course.Subject.Code), [.. group]));
        }

        subjects.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new ClassPeriod(@class, period, closure, RuleFor(closure, settings), directory.PupilsDuring(@class, period), subjects);
    }

    /// <summary>The rule a class's period is computed with: the one recorded when it was closed, or the department's current one while it is open.</summary>
    private IGradeAggregation RuleFor(ClosureDocument? closure, GradingOptions settings) =>
        closure is null ? rules.Latest(settings.Rule) : rules.Get(new CalculationVersion(closure.Rule, closure.RuleVersion));

    /// <summary>Computes classes' averages: one computation per rule in force (usually one for a whole school).</summary>
    /// <returns>One result per class, in the order given.</returns>
    public static IReadOnlyList<ClassAverages> Compute(IReadOnlyList<ClassPeriod> classes)
    {
        var computed = new ClassAverages[classes.Count];
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(i => CalculationVersion.Of(classes[i].Rule)))
        {
            var members = group.ToArray();
            var results = ClassAverages.ComputeMany(classes[members[0]].Rule, [.. members.Select(i => classes[i].Marks)]);
            for (var i = 0; i < members.Length; i++)
            {
                computed[members[i]] = results[i];
            }
        }

        return computed;
    }
}
