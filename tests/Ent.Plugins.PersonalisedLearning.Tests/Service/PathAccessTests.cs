using Ent.Core.Access;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Sdk.Enablement;
using Ent.TestSupport;

namespace Ent.Plugins.PersonalisedLearning.Tests.Service;

public sealed class PathAccessTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<LearningPath> PathAsync(Ent.Core.Organisation.Person viewer, Ent.Core.Organisation.Person pupil) =>
        _host.Paths.PathOfAsync(TestWorld.As(viewer), _host.Fractions.Course.Id, pupil.Id);

    [Fact]
    public async Task A_pupil_sees_their_own_path()
    {
        var path = await PathAsync(_host.World.Learner, _host.World.Learner);

        Assert.Equal("Benali Lina", path.PupilName);
    }

    [Fact]
    public async Task A_pupil_does_not_see_a_classmates_path()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => PathAsync(_host.World.Learner, _host.World.Classmate));
    }

    [Fact]
    public async Task A_parent_sees_their_childs_path_and_not_another_pupils()
    {
        await PathAsync(_host.World.Parent, _host.World.Learner);

        await Assert.ThrowsAsync<AccessDeniedException>(() => PathAsync(_host.World.Parent, _host.World.Classmate));
    }

    [Fact]
    public async Task The_courses_teacher_sees_any_of_its_pupils()
    {
        await PathAsync(_host.World.Teacher, _host.World.Classmate);
    }

    [Fact]
    public async Task A_pupil_of_another_class_is_not_a_pupil_of_the_course()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => PathAsync(_host.World.Teacher, _host.World.LearnerOf4A));
    }

    [Fact]
    public async Task The_head_of_another_school_sees_no_path()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => PathAsync(_host.World.HeadOfOtherSchool, _host.World.Learner));
    }

    [Fact]
    public async Task A_pupil_does_not_answer_for_a_classmate()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.Paths.RecordAnswerAsync(_host.Pupil, _host.Fractions.Course.Id, _host.Fractions.Video.Id, _host.World.Classmate.Id, new ActivityAnswer("a", 1)));
    }

    [Fact]
    public async Task A_parent_does_not_answer_for_their_child()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.Paths.RecordAnswerAsync(TestWorld.As(_host.World.Parent), _host.Fractions.Course.Id, _host.Fractions.Video.Id, _host.World.Learner.Id, new ActivityAnswer("a", 1)));
    }

    [Fact]
    public async Task A_pupil_neither_sees_the_class_map_nor_designs_the_course()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Paths.ClassOfAsync(_host.Pupil, _host.Fractions.Course.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Maps.SaveSkillAsync(_host.Pupil, _host.Fractions.Course.Id, new SkillDraft(null, "pourcentages", [])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Paths.DecideAsync(_host.Pupil, _host.Fractions.Course.Id,
            new PathDecision(_host.Fractions.Video.Id, OverrideKind.Skip, "déjà vu", [_host.World.Learner.Id])));
    }

    [Fact]
    public async Task A_parent_does_not_see_the_class_map()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.Paths.ClassOfAsync(TestWorld.As(_host.World.Parent), _host.Fractions.Course.Id));
    }

    [Fact]
    public async Task Nothing_is_served_once_the_plugin_is_off()
    {
        var world = new TestWorld();
        await using var host = await LearningHost.StartAsync(world, enabledUntil: DateOnly.FromDateTime(world.Time.GetUtcNow().DateTime));
        world.Time.Advance(TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<PluginDisabledException>(() => host.Paths.PathOfAsync(host.Pupil, host.Fractions.Course.Id, world.Learner.Id));
        await Assert.ThrowsAsync<PluginDisabledException>(() => host.AnswerAsync(host.Fractions.Video, 1));
    }
}
