using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.Grading.Marks;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>
/// The gradebook on the plugin's documents: each operation is a unit of work (the platform resolves the course or class,
/// checks that grading is on in its school and the actor's capability), its marks, their history and their events committed together.
/// </summary>
internal sealed class GradebookService(IOperations operations, IOrganisationDirectory directory, ISchoolCalendar calendar, GradeAggregations rules, IOptions<GradingOptions> options,
    ICourseCatalog catalog, IAccessControl access) : IGradebook
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Course>> CoursesMarkedByAsync(Actor actor, SchoolId school, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = directory.SchoolOf(school);
        if (found.Department != actor.Department)
        {
            return [];
        }

        var courses = await catalog.ListAsync(actor.Department, school, cancellationToken).ConfigureAwait(false);
        return [.. courses.Where(c => access.Evaluate(actor, GradingCapabilities.WriteMarks, directory.ScopeOf(c)).Allowed).OrderBy(c => c.Title, StringComparer.CurrentCulture)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Assessment>> AssessmentsOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var assessments = await work.Documents<AssessmentDocument>().Where(a => a.Course == course).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. assessments.OrderBy(a => a.Date).ThenBy(a => a.Id).Select(a => a.ToAssessment())];
    }

    /// <inheritdoc />
    public async Task<AssessmentSheet> SheetOfAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        AssessmentDocument stored;
        bool closed;
        if (work.Scope.Class is { } @class)
        {
            // The assessment and its class's closures in one read (the course names the class).
            var (found, closures) = await work.Documents<AssessmentDocument>().Where(a => a.Course == course && a.Id == assessment)
                .ListTogetherAsync(work.Documents<ClosureDocument>().Where(c => c.Class == @class), cancellationToken).ConfigureAwait(false);
            stored = found.Count == 1 ? found[0] : throw new ArgumentException($"No assessment {assessment} in course {course.Value}.", nameof(assessment));
            closed = closures.Any(c => c.Class == stored.Class && c.Period == stored.Period);
        }
        else
        {
            stored = await FindAsync(work.Documents<AssessmentDocument>(), course, assessment, cancellationToken).ConfigureAwait(false);
            closed = await work.Documents<ClosureDocument>().FindAsync(c => c.Class == stored.Class && c.Period == stored.Period, cancellationToken).ConfigureAwait(false) is not null;
        }

        var lines = directory.PupilsOn(stored.Class, stored.Date)
            .Select(p => directory.FindPerson(p) is { } person ? new SheetLine(p, $"{person.FamilyName} {person.GivenName}", stored.MarkOf(p)) : new SheetLine(p, p.Value.ToString(), stored.MarkOf(p)))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture)
            .ToArray();
        return new AssessmentSheet(stored.ToAssessment(), lines, Statistics.Of([.. stored.Marks.Select(m => m.Mark.Counted)]), closed);
    }

    /// <inheritdoc />
    public async Task<Assessment> CreateAssessmentAsync(Actor actor, AssessmentDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Length > 200)
        {
            throw new ArgumentException($"An assessment's title has 1 to 200 characters; '{draft.Title}' has {draft.Title?.Length ?? 0}.", nameof(draft));
        }

        Scale.Check(draft.Scale);
        Scale.CheckCoefficient(draft.Coefficient);
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, $"{(int)draft.Kind} is not a kind of assessment (normal, bonus, optional).");
        }

        var period = calendar.Period(actor.Department, draft.Period);
        if (!period.Contains(draft.Date))
        {
            throw new ArgumentException($"The date {draft.Date:yyyy-MM-dd} is outside the period '{period.Name}' ({period.First:yyyy-MM-dd} to {period.Last:yyyy-MM-dd}).", nameof(draft));
        }

        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(draft.Course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var @class = ClassOf(work.Course!, "marks");
        await RefuseIfClosedAsync(work, @class, period.Id, reason: null, cancellationToken).ConfigureAwait(false);
        var assessment = new AssessmentDocument(draft.Course, Guid.CreateVersion7(), @class, period.Id, draft.Title.Trim(), draft.Date, (int)draft.Scale, draft.Coefficient, draft.Kind, Published: false, []);
        work.Documents<AssessmentDocument>().Add(assessment);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return assessment.ToAssessment();
    }

    /// <inheritdoc />
    public async Task<Assessment> RecordMarksAsync(Actor actor, CourseId course, Guid assessment, IReadOnlyDictionary<PersonId, Mark?> marks, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(marks);
        if (reason is { Length: > 500 })
        {
            throw new ArgumentException($"A reason has at most 500 characters; this one has {reason.Length}.", nameof(reason));
        }

        // Two teachers (or two hosts) saving marks of one assessment at once: the second commit finds the assessment changed and
        // its marks are applied again to what the first saved (each pupil's mark is what this call says), up to five times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordMarksOnceAsync(actor, course, assessment, marks, reason, cancellationToken).ConfigureAwait(false);
            }
            catch (Ent.Storage.RecordConflictException) when (attempt < 5)
            {
            }
        }
    }

    private async Task<Assessment> RecordMarksOnceAsync(Actor actor, CourseId course, Guid assessment, IReadOnlyDictionary<PersonId, Mark?> marks, string? reason, CancellationToken cancellationToken)
    {
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var assessments = work.Documents<AssessmentDocument>();
        var stored = await FindAsync(assessments, course, assessment, cancellationToken).ConfigureAwait(false);
        await RefuseIfClosedAsync(work, stored.Class, stored.Period, reason, cancellationToken).ConfigureAwait(false);
        var updated = stored.Marks.ToDictionary(m => m.Pupil, m => m.Mark);
        var history = work.Documents<MarkChangeDocument>();
        var version = await VersionOfAsync(history, assessment, cancellationToken).ConfigureAwait(false) + 1; // orders the assessment's history exactly, whatever the clock says
        var changed = false;
        foreach (var (pupil, mark) in marks)
        {
            if (!directory.IsEnrolled(pupil, stored.Class, stored.Date))
            {
                throw new ArgumentException(
                    directory.FindPerson(pupil) is null
                        ? $"Pupil {pupil.Value} is not in the directory; nothing was recorded."
                        : $"Pupil {pupil.Value} is not enrolled in the class of course '{work.Course!.Title}' on {stored.Date:yyyy-MM-dd}, the assessment's date; nothing was recorded.",
                    nameof(marks));
            }

            if (mark?.Points > stored.Scale)
            {
                throw new ArgumentOutOfRangeException(nameof(marks), mark.Value.Points, $"A mark of {mark.Value.Points} for pupil {pupil.Value} is above the assessment's scale of {stored.Scale}; nothing was recorded.");
            }

            var old = updated.TryGetValue(pupil, out var before) ? before : (Mark?)null;
            if (old == mark)
            {
                continue;
            }

            if (mark is { } value)
            {
                updated[pupil] = value;
            }
            else
            {
                updated.Remove(pupil);
            }

            changed = true;
            history.Add(new MarkChangeDocument(assessment, Guid.CreateVersion7(), pupil, version, actor.Person, work.Now, old?.ToString(), mark?.ToString(), reason));
            work.Publish(new MarkChanged(actor.Person, actor.Department, work.School, work.Now, assessment, pupil, old?.ToString(), mark?.ToString(), reason,
                course, mark?.Points is { } points ? new Score(points, stored.Scale) : null));
        }

        if (!changed)
        {
            return stored.ToAssessment();
        }

        if (updated.Count > GradingDocuments.MaxMarks)
        {
            throw new ArgumentException($"An assessment holds at most {GradingDocuments.MaxMarks} marks; this one would hold {updated.Count}.", nameof(marks));
        }

        assessments.Replace(stored with { Marks = [.. updated.OrderBy(m => m.Key.Value).Select(m => new PupilMark(m.Key, m.Value))] });
        await work.CommitAsync(cancellationToken).ConfigureAwait(false); // the marks, their history and their events, or none of them
        return stored.ToAssessment();
    }

    /// <inheritdoc />
    public async Task<Assessment> PublishAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var assessments = work.Documents<AssessmentDocument>();
        var stored = await FindAsync(assessments, course, assessment, cancellationToken).ConfigureAwait(false);
        if (!stored.Published)
        {
            assessments.Replace(stored with { Published = true });
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return stored.ToAssessment() with { Published = true };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(Assessment Assessment, Mark Mark)>> MarksOfAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        var staff = work.Can(GradingCapabilities.WriteMarks); // pupils and parents see published marks only
        var result = new List<(Assessment, Mark)>();
        foreach (var assessment in await work.Documents<AssessmentDocument>().Where(a => a.Course == course).ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if ((staff || assessment.Published) && assessment.MarkOf(pupil) is { } mark)
            {
                result.Add((assessment.ToAssessment(), mark));
            }
        }

        return [.. result.OrderBy(r => r.Item1.Date).ThenBy(r => r.Item1.Id)];
    }

    /// <inheritdoc />
    public async Task<Statistics> StatisticsOfAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.ViewStatistics, cancellationToken).ConfigureAwait(false);
        var stored = await FindAsync(work.Documents<AssessmentDocument>(), course, assessment, cancellationToken).ConfigureAwait(false);
        if (!work.Can(GradingCapabilities.WriteMarks) && !(stored.Published && directory.PupilsOn(stored.Class, stored.Date).Any(p => work.Can(GradingCapabilities.ReadMarks, p))))
        {
            work.Demand(GradingCapabilities.WriteMarks); // refused: says who was refused what, where
        }

        return Statistics.Of([.. stored.Marks.Select(m => m.Mark.Counted)]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MarkChange>> HistoryOfAsync(Actor actor, PersonId pupil, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        var stored = await FindAsync(work.Documents<AssessmentDocument>(), course, assessment, cancellationToken).ConfigureAwait(false);
        if (!stored.Published && !work.Can(GradingCapabilities.WriteMarks))
        {
            return [];
        }

        var changes = await work.Documents<MarkChangeDocument>().Where(c => c.Assessment == assessment).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. changes.Where(c => c.Pupil == pupil).OrderBy(c => c.Version).Select(c => c.ToChange())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MarkHistoryEntry>> HistoryOfAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        var staff = work.Can(GradingCapabilities.WriteMarks); // pupils and parents see published assessments only
        var assessments = (await work.Documents<AssessmentDocument>().Where(a => a.Course == course).ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => staff || a.Published)
            .ToDictionary(a => a.Id, a => a.ToAssessment());
        var changes = await work.Documents<MarkChangeDocument>().Where(c => c.Pupil == pupil).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. changes
            .Where(c => assessments.ContainsKey(c.Assessment))
            .Select(c => new MarkHistoryEntry(assessments[c.Assessment], c.ToChange()))
            .OrderBy(e => e.Change.At).ThenBy(e => e.Assessment.Date).ThenBy(e => e.Assessment.Id).ThenBy(e => e.Change.Version)];
    }

    /// <inheritdoc />
    public async Task RecordCommentAsync(Actor actor, CourseId course, PeriodId period, PersonId pupil, string? comment, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = comment?.Trim() ?? string.Empty;
        if (text.Length > GradingDocuments.MaxCommentLength)
        {
            throw new ArgumentException($"A comment has at most {GradingDocuments.MaxCommentLength} characters; the one for pupil {pupil.Value} has {text.Length}. Nothing was recorded.", nameof(comment));
        }

        var dates = calendar.Period(actor.Department, period);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var @class = ClassOf(work.Course!, "comments");
        if (!directory.IsEnrolledDuring(pupil, @class, dates))
        {
            throw new ArgumentException($"Pupil {pupil.Value} is not enrolled in the class of course '{work.Course!.Title}' during '{dates.Name}'; nothing was recorded.", nameof(pupil));
        }

        await RefuseIfClosedAsync(work, @class, period, reason, cancellationToken).ConfigureAwait(false);
        var comments = work.Documents<CommentDocument>();
        var existing = await comments.FindAsync(c => c.Course == course && c.Period == period && c.Pupil == pupil, cancellationToken).ConfigureAwait(false);
        if (existing is null ? text.Length == 0 : existing.Text == text)
        {
            return; // nothing to write, nothing to remove
        }

        var written = new CommentDocument(course, period, pupil, @class, text, actor.Person, work.Now);
        if (existing is null)
        {
            comments.Add(written);
        }
        else if (text.Length == 0)
        {
            comments.Remove(existing);
        }
        else
        {
            comments.Replace(written);
        }

        work.Publish(new CommentRecorded(actor.Person, actor.Department, work.School, work.Now, course, period, pupil, text.Length == 0, reason));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordCouncilAppraisalAsync(Actor actor, ClassId @class, PeriodId period, PersonId pupil, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var written = text?.Trim() ?? string.Empty;
        if (written.Length > GradingDocuments.MaxCommentLength)
        {
            throw new ArgumentException($"A council's appraisal has at most {GradingDocuments.MaxCommentLength} characters; the one for pupil {pupil.Value} has {written.Length}. Nothing was recorded.", nameof(text));
        }

        var dates = calendar.Period(actor.Department, period);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class, pupil), GradingCapabilities.ClosePeriods, cancellationToken).ConfigureAwait(false);
        if (!directory.IsEnrolledDuring(pupil, @class, dates))
        {
            throw new ArgumentException($"Pupil {pupil.Value} is not enrolled in the class during '{dates.Name}'; nothing was recorded.", nameof(pupil));
        }

        var appraisals = work.Documents<AppraisalDocument>();
        var existing = await appraisals.FindAsync(a => a.Class == @class && a.Period == period && a.Pupil == pupil, cancellationToken).ConfigureAwait(false);
        if (existing is null ? written.Length == 0 : existing.Text == written)
        {
            return;
        }

        var document = new AppraisalDocument(@class, period, pupil, written, actor.Person, work.Now);
        if (existing is null)
        {
            appraisals.Add(document);
        }
        else if (written.Length == 0)
        {
            appraisals.Remove(existing);
        }
        else
        {
            appraisals.Replace(document);
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> IsClosedAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        return await work.Documents<ClosureDocument>().FindAsync(c => c.Class == @class && c.Period == period, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task ClosePeriodAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        calendar.Period(actor.Department, period); // a period of the department's calendar
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class), GradingCapabilities.ClosePeriods, cancellationToken).ConfigureAwait(false);
        var closures = work.Documents<ClosureDocument>();
        if (await closures.FindAsync(c => c.Class == @class && c.Period == period, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var rule = rules.Latest(options.Value.Rule); // the period's averages stay with this version, whatever later versions say
        closures.Add(new ClosureDocument(@class, period, work.Now, actor.Person, rule.Id, rule.Version));
        work.Publish(new PeriodClosed(actor.Person, actor.Department, work.School, work.Now, @class, period));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordCompetenciesAsync(Actor actor, CourseId course, PeriodId period, IReadOnlyList<CompetencyEvaluation> evaluations, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(evaluations);
        var dates = calendar.Period(actor.Department, period);
        foreach (var evaluation in evaluations)
        {
            if (!Enum.IsDefined(evaluation.Component) || !Enum.IsDefined(evaluation.Level))
            {
                throw new ArgumentOutOfRangeException(nameof(evaluations), evaluation, $"Component {(int)evaluation.Component} or level {(int)evaluation.Level} is not of the socle (components 1–8, levels 1–4); nothing was recorded.");
            }

            if (!dates.Contains(evaluation.Date))
            {
                throw new ArgumentException($"The date {evaluation.Date:yyyy-MM-dd} is outside the period '{dates.Name}'; nothing was recorded.", nameof(evaluations));
            }
        }

        if (evaluations.Count == 0)
        {
            return;
        }

        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), GradingCapabilities.WriteMarks, cancellationToken).ConfigureAwait(false);
        var @class = ClassOf(work.Course!, "evaluations");
        await RefuseIfClosedAsync(work, @class, period, reason, cancellationToken).ConfigureAwait(false);
        var competencies = work.Documents<CompetencyDocument>();
        foreach (var evaluation in evaluations)
        {
            if (!directory.IsEnrolled(evaluation.Pupil, @class, evaluation.Date))
            {
                throw new ArgumentException($"Pupil {evaluation.Pupil.Value} is not enrolled in the class of course '{work.Course!.Title}' on {evaluation.Date:yyyy-MM-dd}; nothing was recorded.", nameof(evaluations));
            }

            if (evaluation.Assessment is { } assessment
                && await work.Documents<AssessmentDocument>().FindAsync(a => a.Course == course && a.Id == assessment, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ArgumentException($"No assessment {assessment} in course '{work.Course!.Title}'; nothing was recorded.", nameof(evaluations));
            }

            competencies.Add(new CompetencyDocument(evaluation.Pupil, Guid.CreateVersion7(), @class, period, course, evaluation.Assessment, evaluation.Component, evaluation.Level, evaluation.Date, actor.Person));
        }

        work.Publish(new CompetenciesEvaluated(actor.Person, actor.Department, work.School, work.Now, course, period, evaluations.Count, reason));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CompetencyPosition>> PositionsOfAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class, pupil), GradingCapabilities.ReadMarks, cancellationToken).ConfigureAwait(false);
        var all = await work.Documents<CompetencyDocument>().Where(c => c.Pupil == pupil).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. Enum.GetValues<SocleComponent>().Select(component =>
        {
            var ofComponent = all.Where(c => c.Component == component).ToList();
            var inPeriod = ofComponent.Where(c => c.Class == @class && c.Period == period).Select(c => c.Level).ToList();
            return new CompetencyPosition(component, CompetencyConversion.Position(inPeriod), CompetencyConversion.Position(ofComponent.Select(c => c.Level)), inPeriod.Count);
        })];
    }

    /// <summary>Refuses a change to a closed period, unless the head of school gives a reason. The closure read takes part in the commit's conflict check.</summary>
    private static async Task RefuseIfClosedAsync(IUnitOfWork work, ClassId @class, PeriodId period, string? reason, CancellationToken cancellationToken)
    {
        if (await work.Documents<ClosureDocument>().FindAsync(c => c.Class == @class && c.Period == period, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        if (!work.Can(GradingCapabilities.ClosePeriods))
        {
            throw new ClosedPeriodException($"The period {period.Value} is closed for class {@class.Value}: only the head of school may change its marks, with a reason.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ClosedPeriodException($"The period {period.Value} is closed for class {@class.Value}: give the reason for changing its marks.");
        }
    }

    private static ClassId ClassOf(Course course, string what) =>
        course.Audience.Class ?? throw new ArgumentException($"Course '{course.Title}' is taught to a group; {what} are kept per class.", nameof(course));

    private static async Task<AssessmentDocument> FindAsync(Ent.Storage.Documents.IDocumentSet<AssessmentDocument> assessments, CourseId course, Guid assessment, CancellationToken cancellationToken) =>
        await assessments.FindAsync(a => a.Course == course && a.Id == assessment, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"No assessment {assessment} in course {course.Value}.", nameof(assessment));

    /// <summary>The assessment's last history version (0 before its first change).</summary>
    private static async Task<long> VersionOfAsync(Ent.Storage.Documents.IDocumentSet<MarkChangeDocument> history, Guid assessment, CancellationToken cancellationToken)
    {
        var changes = await history.Where(c => c.Assessment == assessment).ListAsync(cancellationToken).ConfigureAwait(false);
        return changes.Count == 0 ? 0 : changes.Max(c => c.Version);
    }
}
