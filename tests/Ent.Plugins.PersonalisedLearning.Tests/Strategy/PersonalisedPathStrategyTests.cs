using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.PersonalisedLearning.Tests.Strategy;

public sealed class PersonalisedPathStrategyTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IPedagogicalStrategy Strategy => _host.Get<IServiceProvider>().GetServices<IPedagogicalStrategy>().Single(s => s.Id == "personalised-paths");

    private static LearnerSituation Situation(Course course, PersonId learner, params (Activity Activity, decimal[] Scores)[] progress) =>
        new(course, learner, progress.ToDictionary(p => p.Activity.Id, p => new ActivityProgress(learner, p.Activity.Id, CompletionStatus.Completed,
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), [.. p.Scores.Select(s => (Ent.Core.Learning.Evidence)new ScoreEvidence(new Score(s, 1)))])));

    [Fact]
    public void Without_a_skill_map_an_activity_waits_until_those_it_needs_are_mastered_not_merely_completed()
    {
        var video = Activity.Create("Vidéo", ActivityKind.Video);
        var quiz = Activity.Create("Quiz", ActivityKind.Quiz) with { Prerequisites = [video.Id] };
        var course = new Course(CourseId.New(), _host.World.School.Id, CourseAudience.ForClass(_host.World.Class5B.Id), new Subject("MATHS", "Maths"), "Cours", [new Sequence(SequenceId.New(), "S", [video, quiz])]);

        var once = Strategy.ProposeFor(Situation(course, _host.World.Learner.Id, (video, [1m])));
        var mastered = Strategy.ProposeFor(Situation(course, _host.World.Learner.Id, (video, [1m, 1m, 1m, 1m])));

        Assert.Equal([video.Id], once.Next.Select(n => n.Activity));
        Assert.Equal("A little more practice: you are at 60% on Vidéo.", once.Next[0].Reason.English);
        Assert.Equal([quiz.Id], mastered.Next.Select(n => n.Activity));
    }

    [Fact]
    public async Task On_behalf_of_an_actor_it_proposes_the_path_the_plugin_keeps()
    {
        await _host.Paths.DecideAsync(_host.Teacher, _host.Fractions.Course.Id,
            new Ent.Plugins.PersonalisedLearning.Paths.PathDecision(_host.Fractions.Simplify.Id, Ent.Plugins.PersonalisedLearning.Paths.OverrideKind.Pin, "à finir", [_host.World.Learner.Id]));

        var proposal = await Strategy.ProposeForAsync(_host.Teacher, Situation(_host.Fractions.Course, _host.World.Learner.Id));

        Assert.Equal(_host.Fractions.Simplify.Id, proposal.Next[0].Activity);
        Assert.Equal("Your teacher chose it for you: à finir", proposal.Next[0].Reason.English);
    }

    [Fact]
    public async Task On_behalf_of_an_actor_it_checks_their_rights_on_the_pupil()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await Strategy.ProposeForAsync(TestWorld.As(_host.World.Classmate), Situation(_host.Fractions.Course, _host.World.Learner.Id)));
    }

    [Fact]
    public async Task A_class_is_grouped_by_the_first_activity_of_each_path()
    {
        await _host.AnswerAsync(_host.Fractions.Video, 1, times: 4);
        var situation = new ClassSituation(_host.Fractions.Course, [Situation(_host.Fractions.Course, _host.World.Learner.Id), Situation(_host.Fractions.Course, _host.World.Classmate.Id)]);

        var groupings = (await Strategy.ProposeForAsync(_host.Teacher, situation)).Groupings;

        Assert.Equal(ImmutableHashSet.Create<ActivityId?>(_host.Fractions.Lesson.Id, _host.Fractions.Video.Id), groupings.Select(g => g.Activity).ToImmutableHashSet());
    }
}
