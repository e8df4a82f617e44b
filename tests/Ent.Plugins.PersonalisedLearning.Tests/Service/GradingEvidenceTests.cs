using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Tests.Service;

public sealed class GradingEvidenceTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync(withGrading: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Fractions Fractions => _host.Fractions;

    private IGradebook Gradebook => _host.Get<IGradebook>();

    private async Task<Assessment> AssessmentAsync(string title) =>
        await Gradebook.CreateAssessmentAsync(_host.Teacher, new AssessmentDraft(Fractions.Course.Id, _host.World.Year.Periods[0].Id, title, new DateOnly(2026, 11, 20)));

    private Task MarkAsync(Assessment assessment, decimal? points, PersonId? pupil = null) =>
        Gradebook.RecordMarksAsync(_host.Teacher, Fractions.Course.Id, assessment.Id,
            new Dictionary<PersonId, Mark?> { [pupil ?? _host.World.Learner.Id] = points is { } p ? Mark.Of(p, assessment.Scale) : null });

    private Task LinkAsync(Assessment assessment, params Ent.Plugins.PersonalisedLearning.Skills.SkillId[] skills) =>
        _host.Maps.SavePlanAsync(_host.Teacher, Fractions.Plan with { Assessments = [new AssessmentLink(assessment.Id, assessment.Title, [.. skills], 0.5)] });

    private async Task<SkillMastery> EquivalentAsync(PersonId? pupil = null) =>
        (await _host.Paths.PathOfAsync(_host.Teacher, Fractions.Course.Id, pupil ?? _host.World.Learner.Id)).Skills.Single(s => s.Skill == Fractions.Equivalent.Id);

    [Fact]
    public async Task A_mark_on_a_linked_assessment_is_evidence_for_its_skills_as_it_arrives()
    {
        var test = await AssessmentAsync("Contrôle : fractions égales");
        await LinkAsync(test, Fractions.Equivalent.Id);

        await MarkAsync(test, 16);

        var skill = await EquivalentAsync();
        Assert.Equal((1, 0.6), (skill.Answers, Math.Round(skill.Mastery, 12)));
    }

    [Fact]
    public async Task A_mark_below_the_pass_score_counts_as_a_wrong_answer()
    {
        var test = await AssessmentAsync("Contrôle");
        await LinkAsync(test, Fractions.Equivalent.Id);

        await MarkAsync(test, 6);

        Assert.True((await EquivalentAsync()).Mastery < 0.2);
    }

    [Fact]
    public async Task Marks_given_before_the_assessment_was_linked_count_once_it_is()
    {
        var test = await AssessmentAsync("Contrôle");
        await MarkAsync(test, 16);
        await MarkAsync(test, 4, _host.World.Classmate.Id);

        await LinkAsync(test, Fractions.Equivalent.Id);

        Assert.Equal(1, (await EquivalentAsync()).Answers);
        Assert.True((await EquivalentAsync(_host.World.Classmate.Id)).Mastery < 0.2);
    }

    [Fact]
    public async Task A_corrected_mark_replaces_the_first_and_a_deleted_one_goes()
    {
        var test = await AssessmentAsync("Contrôle");
        await LinkAsync(test, Fractions.Equivalent.Id);
        await MarkAsync(test, 4);

        await MarkAsync(test, 16);
        Assert.Equal((1, 0.6), ((await EquivalentAsync()).Answers, Math.Round((await EquivalentAsync()).Mastery, 12)));

        await MarkAsync(test, null);
        Assert.Equal(0, (await EquivalentAsync()).Answers);
    }

    [Fact]
    public async Task The_skill_map_offers_the_courses_assessments_to_link()
    {
        var test = await AssessmentAsync("Contrôle");
        await MarkAsync(test, 12);

        var offered = Assert.Single((await _host.Maps.MapOfAsync(_host.Teacher, Fractions.Course.Id)).Assessments);

        Assert.Equal((test.Id, "Contrôle", 1), (offered.Id, offered.Title, offered.Marks));
    }

    [Fact]
    public async Task A_score_recorded_in_the_learner_records_of_Ent_Core_is_evidence_too()
    {
        await _host.Get<Ent.Core.Learning.ILearnerRecords>().RecordAsync(_host.Teacher, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id,
            Ent.Core.Learning.CompletionStatus.Completed, new Ent.Core.Learning.ScoreEvidence(new Ent.Core.Learning.Score(9, 10)));

        Assert.Equal(1, (await EquivalentAsync()).Answers);
    }
}
