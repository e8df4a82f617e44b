using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Marks;
using Ent.Storage.Records;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>The gradebook over the plugin's record store: one record per assessment, its marks packed, its history beside it.</summary>
internal sealed class StoredGradebook(
    IRecordStores stores, IOrganisationDirectory directory, ICourseCatalog courses, IAccessControl access, IDomainEventPublisher events, TimeProvider time,
    GradeAggregations rules, Microsoft.Extensions.Options.IOptions<GradingOptions> options) : IGradebook
{
    private readonly IRecordStore _store = stores.For(GradingRecords.Schema);

    /// <inheritdoc />
    public async Task<Assessment> CreateAssessmentAsync(Actor actor, AssessmentDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var (course, scope) = await CourseAsync(actor, draft.Course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.WriteMarks, scope);
        var @class = course.Audience.Class ?? throw new ArgumentException($"Course '{course.Title}' is taught to a group; marks are kept per class.", nameof(draft));
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Length > 200)
        {
            throw new ArgumentException($"An assessment's title has 1 to 200 characters; '{draft.Title}' has {draft.Title?.Length ?? 0}.", nameof(draft));
        }

        if (!draft.Period.Contains(draft.Date))
        {
            throw new ArgumentException($"The date {draft.Date:yyyy-MM-dd} is outside the period '{draft.Period.Name}' ({draft.Period.First:yyyy-MM-dd} to {draft.Period.Last:yyyy-MM-dd}).", nameof(draft));
        }

        Scale.Check(draft.Scale);
        Scale.CheckCoefficient(draft.Coefficient);
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, $"{(int)draft.Kind} is not a kind of assessment (normal, bonus, optional).");
        }

        await RefuseIfClosedAsync(actor, scope, @class, draft.Period.Id, reason: null, cancellationToken).ConfigureAwait(false);
        var assessment = new Assessment(Guid.CreateVersion7(), course.Id, @class, draft.Period.Id, draft.Title.Trim(), draft.Date, (int)draft.Scale, draft.Coefficient, draft.Kind, Published: false);
        await _store.SaveAsync(actor.Department, new RecordChanges().Insert(ToRecord(assessment, new Dictionary<PersonId, Mark>())), cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <inheritdoc />
    public async Task<Assessment> RecordMarksAsync(Actor actor, CourseId course, Guid assessment, IReadOnlyDictionary<PersonId, Mark?> marks, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(marks);
        var (found, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.WriteMarks, scope);
        var (record, stored, current) = await AssessmentAsync(actor.Department, course, assessment, cancellationToken).ConfigureAwait(false);
        await RefuseIfClosedAsync(actor, scope, stored.Class, stored.Period, reason, cancellationToken).ConfigureAwait(false);
        if (reason is { Length: > 500 })
        {
            throw new ArgumentException($"A reason has at most 500 characters; this one has {reason.Length}.", nameof(reason));
        }

        var now = time.GetUtcNow();
        var changes = new RecordChanges();
        var published = new List<MarkChanged>();
        var updated = new Dictionary<PersonId, Mark>(current);
        foreach (var (pupil, mark) in marks)
        {
            if (!directory.IsEnrolled(pupil, stored.Class, stored.Date))
            {
                throw new ArgumentException(
                    directory.FindPerson(pupil) is null
                        ? $"Pupil {pupil.Value} is not in the directory; nothing was recorded."
                        : $"Pupil {pupil.Value} is not enrolled in the class of course '{found.Title}' on {stored.Date:yyyy-MM-dd}, the assessment's date; nothing was recorded.",
                    nameof(marks));
            }

            if (mark?.Points > stored.Scale)
            {
                throw new ArgumentOutOfRangeException(nameof(marks), mark.Value.Points, $"A mark of {mark.Value.Points} for pupil {pupil.Value} is above the assessment's scale of {stored.Scale}; nothing was recorded.");
            }

            var old = current.TryGetValue(pupil, out var before) ? before : (Mark?)null;
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

            // The assessment's next version orders its history exactly, whatever the clock says.
            changes.Insert(GradingRecords.MarkChanges.NewRecord(assessment, Guid.CreateVersion7(), pupil.Value, record.Version + 1, actor.Person.Value, now, old?.ToString(), mark?.ToString(), reason));
            published.Add(new MarkChanged(actor.Person, actor.Department, found.School, now, assessment, pupil, old?.ToString(), mark?.ToString(), reason));
        }

        if (published.Count == 0)
        {
            return stored;
        }

        if (updated.Count > PackedMarks.MaxMarks)
        {
            throw new ArgumentException($"An assessment holds at most {PackedMarks.MaxMarks} marks; this one would hold {updated.Count}.", nameof(marks));
        }

        changes.Update(record.With("marks", PackedMarks.Pack(updated)));
        await _store.SaveAsync(actor.Department, changes, cancellationToken).ConfigureAwait(false); // marks and history together, or neither
        foreach (var change in published)
        {
            await events.PublishAsync(change, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <inheritdoc />
    public async Task<Assessment> PublishAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.WriteMarks, scope);
        var (record, stored, _) = await AssessmentAsync(actor.Department, course, assessment, cancellationToken).ConfigureAwait(false);
        if (!stored.Published)
        {
            await _store.SaveAsync(actor.Department, new RecordChanges().Update(record.With("published", true)), cancellationToken).ConfigureAwait(false);
        }

        return stored with { Published = true };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(Assessment Assessment, Mark Mark)>> MarksOfAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.ReadMarks, scope, pupil);
        var staff = access.Evaluate(actor, GradingCapabilities.WriteMarks, scope).Allowed; // pupils and parents see published marks only
        var records = await _store.QueryAsync(actor.Department, RecordQuery.From(GradingRecords.Assessments).Where("course", course.Value), cancellationToken).ConfigureAwait(false);
        var result = new List<(Assessment, Mark)>();
        foreach (var record in records)
        {
            var assessment = FromRecord(record);
            if ((staff || assessment.Published) && PackedMarks.Unpack(record.GetBytes("marks").Span, assessment.Scale).TryGetValue(pupil, out var mark))
            {
                result.Add((assessment, mark));
            }
        }

        return [.. result.OrderBy(r => r.Item1.Date).ThenBy(r => r.Item1.Id)];
    }

    /// <inheritdoc />
    public async Task<Statistics> StatisticsOfAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        var (_, stored, marks) = await AssessmentAsync(actor.Department, course, assessment, cancellationToken).ConfigureAwait(false);
        var staff = access.Evaluate(actor, GradingCapabilities.WriteMarks, scope).Allowed;
        if (!staff && !(stored.Published && directory.PupilsOn(stored.Class, stored.Date).Any(p => access.Evaluate(actor, GradingCapabilities.ReadMarks, scope, p).Allowed)))
        {
            access.Demand(actor, GradingCapabilities.WriteMarks, scope); // refused: says who was refused what, where
        }

        return Statistics.Of(marks.Values.Select(m => m.Counted));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MarkChange>> HistoryOfAsync(Actor actor, PersonId pupil, CourseId course, Guid assessment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.ReadMarks, scope, pupil);
        var (_, stored, _) = await AssessmentAsync(actor.Department, course, assessment, cancellationToken).ConfigureAwait(false);
        if (!stored.Published && !access.Evaluate(actor, GradingCapabilities.WriteMarks, scope).Allowed)
        {
            return [];
        }

        var records = await _store.QueryAsync(actor.Department, RecordQuery.From(GradingRecords.MarkChanges).Where("assessment", assessment).Where("pupil", pupil.Value), cancellationToken).ConfigureAwait(false);
        return [.. records.Select(ChangeFrom).OrderBy(c => c.Version)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MarkHistoryEntry>> HistoryOfAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (_, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.ReadMarks, scope, pupil);
        var staff = access.Evaluate(actor, GradingCapabilities.WriteMarks, scope).Allowed; // pupils and parents see published assessments only
        var assessments = (await _store.QueryAsync(actor.Department, RecordQuery.From(GradingRecords.Assessments).Where("course", course.Value), cancellationToken).ConfigureAwait(false))
            .Select(FromRecord)
            .Where(a => staff || a.Published)
            .ToDictionary(a => a.Id);
        var changes = await _store.QueryAsync(actor.Department, RecordQuery.From(GradingRecords.MarkChanges).Where("pupil", pupil.Value), cancellationToken).ConfigureAwait(false);
        return [.. changes
            .Where(r => assessments.ContainsKey(r.GetId("assessment")))
            .Select(r => new MarkHistoryEntry(assessments[r.GetId("assessment")], ChangeFrom(r)))
            .OrderBy(e => e.Change.At).ThenBy(e => e.Assessment.Date).ThenBy(e => e.Assessment.Id).ThenBy(e => e.Change.Version)];
    }

    /// <inheritdoc />
    public async Task RecordCommentAsync(Actor actor, CourseId course, Period period, PersonId pupil, string? comment, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        var (found, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.WriteMarks, scope);
        var @class = found.Audience.Class ?? throw new ArgumentException($"Course '{found.Title}' is taught to a group; comments are kept per class.", nameof(course));
        var text = comment?.Trim() ?? string.Empty;
        if (text.Length > GradingRecords.MaxCommentLength)
        {
            throw new ArgumentException($"A comment has at most {GradingRecords.MaxCommentLength} characters; the one for pupil {pupil.Value} has {text.Length}. Nothing was recorded.", nameof(comment));
        }

        if (!directory.IsEnrolledDuring(pupil, @class, period))
        {
            throw new ArgumentException($"Pupil {pupil.Value} is not enrolled in the class of course '{found.Title}' during '{period.Name}'; nothing was recorded.", nameof(pupil));
        }

        await RefuseIfClosedAsync(actor, scope, @class, period.Id, reason, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var key = GradingRecords.Comments.Key(course.Value, period.Id.Value, pupil.Value);
        var existing = await _store.FindAsync(actor.Department, key, cancellationToken).ConfigureAwait(false);
        if (existing is null ? text.Length == 0 : existing.GetText("text") == text)
        {
            return; // nothing to write, nothing to remove
        }

        var changes = new RecordChanges();
        if (existing is null)
        {
            changes.Insert(GradingRecords.Comments.NewRecord(course.Value, period.Id.Value, pupil.Value, @class.Value, text, actor.Person.Value, now));
        }
        else if (text.Length == 0)
        {
            changes.Delete(existing);
        }
        else
        {
            changes.Update(existing.With("text", text).With("author", actor.Person.Value).With("at", now));
        }

        await _store.SaveAsync(actor.Department, changes, cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new CommentRecorded(actor.Person, actor.Department, found.School, now, course, period.Id, pupil, text.Length == 0, reason), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ClosePeriodAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = directory.ScopeOf(@class);
        access.Demand(actor, GradingCapabilities.ClosePeriods, scope);
        var key = GradingRecords.Closures.Key(@class.Value, period.Value);
        if (await _store.FindAsync(actor.Department, key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var rule = rules.Latest(options.Value.Rule); // the period's averages stay with this version, whatever later versions say
        await _store.SaveAsync(actor.Department, new RecordChanges().Insert(GradingRecords.Closures.NewRecord(@class.Value, period.Value, now, actor.Person.Value, rule.Id, (long)rule.Version)), cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new PeriodClosed(actor.Person, actor.Department, scope.School, now, @class, period), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordCompetenciesAsync(Actor actor, CourseId course, Period period, IReadOnlyList<CompetencyEvaluation> evaluations, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(evaluations);
        var (found, scope) = await CourseAsync(actor, course, cancellationToken).ConfigureAwait(false);
        access.Demand(actor, GradingCapabilities.WriteMarks, scope);
        var @class = found.Audience.Class ?? throw new ArgumentException($"Course '{found.Title}' is taught to a group; evaluations are kept per class.", nameof(course));
        await RefuseIfClosedAsync(actor, scope, @class, period.Id, reason, cancellationToken).ConfigureAwait(false);
        var changes = new RecordChanges();
        foreach (var evaluation in evaluations)
        {
            if (!Enum.IsDefined(evaluation.Component) || !Enum.IsDefined(evaluation.Level))
            {
                throw new ArgumentOutOfRangeException(nameof(evaluations), evaluation, $"Component {(int)evaluation.Component} or level {(int)evaluation.Level} is not of the socle (components 1–8, levels 1–4); nothing was recorded.");
            }

            if (!period.Contains(evaluation.Date))
            {
                throw new ArgumentException($"The date {evaluation.Date:yyyy-MM-dd} is outside the period '{period.Name}'; nothing was recorded.", nameof(evaluations));
            }

            if (!directory.IsEnrolled(evaluation.Pupil, @class, evaluation.Date))
            {
                throw new ArgumentException($"Pupil {evaluation.Pupil.Value} is not enrolled in the class of course '{found.Title}' on {evaluation.Date:yyyy-MM-dd}; nothing was recorded.", nameof(evaluations));
            }

            if (evaluation.Assessment is { } assessment
                && await _store.FindAsync(actor.Department, GradingRecords.Assessments.Key(course.Value, assessment), cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ArgumentException($"No assessment {assessment} in course '{found.Title}'; nothing was recorded.", nameof(evaluations));
            }

            changes.Insert(GradingRecords.Competencies.NewRecord(
                evaluation.Pupil.Value, Guid.CreateVersion7(), @class.Value, period.Id.Value, course.Value, evaluation.Assessment, (long)evaluation.Component, (long)evaluation.Level, evaluation.Date, actor.Person.Value));
        }

        if (evaluations.Count == 0)
        {
            return;
        }

        await _store.SaveAsync(actor.Department, changes, cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new CompetenciesEvaluated(actor.Person, actor.Department, found.School, time.GetUtcNow(), course, period.Id, evaluations.Count, reason), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CompetencyPosition>> PositionsOfAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        access.Demand(actor, GradingCapabilities.ReadMarks, directory.ScopeOf(@class), pupil);
        var all = await _store.QueryAsync(actor.Department, RecordQuery.From(GradingRecords.Competencies).Where("pupil", pupil.Value), cancellationToken).ConfigureAwait(false);
        return [.. Enum.GetValues<SocleComponent>().Select(component =>
        {
            var ofComponent = all.Where(r => r.GetInteger("component") == (long)component).ToList();
            var inPeriod = ofComponent.Where(r => r.GetId("class") == @class.Value && r.GetId("period") == period.Value).Select(r => (MasteryLevel)r.GetInteger("level")).ToList();
            return new CompetencyPosition(component, CompetencyConversion.Position(inPeriod), CompetencyConversion.Position(ofComponent.Select(r => (MasteryLevel)r.GetInteger("level"))), inPeriod.Count);
        })];
    }

    /// <summary>The rule a class's period is computed with: the one recorded when it was closed, or the department's current one while it is open.</summary>
    /// <param name="closure">The period's closure record for the class, or null while it is open.</param>
    /// <param name="rules">The rules the host knows.</param>
    /// <param name="options">The department's options.</param>
    internal static IGradeAggregation RuleFor(Record? closure, GradeAggregations rules, GradingOptions options) =>
        closure is null
            ? rules.Latest(options.Rule)
            : rules.Get(new CalculationVersion(closure.GetText("rule"), (int)closure.GetInteger("rule_version")));

    private async Task RefuseIfClosedAsync(Actor actor, AccessScope scope, ClassId @class, PeriodId period, string? reason, CancellationToken cancellationToken)
    {
        if (await _store.FindAsync(actor.Department, GradingRecords.Closures.Key(@class.Value, period.Value), cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        if (!access.Evaluate(actor, GradingCapabilities.ClosePeriods, scope).Allowed)
        {
            throw new ClosedPeriodException($"The period {period.Value} is closed for class {@class.Value}: only the head of school may change its marks, with a reason.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ClosedPeriodException($"The period {period.Value} is closed for class {@class.Value}: give the reason for changing its marks.");
        }
    }

    private async Task<(Course Course, AccessScope Scope)> CourseAsync(Actor actor, CourseId course, CancellationToken cancellationToken)
    {
        var found = await courses.FindAsync(actor.Department, course, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", course.Value);
        return (found, directory.ScopeOf(found));
    }

    private async Task<(Record Record, Assessment Assessment, Dictionary<PersonId, Mark> Marks)> AssessmentAsync(DepartmentId department, CourseId course, Guid assessment, CancellationToken cancellationToken)
    {
        var record = await _store.FindAsync(department, GradingRecords.Assessments.Key(course.Value, assessment), cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"No assessment {assessment} in course {course.Value}.", nameof(assessment));
        var stored = FromRecord(record);
        return (record, stored, PackedMarks.Unpack(record.GetBytes("marks").Span, stored.Scale));
    }

    private static Record ToRecord(Assessment a, IReadOnlyDictionary<PersonId, Mark> marks) =>
        GradingRecords.Assessments.NewRecord(a.Course.Value, a.Id, a.Class.Value, a.Period.Value, a.Title, a.Date, (long)a.Scale, (double)a.Coefficient, (long)a.Kind, a.Published, PackedMarks.Pack(marks));

    private static MarkChange ChangeFrom(Record r) => new(
        r.GetId("assessment"), new PersonId(r.GetId("pupil")), new PersonId(r.GetId("actor")), r.Get<DateTimeOffset>("at"), r.Get<string?>("old_value"), r.Get<string?>("new_value"), r.Get<string?>("reason"))
    {
        Version = r.GetInteger("version"),
    };

    internal static Assessment FromRecord(Record r) => new(
        r.GetId("assessment"), new CourseId(r.GetId("course")), new ClassId(r.GetId("class")), new PeriodId(r.GetId("period")), r.GetText("title"), r.Get<DateOnly>("date"),
        (int)r.GetInteger("scale"), (decimal)r.GetNumber("coefficient"), (GradeItemKind)r.GetInteger("kind"), r.Get<bool>("published"));
}
