using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>A course's design as a unit of work reads it: its school's skills, its stored plan (or null) and the plan compiled.</summary>
/// <param name="Skills">The school's skills as stored.</param>
/// <param name="Stored">The course's plan as stored, or null before its first save.</param>
/// <param name="Plan">The plan compiled against the course and the skills.</param>
internal sealed record CourseDesign(IReadOnlyList<SkillDocument> Skills, CoursePlanDocument? Stored, CompiledPlan Plan)
{
    /// <summary>Reads the design of the unit of work's course.</summary>
    public static async Task<CourseDesign> LoadAsync(IUnitOfWork work, CancellationToken cancellationToken)
    {
        var course = work.Course ?? throw new InvalidOperationException("A course's design is read in a unit of work on a course.");
        var school = course.School;
        var skills = await work.Documents<SkillDocument>().Where(s => s.School == school).ListAsync(cancellationToken).ConfigureAwait(false);
        var stored = await work.Documents<CoursePlanDocument>().FindAsync(p => p.Course == course.Id, cancellationToken).ConfigureAwait(false);
        var graph = SkillGraph.Create(skills.Select(s => s.ToSkill()));
        return new CourseDesign(skills, stored, CompiledPlan.Create(course, graph, stored?.ToPlan() ?? CoursePlan.Empty(course.Id)));
    }

    /// <summary>A pupil's records in the course: their evidence, the teachers' decisions and their choices, in one read.</summary>
    public async Task<PupilRecords> RecordsOfAsync(IUnitOfWork work, Core.Identifiers.PersonId pupil, CancellationToken cancellationToken)
    {
        var course = Plan.Course.Id;
        var batch = new DocumentBatch();
        var evidence = batch.Add(work.Documents<EvidenceDocument>().Where(e => e.Course == course && e.Pupil == pupil));
        var overrides = batch.Add(work.Documents<OverrideDocument>().Where(o => o.Course == course && o.Pupil == pupil));
        var choices = batch.Add(work.Documents<ChoiceDocument>().Where(c => c.Course == course && c.Pupil == pupil));
        await batch.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new PupilRecords(batch.Get(evidence), batch.Get(overrides), batch.Get(choices));
    }

    /// <summary>A pupil's state in the course from their records.</summary>
    public PupilState StateOf(PupilRecords records) =>
        MasteryBook.StateOf(Plan, records.Evidence, records.Overrides.Select(o => (o.Activity, new StepOverride(o.Kind, o.Reason))), records.Choices.Select(c => c.Activity));
}

/// <summary>A pupil's records in a course.</summary>
/// <param name="Evidence">Their evidence.</param>
/// <param name="Overrides">The teachers' decisions for them.</param>
/// <param name="Choices">Their choices among equivalent activities.</param>
internal sealed record PupilRecords(IReadOnlyList<EvidenceDocument> Evidence, IReadOnlyList<OverrideDocument> Overrides, IReadOnlyList<ChoiceDocument> Choices);
