
namespace Ent.Plugins.PersonalisedLearning.Tests.Service;

public sealed class ClassMasteryTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_map_has_a_row_per_pupil_and_a_column_per_skill_of_the_course()
    {
        await _host.AnswerAsync(_host.Fractions.Video, 1, times: 2);

        var map = await _host.Paths.ClassOfAsync(_host.Teacher, _host.Fractions.Course.Id);

        Assert.Equal(["fractions équivalentes", "comparer des fractions", "additionner des fractions"], map.Skills.Select(s => s.Name));
        Assert.Equal(["Benali Lina", "Martin Hugo"], map.Pupils.Select(p => p.Name));
        Assert.True(map.Pupils[0].Mastery[0] > map.Pupils[1].Mastery[0]);
        Assert.Equal(2, map.Pupils[0].Answers[0]);
    }

    [Fact]
    public async Task A_pupil_whose_answers_keep_being_wrong_is_shown_stuck_on_the_skill()
    {
        await _host.AnswerAsync(_host.Fractions.Video, 0, times: 3, pupil: _host.World.Classmate);

        var stuck = Assert.Single((await _host.Paths.ClassOfAsync(_host.Teacher, _host.Fractions.Course.Id)).Stuck);

        Assert.Equal(("Martin Hugo", "fractions équivalentes", 3), (stuck.Name, stuck.SkillName, stuck.Answers));
    }

    [Fact]
    public async Task Pupils_proposed_the_same_activity_first_are_suggested_as_a_group()
    {
        await _host.AnswerAsync(_host.Fractions.Video, 1, times: 4);

        var groups = (await _host.Paths.ClassOfAsync(_host.Teacher, _host.Fractions.Course.Id)).Groups;

        Assert.Equal(2, groups.Length);
        Assert.Contains(groups, g => g.Activity == _host.Fractions.Lesson.Id && g.Pupils.SequenceEqual([_host.World.Learner.Id]));
        Assert.Contains(groups, g => g.Activity == _host.Fractions.Video.Id && g.Pupils.SequenceEqual([_host.World.Classmate.Id]));
    }

    [Fact]
    public async Task Other_plugins_read_each_pupils_mean_mastery_through_the_published_contracts()
    {
        await _host.AnswerAsync(_host.Fractions.Video, 1, times: 4);

        var levels = await _host.Get<Ent.Plugins.PersonalisedLearning.Contracts.IClassMastery>().LevelsAsync(_host.Teacher, _host.Fractions.Course.Id);
        var map = await _host.Paths.ClassOfAsync(_host.Teacher, _host.Fractions.Course.Id);

        Assert.Equal(map.Pupils.Select(p => (p.Pupil, p.Mastery.Average())), levels!.Select(l => (l.Pupil, l.Level)));
        Assert.Equal(4, levels!.Single(l => l.Pupil == _host.World.Learner.Id).Answers);
        await Assert.ThrowsAsync<Ent.Core.Access.AccessDeniedException>(() => _host.Get<Ent.Plugins.PersonalisedLearning.Contracts.IClassMastery>().LevelsAsync(_host.Pupil, _host.Fractions.Course.Id));
    }
}
