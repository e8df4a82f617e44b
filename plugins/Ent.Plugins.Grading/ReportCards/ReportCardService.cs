using System.Runtime.CompilerServices;
using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Sdk.Views;
using Ent.Storage.Records;
using Microsoft.Extensions.Logging;

namespace Ent.Plugins.Grading.ReportCards;

/// <summary>
/// Computes report cards from the class's assessments, comments and competencies of the period, with the half-days of
/// absence when an attendance plugin supplies them, and renders them with the view system.
/// </summary>
internal sealed partial class ReportCardService(
    IRecordStores stores, IOrganisationDirectory directory, ICourseCatalog courses, IAccessControl access, IViewRenderer views, TimeProvider time, TimeZoneInfo zone,
    GradeAggregations rules, Microsoft.Extensions.Options.IOptions<GradingOptions> options, IEnumerable<IAbsenceSummary> absenceSources, ILogger<ReportCardService> logger) : IReportCards
{
    /// <summary>The template's name.</summary>
    public const string Template = "grading/report-card";

    /// <summary>The class council summary's template.</summary>
    public const string CouncilTemplate = "grading/class-council";

    private readonly IRecordStore _store = stores.For(GradingRecords.Schema);
    private readonly IAbsenceSummary? _absences = absenceSources.LastOrDefault(); // the last registered wins, as with any service

    /// <inheritdoc />
    public async Task<ReportCard> ForPupilAsync(Actor actor, PersonId pupil, ClassId @class, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        var scope = directory.ScopeOf(@class);
        access.Demand(actor, GradingCapabilities.ReadMarks, scope, pupil);
        var staff = access.Evaluate(actor, GradingCapabilities.WriteMarks, scope).Allowed;
        var book = await ClassBookAsync(actor, @class, period, staff, cancellationToken).ConfigureAwait(false);
        return book.CardOf(pupil);
    }

    /// <inheritdoc />
    public async Task<string> RenderAsync(Actor actor, PersonId pupil, ClassId @class, Period period, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        var card = await ForPupilAsync(actor, pupil, @class, period, cancellationToken).ConfigureAwait(false);
        return views.Render(Template, card, scope ?? ScopeFor(@class), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(PersonId Pupil, string Html)> RenderClassAsync(Actor actor, ClassId @class, Period period, ViewScope? scope = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        var accessScope = directory.ScopeOf(@class);
        access.Demand(actor, GradingCapabilities.WriteMarks, accessScope); // the class's cards: its teachers and the head of school
        var book = await ClassBookAsync(actor, @class, period, staff: true, cancellationToken).ConfigureAwait(false);
        scope ??= ScopeFor(@class);
        foreach (var pupil in book.Pupils)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (pupil, views.Render(Template, book.CardOf(pupil), scope, cancellationToken));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(ClassId Class, PersonId Pupil, string Html)> RenderSchoolAsync(Actor actor, SchoolId school, Period period, ViewScope? scope = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        var found = directory.SchoolOf(school);
        access.Demand(actor, GradingCapabilities.ReadMarks, AccessScope.OfSchool(found.Department, school));
        scope ??= new ViewScope(found.Uai.Value);
        foreach (var @class in directory.ClassesOf(school).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id))
        {
            var book = await ClassBookAsync(actor, @class, period, staff: true, cancellationToken).ConfigureAwait(false);
            if (book.Subjects == 0)
            {
                continue; // no assessment in the period: no card
            }

            foreach (var pupil in book.Pupils)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return (@class, pupil, views.Render(Template, book.CardOf(pupil), scope, cancellationToken));
            }
        }
    }

    /// <inheritdoc />
    public async Task<ClassCouncilSummary> ClassCouncilAsync(Actor actor, ClassId @class, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        access.Demand(actor, GradingCapabilities.WriteMarks, directory.ScopeOf(@class));
        var book = await ClassBookAsync(actor, @class, period, staff: true, cancellationToken).ConfigureAwait(false);
        return book.Council();
    }

    /// <inheritdoc />
    public async Task<string> RenderClassCouncilAsync(Actor actor, ClassId @class, Period period, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        var summary = await ClassCouncilAsync(actor, @class, period, cancellationToken).ConfigureAwait(false);
        return views.Render(CouncilTemplate, summary, scope ?? ScopeFor(@class), cancellationToken);
    }

    private ViewScope ScopeFor(ClassId @class)
    {
        var found = directory.FindClass(@class) ?? throw new UnknownReferenceException("class", @class.Value);
        return new ViewScope(directory.SchoolOf(found.School).Uai.Value);
    }

    /// <summary>Reads the class's assessments of the period and computes every pupil's averages and the class's figures once.</summary>
    private async Task<ClassBook> ClassBookAsync(Actor actor, ClassId @class, Period period, bool staff, CancellationToken cancellationToken)
    {
        var department = actor.Department;
        var found = directory.FindClass(@class) ?? throw new UnknownReferenceException("class", @class.Value);
        var school = directory.SchoolOf(found.School);
        var today = SchoolTime.Today(time, zone);
        var pupils = directory.PupilsDuring(@class, period);
        var records = await _store.QueryAsync(department, RecordQuery.From(GradingRecords.Assessments).Where("class", @class.Value).Where("period", period.Id.Value), cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var closure = await _store.FindAsync(department, GradingRecords.Closures.Key(@class.Value, period.Id.Value), cancellationToken).ConfigureAwait(false);
        var rule = StoredGradebook.RuleFor(closure, rules, settings);
        var byCourse = new Dictionary<CourseId, List<(Assessment Assessment, Dictionary<PersonId, Mark> Marks)>>();
        foreach (var record in records)
        {
            var assessment = StoredGradebook.FromRecord(record);
            if (!staff && !assessment.Published)
            {
                continue;
            }

            if (!byCourse.TryGetValue(assessment.Course, out var list))
            {
                byCourse[assessment.Course] = list = [];
            }

            list.Add((assessment, PackedMarks.Unpack(record.GetBytes("marks").Span, assessment.Scale)));
        }

        var subjects = new List<(CourseId Id, string Subject, string Course, decimal Coefficient, Dictionary<PersonId, (decimal? Average, int Marks)> Averages, Statistics Statistics)>();
        foreach (var (courseId, assessments) in byCourse)
        {
            var course = await courses.FindAsync(department, courseId, cancellationToken).ConfigureAwait(false);
            var averages = new Dictionary<PersonId, (decimal?, int)>();
            foreach (var pupil in pupils)
            {
                var items = assessments.Where(a => a.Marks.ContainsKey(pupil)).Select(a => new GradeItem(a.Marks[pupil], a.Assessment.Scale, a.Assessment.Coefficient, a.Assessment.Kind)).ToList();
                averages[pupil] = (rule.Average(items), items.Count(i => i.Mark.Counted is not null));
            }

            subjects.Add((courseId, course?.Subject.Name ?? courseId.Value.ToString(), course?.Title ?? string.Empty, course is null ? 1m : settings.CoefficientOf(course.Subject.Code), averages, Statistics.Of(averages.Values.Select(a => a.Item1))));
        }

        subjects.Sort((a, b) => string.CompareOrdinal(a.Subject, b.Subject));
        var evaluations = await _store.QueryAsync(department, RecordQuery.From(GradingRecords.Competencies).Where("class", @class.Value).Where("period", period.Id.Value), cancellationToken).ConfigureAwait(false);
        var competencies = evaluations
            .GroupBy(r => new PersonId(r.GetId("pupil")))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReportCardCompetency>)[.. g.GroupBy(r => (int)r.GetInteger("component")).OrderBy(c => c.Key)
                .Select(c => new ReportCardCompetency(c.Key, (int)Competencies.CompetencyConversion.Position(c.Select(r => (Competencies.MasteryLevel)r.GetInteger("level")))!.Value))]);
        // Teachers' comments are drafts until the class council: pupils and parents read them once the period is closed.
        var comments = !staff && closure is null
            ? []
            : (await _store.QueryAsync(department, RecordQuery.From(GradingRecords.Comments).Where("class", @class.Value).Where("period", period.Id.Value), cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => (new CourseId(r.GetId("course")), new PersonId(r.GetId("pupil"))), r => r.GetText("text"));
        var overall = pupils.ToDictionary(p => p, p => OverallAverage.Of(subjects.Select(s => (s.Averages[p].Average, s.Coefficient))));
        var absences = await AbsencesAsync(actor, @class, period, cancellationToken).ConfigureAwait(false);
        return new ClassBook(school.Name, found.Name, period.Name, today, pupils, subjects, overall, Statistics.Of(overall.Values), competencies, comments, absences, directory, CalculationVersion.Of(rule), settings.Rounding);
    }

    /// <summary>The class's half-days of absence from the attendance plugin, if one is there: without one, or if it fails, the cards go without them.</summary>
    private async Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> AbsencesAsync(Actor actor, ClassId @class, Period period, CancellationToken cancellationToken)
    {
        if (_absences is null)
        {
            return new Dictionary<PersonId, AbsenceHalfDays>();
        }

        try
        {
            return await _absences.HalfDaysAsync(actor, @class, period, cancellationToken).ConfigureAwait(false) ?? new Dictionary<PersonId, AbsenceHalfDays>();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAbsencesFailed(logger, exception, _absences.GetType().FullName, @class.Value, period.Name);
            return new Dictionary<PersonId, AbsenceHalfDays>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attendance source {Source} failed for class {Class}, period '{Period}': report cards are rendered without half-days of absence")]
    private static partial void LogAbsencesFailed(ILogger logger, Exception exception, string? source, Guid @class, string period);

    /// <summary>A class's computed period, from which each pupil's card is cut.</summary>
    private sealed class ClassBook(
        string school, string className, string period, DateOnly today, List<PersonId> pupils,
        List<(CourseId Id, string Subject, string Course, decimal Coefficient, Dictionary<PersonId, (decimal? Average, int Marks)> Averages, Statistics Statistics)> subjects,
        Dictionary<PersonId, decimal?> overall, Statistics classOverall, Dictionary<PersonId, IReadOnlyList<ReportCardCompetency>> competencies,
        Dictionary<(CourseId, PersonId), string> comments, IReadOnlyDictionary<PersonId, AbsenceHalfDays> absences, IOrganisationDirectory directory,
        CalculationVersion calculation, AverageRounding rounding)
    {
        public IReadOnlyList<PersonId> Pupils => pupils;

        public int Subjects => subjects.Count;

        public ReportCard CardOf(PersonId pupil)
        {
            if (!overall.ContainsKey(pupil))
            {
                throw new ArgumentException($"Pupil {pupil.Value} is not enrolled in {className} during {period}.", nameof(pupil));
            }

            var person = directory.FindPerson(pupil);
            return new ReportCard(
                school,
                className,
                period,
                person is null ? pupil.Value.ToString() : $"{person.GivenName} {person.FamilyName}",
                [.. subjects.Select(s => new ReportCardSubject(s.Subject, s.Course, Shown(s.Averages[pupil].Average), Figures(s.Statistics), s.Averages[pupil].Marks, comments.GetValueOrDefault((s.Id, pupil))))],
                Shown(overall[pupil]),
                Figures(classOverall),
                competencies.GetValueOrDefault(pupil) ?? [],
                absences.TryGetValue(pupil, out var missed) ? missed : null,
                calculation.ToString(),
                today);
        }

        public ClassCouncilSummary Council() => new(
            school,
            className,
            period,
            [.. subjects.Select(s => new ClassCouncilSubject(s.Subject, Figures(s.Statistics)))],
            [.. pupils.Select(p => (Pupil: p, Person: directory.FindPerson(p)))
                .OrderBy(p => p.Person?.FamilyName, StringComparer.Ordinal).ThenBy(p => p.Person?.GivenName, StringComparer.Ordinal)
                .Select(p => new ClassCouncilPupil(
                    p.Person is null ? p.Pupil.Value.ToString() : $"{p.Person.FamilyName.ToUpperInvariant()} {p.Person.GivenName}",
                    [.. subjects.Select(s => Shown(s.Averages[p.Pupil].Average))],
                    Shown(overall[p.Pupil])))],
            Figures(classOverall),
            calculation.ToString());

        private decimal? Shown(decimal? value) => value is { } v ? rounding.Apply(v) : null;

        private ReportCardStatistics Figures(Statistics statistics) => new(Shown(statistics.Average), Shown(statistics.Minimum), Shown(statistics.Maximum));
    }
}
