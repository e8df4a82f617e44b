using System.Runtime.CompilerServices;
using Ent.Core.Access;
using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Periods;
using Ent.Sdk.Operations;
using Ent.Sdk.Views;
using Ent.Storage.Documents;
using Microsoft.Extensions.Logging;

namespace Ent.Plugins.Grading.ReportCards;

/// <summary>
/// Computes report cards from the class's assessments, comments and competencies of the period, with the half-days of
/// absence when an attendance plugin supplies them, and renders them with the view system.
/// </summary>
internal sealed partial class ReportCardService(
    IOperations operations, IOrganisationDirectory directory, ISchoolCalendar calendar, ClassPeriods periods, IViewRenderer views,
    Microsoft.Extensions.Options.IOptions<GradingOptions> options, IEnumerable<IAbsenceSummary> absenceSources, ILogger<ReportCardService> logger) : IReportCards
{
    /// <summary>The template's name.</summary>
    public const string Template = "grading/report-card";

    /// <summary>The class council summary's template.</summary>
    public const string CouncilTemplate = "grading/class-council";

    private readonly IAbsenceSummary? _absences = absenceSources.LastOrDefault(); // the last registered wins, as with any service

    /// <inheritdoc />
    public async Task<ReportCard> ForPupilAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class, pupil), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        var book = await ClassBookAsync(work, @class, period, staff: work.Can(GradingCapabilities.WriteMarks), cancellationToken).ConfigureAwait(false);
        return book.CardOf(pupil);
    }

    /// <inheritdoc />
    public async Task<string> RenderAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        var card = await ForPupilAsync(actor, pupil, @class, period, cancellationToken).ConfigureAwait(false);
        return views.Render(Template, card, scope ?? ScopeFor(@class), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(PersonId Pupil, string Html)> RenderClassAsync(Actor actor, ClassId @class, PeriodId period, ViewScope? scope = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false); // its teachers and the head
        var book = await ClassBookAsync(work, @class, period, staff: true, cancellationToken).ConfigureAwait(false);
        scope ??= ScopeFor(@class);
        foreach (var pupil in book.Pupils)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (pupil, views.Render(Template, book.CardOf(pupil), scope, cancellationToken));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(ClassId Class, PersonId Pupil, string Html)> RenderSchoolAsync(Actor actor, SchoolId school, PeriodId period, ViewScope? scope = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        scope ??= new ViewScope(directory.SchoolOf(school).Uai.Value);
        var read = await periods.ReadSchoolAsync(work, school, calendar.Period(actor.Department, period), cancellationToken).ConfigureAwait(false);
        var computed = ClassPeriods.Compute(read); // the school's classes in one computation per rule, as the term close computes them
        for (var c = 0; c < read.Count; c++)
        {
            var book = await BookAsync(work, read[c], computed[c], staff: true, cancellationToken).ConfigureAwait(false);
            foreach (var pupil in book.Pupils)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return (read[c].Class, pupil, views.Render(Template, book.CardOf(pupil), scope, cancellationToken));
            }
        }
    }

    /// <inheritdoc />
    public async Task<ClassCouncilSummary> ClassCouncilAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var book = await ClassBookAsync(work, @class, period, staff: true, cancellationToken).ConfigureAwait(false);
        return book.Council();
    }

    /// <inheritdoc />
    public async Task<string> RenderClassCouncilAsync(Actor actor, ClassId @class, PeriodId period, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        var summary = await ClassCouncilAsync(actor, @class, period, cancellationToken).ConfigureAwait(false);
        return views.Render(CouncilTemplate, summary, scope ?? ScopeFor(@class), cancellationToken);
    }

    private ViewScope ScopeFor(ClassId @class)
    {
        var found = directory.FindClass(@class) ?? throw new UnknownReferenceException("class", @class.Value);
        return new ViewScope(directory.SchoolOf(found.School).Uai.Value);
    }

    /// <summary>Reads the class's period and computes every pupil's averages and the class's figures once.</summary>
    private async Task<ClassBook> ClassBookAsync(IUnitOfWork work, ClassId @class, PeriodId periodId, bool staff, CancellationToken cancellationToken)
    {
        var classPeriod = await periods.ReadAsync(work, @class, calendar.Period(work.Actor.Department, periodId), staff, cancellationToken).ConfigureAwait(false);
        return await BookAsync(work, classPeriod, ClassPeriods.Compute([classPeriod])[0], staff, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A class's computed period with its competencies, the comments its readers may see and the half-days of absence.</summary>
    private async Task<ClassBook> BookAsync(IUnitOfWork work, ClassPeriod classPeriod, ClassAverages averages, bool staff, CancellationToken cancellationToken)
    {
        var (@class, period) = (classPeriod.Class, classPeriod.Period);
        var found = directory.FindClass(@class) ?? throw new UnknownReferenceException("class", @class.Value);
        // Teachers' comments and the council's appraisals are drafts until the period is closed: pupils and parents read them
        // once it is. What the reader may see is read in one go.
        var drafts = staff || classPeriod.Closure is not null;
        var evaluationsRead = work.Documents<CompetencyDocument>().Where(c => c.Class == @class && c.Period == period.Id);
        var (evaluations, commentsRead, appraisalsRead) = drafts
            ? await evaluationsRead.ListTogetherAsync(
                work.Documents<CommentDocument>().Where(c => c.Class == @class && c.Period == period.Id),
                work.Documents<AppraisalDocument>().Where(a => a.Class == @class && a.Period == period.Id), cancellationToken).ConfigureAwait(false)
            : (await evaluationsRead.ListAsync(cancellationToken).ConfigureAwait(false), [], []);
        var competencies = evaluations
            .GroupBy(c => c.Pupil)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReportCardCompetency>)[.. g.GroupBy(c => (int)c.Component).OrderBy(c => c.Key)
                .Select(c => new ReportCardCompetency(c.Key, (int)Competencies.CompetencyConversion.Position(c.Select(e => e.Level))!.Value))]);
        var comments = commentsRead.ToDictionary(c => (c.Course, c.Pupil), c => c.Text);
        var absences = await AbsencesAsync(work.Actor, @class, period.Id, period.Name, cancellationToken).ConfigureAwait(false);
        var appraisals = appraisalsRead.ToDictionary(a => a.Pupil, a => a.Text);
        var school = directory.SchoolOf(found.School);
        var teachers = TeachersOf(found, classPeriod.Subjects.Select(s => s.Course), period);
        var header = new CardHeader(school.Name, school.Address, school.Uai.Value, calendar.YearOf(found.School, period.First)?.Label, found.Name, period.Name, classPeriod.Closure is null, work.Today);
        return new ClassBook(header, [.. classPeriod.Subjects.Select(s => (s.Course, s.Name, s.Title))],
            averages, competencies, comments, appraisals, teachers, absences, directory, options.Value.Rounding);
    }

    /// <summary>
    /// Each course's teacher during the period: the one holding the teacher's role on the course itself, else the class's one
    /// teacher (a class with several teachers on the whole class names none: the directory does not say whose subject is whose).
    /// </summary>
    private Dictionary<CourseId, string> TeachersOf(SchoolClass @class, IEnumerable<CourseId> courses, Period period)
    {
        var teaching = directory.RolesIn(@class.School)
            .Where(a => a.Role == Role.Teacher && a.Scope.Class == @class.Id && a.Validity.Begin <= period.Last && (a.Validity.End is null || a.Validity.End >= period.First))
            .ToArray();
        var classTeachers = teaching.Where(a => a.Scope.Course is null).Select(a => a.Person).Distinct().ToArray();
        var names = new Dictionary<CourseId, string>();
        foreach (var course in courses)
        {
            var person = teaching.FirstOrDefault(a => a.Scope.Course == course)?.Person ?? (classTeachers.Length == 1 ? classTeachers[0] : null);
            if (person is { } id && directory.FindPerson(id) is { } teacher)
            {
                names[course] = $"{teacher.GivenName} {teacher.FamilyName}";
            }
        }

        return names;
    }

    /// <summary>The class's half-days of absence from the attendance plugin, if one is there: without one, or if it fails, the cards go without them.</summary>
    private async Task<IReadOnlyDictionary<PersonId, AbsenceHalfDays>> AbsencesAsync(Actor actor, ClassId @class, PeriodId period, string periodName, CancellationToken cancellationToken)
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
            LogAbsencesFailed(logger, exception, _absences.GetType().FullName, @class.Value, periodName);
            return new Dictionary<PersonId, AbsenceHalfDays>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attendance source {Source} failed for class {Class}, period '{Period}': report cards are rendered without half-days of absence")]
    private static partial void LogAbsencesFailed(ILogger logger, Exception exception, string? source, Guid @class, string period);

    /// <summary>A class's computed period, from which each pupil's card is cut.</summary>
    /// <summary>What every card of a class's period says at its top and bottom.</summary>
    private sealed record CardHeader(string School, string? Address, string Uai, string? SchoolYear, string ClassName, string Period, bool Provisional, DateOnly Today);

    private sealed class ClassBook(
        CardHeader header, List<(CourseId Id, string Subject, string Course)> subjects, ClassAverages averages,
        Dictionary<PersonId, IReadOnlyList<ReportCardCompetency>> competencies, Dictionary<(CourseId, PersonId), string> comments,
        Dictionary<PersonId, string> appraisals, Dictionary<CourseId, string> teachers, IReadOnlyDictionary<PersonId, AbsenceHalfDays> absences, IOrganisationDirectory directory, AverageRounding rounding)
    {

        public IReadOnlyList<PersonId> Pupils => averages.Pupils;

        public ReportCard CardOf(PersonId pupil)
        {
            var index = IndexOf(pupil);
            var person = directory.FindPerson(pupil);
            return new ReportCard(
                header.School,
                header.ClassName,
                header.Period,
                person is null ? pupil.Value.ToString() : $"{person.GivenName} {person.FamilyName}",
                [.. subjects.Select((s, i) => new ReportCardSubject(s.Subject, s.Course, Shown(averages.Of(index, i).Average), Figures(averages.OfSubject(i)), averages.Of(index, i).Marks, comments.GetValueOrDefault((s.Id, pupil)))
                {
                    Teacher = teachers.GetValueOrDefault(s.Id),
                })],
                Shown(averages.Overall(index)),
                Figures(averages.Class),
                competencies.GetValueOrDefault(pupil) ?? [],
                absences.TryGetValue(pupil, out var missed) ? missed : null,
                averages.Version.ToString(),
                header.Today)
            {
                SchoolYear = header.SchoolYear,
                SchoolAddress = header.Address,
                Uai = header.Uai,
                Provisional = header.Provisional,
                CouncilAppraisal = appraisals.GetValueOrDefault(pupil),
            };
        }

        public ClassCouncilSummary Council() => new(
            header.School,
            header.ClassName,
            header.Period,
            [.. subjects.Select((s, i) => new ClassCouncilSubject(s.Subject, Figures(averages.OfSubject(i))))],
            [.. averages.Pupils.Select((p, index) => (Pupil: p, Index: index, Person: directory.FindPerson(p)))
                .OrderBy(p => p.Person?.FamilyName, StringComparer.Ordinal).ThenBy(p => p.Person?.GivenName, StringComparer.Ordinal)
                .Select(p => new ClassCouncilPupil(
                    p.Person is null ? p.Pupil.Value.ToString() : $"{p.Person.FamilyName.ToUpperInvariant()} {p.Person.GivenName}",
                    [.. subjects.Select((_, i) => Shown(averages.Of(p.Index, i).Average))],
                    Shown(averages.Overall(p.Index)))
                {
                    Id = p.Pupil,
                    Appraisal = appraisals.GetValueOrDefault(p.Pupil),
                })],
            Figures(averages.Class),
            averages.Version.ToString());

        private int IndexOf(PersonId pupil)
        {
            for (var i = 0; i < averages.Pupils.Count; i++)
            {
                if (averages.Pupils[i] == pupil)
                {
                    return i;
                }
            }

            throw new ArgumentException($"Pupil {pupil.Value} is not enrolled in {header.ClassName} during {header.Period}.", nameof(pupil));
        }

        private decimal? Shown(decimal? value) => value is { } v ? rounding.Apply(v) : null;

        private ReportCardStatistics Figures(Statistics statistics) => new(Shown(statistics.Average), Shown(statistics.Minimum), Shown(statistics.Maximum));
    }
}
