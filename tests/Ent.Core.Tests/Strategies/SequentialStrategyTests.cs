using System.Collections.Immutable;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Strategies;

namespace Ent.Core.Tests.Strategies;

public sealed class SequentialStrategyTests
{
    private static readonly Activity Video = Activity.Create("Vidéo", ActivityKind.Video);
    private static readonly Activity Quiz = Activity.Create("Quiz", ActivityKind.Quiz) with { Prerequisites = [Video.Id] };
    private static readonly Activity Exercise = Activity.Create("Exercices", ActivityKind.Exercise);
    private static readonly Course Course = new(CourseId.New(), SchoolId.New(), CourseAudience.ForClass(ClassId.New()), new Subject("MATHS", "Maths"), "Fractions",
        [new Sequence(SequenceId.New(), "S1", [Video, Quiz, Exercise])]);

    private readonly IPedagogicalStrategy _strategy = new SequentialStrategy();

    [Fact]
    public void Proposes_the_unfinished_activities_in_course_order_skipping_those_whose_prerequisites_are_not_done()
    {
        var proposal = _strategy.ProposeFor(Situation(PersonId.New()));

        Assert.Equal([Video.Id, Exercise.Id], proposal.Next.Select(p => p.Activity));
    }

    [Fact]
    public void Proposes_an_activity_once_its_prerequisites_are_completed()
    {
        var proposal = _strategy.ProposeFor(Situation(PersonId.New(), (Video, CompletionStatus.Completed)));

        Assert.Equal([Quiz.Id, Exercise.Id], proposal.Next.Select(p => p.Activity));
    }

    [Fact]
    public void Says_why_an_activity_is_proposed()
    {
        var proposal = _strategy.ProposeFor(Situation(PersonId.New(), (Video, CompletionStatus.InProgress)));

        Assert.Equal("Activité commencée à terminer.", proposal.Next[0].Reason.French);
        Assert.Equal("Next activity in the course.", proposal.Next[1].Reason.English);
    }

    [Fact]
    public void Proposes_nothing_once_everything_is_completed()
    {
        var done = _strategy.ProposeFor(Situation(PersonId.New(), (Video, CompletionStatus.Completed), (Quiz, CompletionStatus.Completed), (Exercise, CompletionStatus.Completed)));

        Assert.Empty(done.Next);
    }

    [Fact]
    public void Groups_a_class_by_the_activity_each_learner_should_do_next()
    {
        var (ahead, behind, alsoBehind) = (PersonId.New(), PersonId.New(), PersonId.New());
        var situation = new ClassSituation(Course,
        [
            Situation(ahead, (Video, CompletionStatus.Completed)),
            Situation(behind),
            Situation(alsoBehind, (Video, CompletionStatus.InProgress)),
        ]);

        var proposal = _strategy.ProposeFor(situation);

        Assert.Equal("sequential", proposal.Strategy);
        Assert.Equal([ahead], proposal.Groupings.Single(g => g.Activity == Quiz.Id).Learners.ToArray());
        Assert.Equal([behind, alsoBehind], proposal.Groupings.Single(g => g.Activity == Video.Id).Learners.ToArray());
    }

    private static LearnerSituation Situation(PersonId learner, params (Activity Activity, CompletionStatus Status)[] progress) =>
        new(Course, learner, progress.ToImmutableDictionary(p => p.Activity.Id, p => new ActivityProgress(learner, p.Activity.Id, p.Status, DateTimeOffset.UnixEpoch, [])));
}
