using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Tests.Service;

public sealed class TeacherDecisionTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Fractions Fractions => _host.Fractions;

    [Fact]
    public async Task A_pin_puts_the_activity_first_for_the_pupil_with_its_reason_kept()
    {
        await _host.Paths.DecideAsync(_host.Teacher, Fractions.Course.Id, new PathDecision(Fractions.Simplify.Id, OverrideKind.Pin, "à finir avant jeudi", [_host.World.Learner.Id]));

        var first = (await _host.Paths.PathOfAsync(_host.Pupil, Fractions.Course.Id, _host.World.Learner.Id)).Next[0];
        var kept = Assert.Single(await _host.Paths.DecisionsOfAsync(_host.Teacher, Fractions.Course.Id));

        Assert.Equal(Fractions.Simplify.Id, first.Activity);
        Assert.Equal(("Benali Lina", "à finir avant jeudi", _host.World.Teacher.Id), (kept.PupilName, kept.Reason, kept.By));
        Assert.Single(_host.Events<LearningPathOverridden>());
    }

    [Fact]
    public async Task A_decision_for_a_group_applies_to_its_pupils_of_the_course()
    {
        var group = new TeachingGroup(Ent.Core.Identifiers.GroupId.New(), _host.World.School.Id, _host.World.Year.Id, "Soutien maths");
        _host.World.Directory.Add(group);
        var year = new DateRange(_host.World.Year.Dates.Begin, _host.World.Year.Dates.End);
        _host.World.Directory.Add(Enrolment.InGroup(_host.World.Classmate.Id, group, year));
        _host.World.Directory.Add(Enrolment.InGroup(_host.World.LearnerOf4A.Id, group, year));

        var count = await _host.Paths.DecideAsync(_host.Teacher, Fractions.Course.Id, new PathDecision(Fractions.Video.Id, OverrideKind.Skip, "vu en soutien", [], group.Id));

        Assert.Equal(1, count); // the 4e A pupil of the group is not a pupil of the course
        Assert.DoesNotContain((await _host.Paths.PathOfAsync(_host.Teacher, Fractions.Course.Id, _host.World.Classmate.Id)).Next, n => n.Activity == Fractions.Video.Id);
        Assert.Contains((await _host.Paths.PathOfAsync(_host.Teacher, Fractions.Course.Id, _host.World.Learner.Id)).Next, n => n.Activity == Fractions.Video.Id);
    }

    [Fact]
    public async Task A_decision_for_a_pupil_outside_the_course_is_refused_naming_them()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Paths.DecideAsync(_host.Teacher, Fractions.Course.Id,
            new PathDecision(Fractions.Video.Id, OverrideKind.Pin, "revoir", [_host.World.Learner.Id, _host.World.LearnerOf4A.Id])));

        Assert.Contains("Diallo Inès", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _host.Paths.DecisionsOfAsync(_host.Teacher, Fractions.Course.Id));
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Paths.DecideAsync(_host.Teacher, Fractions.Course.Id,
            new PathDecision(Fractions.Video.Id, OverrideKind.Skip, " ", [_host.World.Learner.Id])));
    }

    [Fact]
    public async Task A_decision_taken_back_leaves_the_path_as_the_engine_proposes_it()
    {
        await _host.Paths.DecideAsync(_host.Teacher, Fractions.Course.Id, new PathDecision(Fractions.Video.Id, OverrideKind.Skip, "vu", [_host.World.Learner.Id]));

        Assert.True(await _host.Paths.UndecideAsync(_host.Teacher, Fractions.Course.Id, Fractions.Video.Id, _host.World.Learner.Id));

        Assert.Equal(Fractions.Video.Id, (await _host.Paths.PathOfAsync(_host.Pupil, Fractions.Course.Id, _host.World.Learner.Id)).Next[0].Activity);
        Assert.Empty(await _host.Paths.DecisionsOfAsync(_host.Teacher, Fractions.Course.Id));
    }
}
