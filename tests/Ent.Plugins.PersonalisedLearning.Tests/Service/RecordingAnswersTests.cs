using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Tests.Service;

public sealed class RecordingAnswersTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Fractions Fractions => _host.Fractions;

    [Fact]
    public async Task An_answer_updates_the_pupils_mastery_and_path()
    {
        var path = await _host.AnswerAsync(Fractions.Video, 1);

        Assert.Equal(0.6, path.Skills.Single(s => s.Skill == Fractions.Equivalent.Id).Mastery, 12);
        Assert.Contains(path.Done, d => d.Activity == Fractions.Video.Id && d.Score == 1);
    }

    [Fact]
    public async Task The_same_answer_recorded_twice_counts_once()
    {
        var answer = new ActivityAnswer("attempt-1", 1);
        await _host.Paths.RecordAnswerAsync(_host.Pupil, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id, answer);

        var again = await _host.Paths.RecordAnswerAsync(_host.Pupil, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id, answer);

        Assert.Equal(1, again.Skills.Single(s => s.Skill == Fractions.Equivalent.Id).Answers);
        Assert.Single(_host.Events<LearningEvidenceRecorded>());
    }

    [Fact]
    public async Task A_corrected_score_replaces_the_first()
    {
        await _host.Paths.RecordAnswerAsync(_host.Teacher, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id, new ActivityAnswer("copie", 0.2));

        var corrected = await _host.Paths.RecordAnswerAsync(_host.Teacher, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id, new ActivityAnswer("copie", 0.9));

        var skill = corrected.Skills.Single(s => s.Skill == Fractions.Equivalent.Id);
        Assert.Equal(1, skill.Answers);
        Assert.Equal(0.6, skill.Mastery, 12);
    }

    [Fact]
    public async Task A_quiz_answers_count_question_by_question()
    {
        var pupil = _host.World.Learner.Id;
        foreach (var (item, score) in new[] { ("q1", 1.0), ("q2", 0.0), ("q3", 1.0) })
        {
            await _host.Paths.RecordAnswerAsync(_host.Pupil, Fractions.Course.Id, Fractions.Video.Id, pupil, new ActivityAnswer("quiz-1", score, item));
        }

        var path = await _host.Paths.PathOfAsync(_host.Pupil, Fractions.Course.Id, pupil);

        Assert.Equal(3, path.Skills.Single(s => s.Skill == Fractions.Equivalent.Id).Answers);
    }

    [Fact]
    public async Task An_answer_to_a_locked_activity_is_refused_naming_what_unlocks_it_and_nothing_is_recorded()
    {
        var error = await Assert.ThrowsAsync<ActivityLockedException>(() => _host.AnswerAsync(Fractions.Lesson, 1));

        Assert.Contains("'Leçon : comparer' is locked", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unlocks when you master fractions équivalentes to 95% (you are at 20%).", error.Message, StringComparison.Ordinal);
        var path = await _host.Paths.PathOfAsync(_host.Pupil, Fractions.Course.Id, _host.World.Learner.Id);
        Assert.DoesNotContain(path.Done, d => d.Activity == Fractions.Lesson.Id);
        Assert.Empty(_host.Events<LearningEvidenceRecorded>());
    }

    [Fact]
    public async Task A_gate_is_enforced_for_the_teacher_too()
    {
        await _host.AnswerAsync(Fractions.Video, 1, times: 4);
        await _host.AnswerAsync(Fractions.Lesson, 1, times: 4);

        await Assert.ThrowsAsync<ActivityLockedException>(() =>
            _host.Paths.RecordAnswerAsync(_host.Teacher, Fractions.Course.Id, Fractions.Test.Id, _host.World.Learner.Id, new ActivityAnswer("contrôle", 1)));
    }

    [Theory]
    [InlineData("", 0.5, null, "key")]
    [InlineData("k", 1.5, null, "1.5")]
    [InlineData("k", 0.5, " ", "item")]
    public async Task A_malformed_answer_is_refused_naming_the_value(string key, double score, string? item, string named)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            _host.Paths.RecordAnswerAsync(_host.Pupil, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id, new ActivityAnswer(key, score, item)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_not_linked_to_a_skill_is_refused_by_name()
    {
        var unlinked = Fractions.Plan with { Activities = Fractions.Plan.Activities.RemoveAt(1) };
        await _host.Maps.SavePlanAsync(_host.Teacher, unlinked);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.AnswerAsync(Fractions.Simplify, 1));

        Assert.Contains("'Exercices : simplifier' is not linked to any skill", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pupil_chooses_among_equivalent_activities()
    {
        await _host.AnswerAsync(Fractions.Video, 1, times: 4);
        await _host.AnswerAsync(Fractions.Lesson, 1, times: 4);

        var path = await _host.Paths.ChooseAsync(_host.Pupil, Fractions.Course.Id, Fractions.AddText.Id, _host.World.Learner.Id);

        Assert.Contains(path.Next, n => n.Activity == Fractions.AddText.Id);
        Assert.DoesNotContain(path.Next, n => n.Activity == Fractions.AddVideo.Id);
    }

    [Fact]
    public async Task Choosing_an_activity_outside_a_choice_set_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Paths.ChooseAsync(_host.Pupil, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id));

        Assert.Contains("nothing to choose", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_is_counted_as_pedagogical_use()
    {
        await _host.AnswerAsync(Fractions.Video, 1, times: 2);

        Assert.All(_host.Events<LearningEvidenceRecorded>(), e => Assert.Equal(Ent.Core.Events.UsageCategory.Pedagogical, e.Category));
        Assert.Equal(2, _host.Events<LearningEvidenceRecorded>().Count);
    }
}
