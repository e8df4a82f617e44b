using System.Collections.Immutable;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Samples.PrepareFirst;
using Microsoft.Extensions.Options;

namespace Ent.Samples.Tests.PrepareFirst;

public sealed class PrepareFirstStrategyTests
{
    private static readonly Activity Session = Activity.Create("Atelier", ActivityKind.InClassSession);
    private static readonly Activity Video = Activity.Create("Vidéo", ActivityKind.Video);
    private static readonly Activity Quiz = Activity.Create("Quiz", PrepareFirstPlugin.ReadinessQuiz);
    private static readonly Course Course = new(CourseId.New(), SchoolId.New(), CourseAudience.ForClass(ClassId.New()), new Subject("M", "Maths"), "Fractions",
        [new Sequence(SequenceId.New(), "S", [Session, Video, Quiz])]);

    private readonly PrepareFirstStrategy _strategy = new(Options.Create(new PrepareFirstOptions()));

    [Fact]
    public void Proposes_the_preparation_then_the_readiness_check_then_the_session_whatever_the_course_order()
    {
        var proposal = _strategy.ProposeFor(Situation());

        Assert.Equal([Video.Id, Quiz.Id, Session.Id], proposal.Next.Select(p => p.Activity));
    }

    [Fact]
    public void A_readiness_quiz_below_the_threshold_sends_the_learner_back_to_the_preparation()
    {
        var proposal = _strategy.ProposeFor(Situation(
            (Video, CompletionStatus.Completed, null),
            (Quiz, CompletionStatus.Completed, new Score(5, 10))));

        Assert.Equal([Video.Id, Session.Id], proposal.Next.Select(p => p.Activity));
        Assert.Equal("Readiness quiz below the threshold: review the preparation.", proposal.Next[0].Reason.English);
    }

    [Fact]
    public void A_readiness_quiz_at_the_threshold_leads_to_the_session()
    {
        var proposal = _strategy.ProposeFor(Situation(
            (Video, CompletionStatus.Completed, null),
            (Quiz, CompletionStatus.Completed, new Score(6, 10))));

        Assert.Equal([Session.Id], proposal.Next.Select(p => p.Activity));
    }

    private static LearnerSituation Situation(params (Activity Activity, CompletionStatus Status, Score? Score)[] progress)
    {
        var learner = PersonId.New();
        return new(Course, learner, progress.ToImmutableDictionary(
            p => p.Activity.Id,
            p => new ActivityProgress(learner, p.Activity.Id, p.Status, DateTimeOffset.UnixEpoch, p.Score is { } s ? [new ScoreEvidence(s)] : [])));
    }
}
