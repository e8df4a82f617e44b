using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.PersonalisedLearning.Skills;

/// <summary>The design of courses' paths, each operation in a unit of work of the platform.</summary>
internal sealed class SkillMapService(IOperations operations, IEnumerable<IGradedAssessments> grading) : ISkillMaps
{
    public async Task<SkillMap> MapOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CourseDesign design;
        await using (var work = await BeginAsync(actor, course, cancellationToken).ConfigureAwait(false))
        {
            design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false); // the rights and the enablement, before the gradebook is asked
        }

        IReadOnlyList<GradedAssessment> marked;
        try
        {
            marked = await MarkedAsync(actor, course, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessDeniedException)
        {
            marked = []; // a designer who does not mark the course sees no assessment to link
        }

        return MapOf(design, marked);
    }

    public Task<Skill> SaveSkillAsync(Actor actor, CourseId course, SkillDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            var school = work.School;
            var skills = work.Documents<SkillDocument>();
            var stored = await skills.Where(s => s.School == school).ListAsync(cancellationToken).ConfigureAwait(false);
            var earlier = draft.Id is { } id ? stored.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"Skill {id} is not a skill of the course's school.", nameof(draft)) : null;
            var skill = new Skill(draft.Id ?? SkillId.New(), draft.Name?.Trim() ?? string.Empty, draft.Prerequisites.IsDefault ? [] : [.. draft.Prerequisites.Distinct()],
                string.IsNullOrWhiteSpace(draft.Socle) ? null : draft.Socle.Trim(), earlier?.Parameters ?? BktParameters.Default);
            SkillGraph.Create(stored.Select(s => s.ToSkill())).With(skill); // refuses a cycle, an unknown prerequisite, a taken name, naming them
            var document = new SkillDocument(school, skill.Id, skill.Name, skill.Prerequisites, skill.Socle, skill.Parameters, earlier?.Fitted);
            skills.Put(earlier, document);

            work.Publish(new LearningPathDesigned(actor.Person, actor.Department, school, work.Now, course, "skill"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return skill;
        }, cancellationToken);
    }

    public async Task<SkillMap> SavePlanAsync(Actor actor, CoursePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(plan);
        // The gradebook's marks are read first, in the grading plugin's own unit of work; then the plan is saved in this plugin's.
        var marked = plan.Assessments.IsDefaultOrEmpty ? [] : await MarkedAsync(actor, plan.Course, cancellationToken).ConfigureAwait(false);
        return await operations.RunAsync(actor, OperationTarget.OfCourse(plan.Course), LearningCapabilities.Design, async work =>
        {
            var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
            var normalised = plan with
            {
                Activities = plan.Activities.IsDefault ? [] : [.. plan.Activities.Select(a => a with { Ranges = a.Ranges.IsDefault ? [] : a.Ranges, Skills = a.Skills.IsDefault ? [] : a.Skills })],
                Assessments = plan.Assessments.IsDefault ? [] : plan.Assessments,
            };
            var compiled = CompiledPlan.Create(work.Course!, design.Plan.Graph, normalised);
            var document = new CoursePlanDocument(plan.Course, work.School, normalised.MasteryThreshold, normalised.Activities, normalised.Assessments);
            work.Documents<CoursePlanDocument>().Put(design.Stored, document);

            var linkedBefore = design.Stored?.Assessments.Select(a => a.Assessment).ToHashSet() ?? [];
            foreach (var assessment in marked.Where(m => normalised.Assessments.Any(a => a.Assessment == m.Id) && !linkedBefore.Contains(m.Id)))
            {
                foreach (var mark in assessment.Marks)
                {
                    var piece = new EvidenceDocument(plan.Course, mark.Pupil, EvidenceHandlers.MarkKey(assessment.Id), EvidenceSource.Assessment, null, assessment.Id, null, (double)mark.Score.Scaled,
                        new DateTimeOffset(assessment.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), actor.Person);
                    await EvidenceLog.KeepAsync(work, plan.Course, mark.Pupil, piece.Key, piece, cancellationToken).ConfigureAwait(false);
                }
            }

            work.Publish(new LearningPathDesigned(actor.Person, actor.Department, work.School, work.Now, plan.Course, "plan"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return MapOf(design with { Stored = document, Plan = compiled }, marked);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<Skill> SetParametersAsync(Actor actor, CourseId course, SkillId skill, BktParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (BktParameters.Problem(parameters.Prior, parameters.Learn, parameters.Guess, parameters.Slip) is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem.Name, problem.Value, problem.Message); // a default(BktParameters) holds zeros
        }

        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            var stored = await FindSkillAsync(work, skill, cancellationToken).ConfigureAwait(false);
            var changed = stored with { Parameters = parameters, Fitted = null };
            work.Documents<SkillDocument>().Replace(changed);
            work.Publish(new LearningPathDesigned(actor.Person, actor.Department, work.School, work.Now, course, "parameters"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed.ToSkill();
        }, cancellationToken);
    }

    public Task<BktFit> FitAsync(Actor actor, CourseId course, SkillId skill, FitScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
            var stored = design.Skills.FirstOrDefault(s => s.Id == skill) ?? throw new ArgumentException($"Skill {skill} is not a skill of the course's school.", nameof(skill));
            var school = work.School;
            var plans = scope == FitScope.School
                ? await work.Documents<CoursePlanDocument>().Where(p => p.School == school).ListAsync(cancellationToken).ConfigureAwait(false)
                : design.Stored is null ? [] : [design.Stored];
            var sequences = new List<IReadOnlyList<bool>>();
            foreach (var plan in plans.Where(p => p.Activities.Any(a => a.Skills.Contains(skill)) || p.Assessments.Any(a => a.Skills.Contains(skill))))
            {
                var planCourse = plan.Course;
                var evidence = await work.Documents<EvidenceDocument>().Where(e => e.Course == planCourse).ListAsync(cancellationToken).ConfigureAwait(false);
                sequences.AddRange(SkillAnswers.On(plan.ToPlan(), skill, evidence));
            }

            var answers = AnswerSequences.From(sequences);
            if (answers.Count < ISkillMaps.MinimumAnswers || answers.Pupils < ISkillMaps.MinimumPupils)
            {
                throw new InvalidOperationException(
                    $"Skill '{stored.Name}' has {answers.Count} answers from {answers.Pupils} pupils in the {(scope == FitScope.School ? "school" : "course")}: a fit needs at least {ISkillMaps.MinimumAnswers} answers from {ISkillMaps.MinimumPupils} pupils. Its parameters are unchanged.");
            }

            var fit = BktFitting.Fit(answers);
            work.Documents<SkillDocument>().Replace(stored with
            {
                Parameters = fit.Parameters,
                Fitted = new FitRecord(work.Now, scope == FitScope.School ? "school" : "class", fit.Pupils, fit.Answers, fit.LogLikelihood, fit.Iterations, fit.Converged),
            });
            work.Publish(new LearningPathDesigned(actor.Person, actor.Department, school, work.Now, course, "parameters"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return fit;
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<GradedAssessment>> MarkedAsync(Actor actor, CourseId course, CancellationToken cancellationToken)
    {
        var all = new List<GradedAssessment>();
        foreach (var gradebook in grading)
        {
            all.AddRange(await gradebook.AssessmentsOfAsync(actor, course, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }

    private static SkillMap MapOf(CourseDesign design, IReadOnlyList<GradedAssessment> marked)
    {
        var plan = design.Plan;
        var used = PathViews.CourseSkills(plan).ToHashSet();
        var fits = design.Skills.ToDictionary(s => s.Id, s => s.Fitted);
        return new SkillMap(plan.Course.Id, plan.Course.Title,
            [.. plan.Graph.Skills.Select((s, i) => new SkillView(s, fits.GetValueOrDefault(s.Id), used.Contains(i)))],
            plan.Plan, [.. plan.Course.Activities], [.. marked.Select(m => new MarkedAssessment(m.Id, m.Title, m.Date, m.Marks.Count))]);
    }

    private static async Task<SkillDocument> FindSkillAsync(IUnitOfWork work, SkillId skill, CancellationToken cancellationToken)
    {
        var school = work.School;
        return await work.Documents<SkillDocument>().FindAsync(s => s.School == school && s.Id == skill, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"Skill {skill} is not a skill of the course's school.", nameof(skill));
    }

    private Task<IUnitOfWork> BeginAsync(Actor actor, CourseId course, CancellationToken cancellationToken) =>
        operations.BeginAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, cancellationToken);
}
