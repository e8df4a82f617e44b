using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>Pupils' paths, each operation in a unit of work of the platform (rights, enablement, one transaction with its events).</summary>
internal sealed class PathService(IOperations operations, IOrganisationDirectory directory) : ILearningPaths
{
    public async Task<LearningPath> PathOfAsync(Actor actor, CourseId course, PersonId pupil, CancellationToken cancellationToken = default) =>
        (await ReadPathAsync(actor, course, pupil, plannedOnly: false, cancellationToken).ConfigureAwait(false))!;

    /// <summary>A pupil's path where the course has a skill map, or null where it has none yet (the strategy's case).</summary>
    public Task<LearningPath?> PlannedPathOfAsync(Actor actor, CourseId course, PersonId pupil, CancellationToken cancellationToken = default) =>
        ReadPathAsync(actor, course, pupil, plannedOnly: true, cancellationToken);

    private async Task<LearningPath?> ReadPathAsync(Actor actor, CourseId course, PersonId pupil, bool plannedOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.ReadPath, cancellationToken).ConfigureAwait(false);
        var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
        if (plannedOnly && (design.Stored is null || design.Plan.Count == 0))
        {
            return null;
        }

        var records = await design.RecordsOfAsync(work, pupil, cancellationToken).ConfigureAwait(false);
        return PathViews.PathOf(design.Plan, design.StateOf(records), pupil, PathViews.NameOf(directory, pupil));
    }

    public Task<LearningPath> RecordAnswerAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, ActivityAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answer);
        Check(answer);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.WorkPath, work => RecordAsync(work, course, activity, pupil, answer, cancellationToken), cancellationToken);
    }

    private async Task<LearningPath> RecordAsync(IUnitOfWork work, CourseId course, ActivityId activity, PersonId pupil, ActivityAnswer answer, CancellationToken cancellationToken)
    {
        var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
        var position = LinkedActivity(design.Plan, activity);
        var records = await design.RecordsOfAsync(work, pupil, cancellationToken).ConfigureAwait(false);
        var state = design.StateOf(records);
        if (PathEngine.WhyLocked(design.Plan, state, position) is { Length: > 0 } conditions)
        {
            throw new ActivityLockedException(PathText.Locked(design.Plan, position, conditions));
        }

        var key = answer.Item is null ? $"activity:{activity.Value}:{answer.Key}" : $"activity:{activity.Value}:{answer.Key}:{answer.Item}";
        var piece = new EvidenceDocument(course, pupil, key, EvidenceSource.Activity, activity, null, answer.Item, answer.Score, work.Now, work.Actor.Person);
        if (!await EvidenceLog.KeepAsync(work, course, pupil, key, piece, cancellationToken).ConfigureAwait(false))
        {
            return PathViews.PathOf(design.Plan, state, pupil, PathViews.NameOf(directory, pupil)); // the same evidence again: counted once
        }

        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        var kept = records.Evidence.FirstOrDefault(e => e.Key == key) is { } first ? piece with { At = first.At } : piece;
        var after = design.StateOf(records with { Evidence = [.. records.Evidence.Where(e => e.Key != key), kept] });
        return PathViews.PathOf(design.Plan, after, pupil, PathViews.NameOf(directory, pupil));
    }

    public Task<LearningPath> ChooseAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.WorkPath, async work =>
        {
            var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
            var position = LinkedActivity(design.Plan, activity);
            var choice = design.Plan.Plan.Activities[position].Choice
                ?? throw new ArgumentException($"Activity '{PathText.Title(design.Plan, position)}' is not one of a set of equivalent activities: there is nothing to choose.", nameof(activity));
            var records = await design.RecordsOfAsync(work, pupil, cancellationToken).ConfigureAwait(false);
            var stored = records.Choices.FirstOrDefault(c => c.Choice == choice);
            var chosen = new ChoiceDocument(course, pupil, choice, activity, work.Now);
            if (stored?.Activity != activity)
            {
                work.Documents<ChoiceDocument>().Put(stored, chosen);
            }

            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            var state = design.StateOf(records with { Choices = [.. records.Choices.Where(c => c.Choice != choice), chosen] });
            return PathViews.PathOf(design.Plan, state, pupil, PathViews.NameOf(directory, pupil));
        }, cancellationToken);
    }

    public async Task<ClassMastery> ClassOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.ViewClass, cancellationToken).ConfigureAwait(false);
        var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
        var plan = design.Plan;
        var batch = new DocumentBatch();
        var evidence = batch.Add(work.Documents<EvidenceDocument>().Where(e => e.Course == course));
        var overrides = batch.Add(work.Documents<OverrideDocument>().Where(o => o.Course == course));
        var choices = batch.Add(work.Documents<ChoiceDocument>().Where(c => c.Course == course));
        await batch.ReadAsync(cancellationToken).ConfigureAwait(false);
        var byPupil = batch.Get(evidence).ToLookup(e => e.Pupil);
        var decided = batch.Get(overrides).ToLookup(o => o.Pupil);
        var chosen = batch.Get(choices).ToLookup(c => c.Pupil);
        var skills = PathViews.CourseSkills(plan).ToArray();
        var rows = new List<PupilMasteryRow>();
        var stuck = new List<StuckPupil>();
        foreach (var pupil in directory.PupilsOn(work.Course!.Audience, work.Today).Select(p => (Id: p, Name: PathViews.NameOf(directory, p))).OrderBy(p => p.Name, StringComparer.CurrentCulture))
        {
            var state = design.StateOf(new PupilRecords([.. byPupil[pupil.Id]], [.. decided[pupil.Id]], [.. chosen[pupil.Id]]));
            var next = PathEngine.Next(plan, state, 1);
            rows.Add(new PupilMasteryRow(pupil.Id, pupil.Name, [.. skills.Select(s => state.Mastery[s])], [.. skills.Select(s => state.Answers[s])],
                next.Length == 0 ? null : plan.Plan.Activities[next[0].Activity].Activity));
            foreach (var s in skills)
            {
                if (state.Answers[s] >= 3 && state.Mastery[s] < plan.Plan.MasteryThreshold && (state.TrailingWrong[s] >= 2 || state.Mastery[s] < 0.5))
                {
                    stuck.Add(new StuckPupil(pupil.Id, pupil.Name, plan.Graph.Skills[s].Id, plan.Graph.Skills[s].Name, state.Mastery[s], state.Answers[s]));
                }
            }
        }

        var titles = work.Course!.Activities.ToDictionary(a => a.Id, a => a.Title);
        var groups = rows.GroupBy(r => r.Next)
            .Select(g => new SuggestedGroup(g.Key, g.Key is { } a ? titles[a] : string.Empty, [.. g.Select(r => r.Pupil)]))
            .OrderByDescending(g => g.Activity is not null).ThenByDescending(g => g.Pupils.Length).ThenBy(g => g.Title, StringComparer.CurrentCulture)
            .ToImmutableArray();
        return new ClassMastery(course, work.Course.Title, plan.Plan.MasteryThreshold, PathViews.SkillList(plan), [.. rows], [.. stuck.OrderBy(s => s.Mastery)], groups);
    }

    public Task<int> DecideAsync(Actor actor, CourseId course, PathDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(decision);
        if (string.IsNullOrWhiteSpace(decision.Reason) || decision.Reason.Length > PathDecision.MaxReasonLength)
        {
            throw new ArgumentException($"A teacher's decision keeps its reason, of 1 to {PathDecision.MaxReasonLength} characters; '{decision.Reason}' is not one.", nameof(decision));
        }

        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
            LinkedActivity(design.Plan, decision.Activity);
            var ofCourse = directory.PupilsOn(work.Course!.Audience, work.Today).ToHashSet();
            var pupils = (decision.Pupils.IsDefault ? [] : decision.Pupils).ToHashSet();
            if (decision.Group is { } group)
            {
                if (directory.GroupsOf(work.School).All(g => g.Id != group))
                {
                    throw new ArgumentException($"Group {group.Value} is not a group of the course's school.", nameof(decision));
                }

                pupils.UnionWith(directory.PupilsOn(group, work.Today).Where(ofCourse.Contains));
            }

            if (pupils.Count == 0)
            {
                throw new ArgumentException("A decision is for at least one pupil of the course: none was given.", nameof(decision));
            }

            if (pupils.Where(p => !ofCourse.Contains(p)).Select(p => (PersonId?)p).FirstOrDefault() is { } outsider)
            {
                throw new ArgumentException($"Pupil {PathViews.NameOf(directory, outsider)} ({outsider.Value}) is not a pupil of course '{work.Course!.Title}' today; nothing was decided.", nameof(decision));
            }

            var overrides = work.Documents<OverrideDocument>();
            var stored = await overrides.FindManyAsync(pupils.ToArray(), p => o => o.Course == course && o.Pupil == p && o.Activity == decision.Activity, cancellationToken).ConfigureAwait(false);
            foreach (var (pupil, earlier) in pupils.Zip(stored))
            {
                var document = new OverrideDocument(course, pupil, decision.Activity, decision.Kind, decision.Reason.Trim(), decision.Group, actor.Person, work.Now);
                overrides.Put(earlier, document);
                work.Publish(new LearningPathOverridden(actor.Person, actor.Department, work.School, work.Now, course, pupil, decision.Activity, decision.Kind));
            }

            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return pupils.Count;
        }, cancellationToken);
    }

    public async Task<bool> UndecideAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.Design, cancellationToken).ConfigureAwait(false);
        var overrides = work.Documents<OverrideDocument>();
        var stored = await overrides.FindAsync(o => o.Course == course && o.Pupil == pupil && o.Activity == activity, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        overrides.Remove(stored);
        work.Publish(new LearningPathOverridden(actor.Person, actor.Department, work.School, work.Now, course, pupil, activity, null));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<PathDecisionRecord>> DecisionsOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, cancellationToken).ConfigureAwait(false);
        var titles = work.Course!.Activities.ToDictionary(a => a.Id, a => a.Title);
        var stored = await work.Documents<OverrideDocument>().Where(o => o.Course == course).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(o => new PathDecisionRecord(o.Pupil, PathViews.NameOf(directory, o.Pupil), o.Activity, titles.GetValueOrDefault(o.Activity, o.Activity.Value.ToString()), o.Kind, o.Reason, o.Group, o.By, o.At))
            .OrderBy(d => d.PupilName, StringComparer.CurrentCulture).ThenBy(d => d.At)];
    }

    private static int LinkedActivity(CompiledPlan plan, ActivityId activity) =>
        plan.IndexOf(activity) is var position and >= 0
            ? position
            : throw new ArgumentException(
                plan.Course.Activities.FirstOrDefault(a => a.Id == activity) is { } known
                    ? $"Activity '{known.Title}' is not linked to any skill in the plan of course '{plan.Course.Title}': link it first."
                    : $"Activity {activity.Value} is not an activity of course '{plan.Course.Title}'.",
                nameof(activity));

    private static void Check(ActivityAnswer answer)
    {
        if (string.IsNullOrWhiteSpace(answer.Key) || answer.Key.Length > ActivityAnswer.MaxKeyLength)
        {
            throw new ArgumentException($"An answer's key has 1 to {ActivityAnswer.MaxKeyLength} characters; '{answer.Key}' does not.", nameof(answer));
        }

        if (answer.Item is { } item && (string.IsNullOrWhiteSpace(item) || item.Length > ActivityAnswer.MaxKeyLength))
        {
            throw new ArgumentException($"An answer's item has 1 to {ActivityAnswer.MaxKeyLength} characters; '{item}' does not.", nameof(answer));
        }

        if (!(answer.Score >= 0 && answer.Score <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer.Score, $"An answer's score is scaled from 0 to 1; {answer.Score} is not.");
        }
    }
}
