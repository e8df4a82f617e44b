using Ent.Core.Access;
using Ent.Plugins.FlippedClassroom.Plans;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.TestSupport;

namespace Ent.Plugins.FlippedClassroom.Tests.Plans;

public sealed class SessionPlanTests
{
    [Fact]
    public async Task Before_class_the_teacher_knows_who_prepared_and_who_did_not()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6);

        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Equal([("Benali Lina", true), ("Martin Hugo", false)], plan.Pupils.Select(p => (p.Name, p.Readiness.Prepared)));
        Assert.Equal([0, 0, 0, 1], plan.Readiness.Distribution.ToArray());
    }

    [Fact]
    public async Task The_most_missed_question_comes_first_with_the_wrong_answer_chosen_most_and_peer_instructions_suggestion()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 0, 6);
        await host.AnswerAsync(host.World.Classmate, 0, 5);

        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);
        var first = plan.Readiness.Questions[0];

        Assert.Equal("Quelle fraction est égale à 1/2 ?", first.Question.Prompt);
        Assert.Equal(("2/3", 2, Suggestion.ExplainAgain), (first.MostChosenWrong, first.MostChosenWrongCount, first.Suggestion));
        Assert.Equal(Suggestion.DiscussInPairs, plan.Readiness.Questions[1].Suggestion); // the number: one right out of two
    }

    [Fact]
    public async Task A_short_answer_counts_once_the_teacher_marks_it()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6, "Le nombre de parts du tout.");

        var before = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);
        await host.Sessions.MarkAsync(host.Teacher, host.Course.Id, flipped.Id, CheckPart.Readiness, host.World.Learner.Id, FlippedHost.Check[2].Id, right: true);
        var after = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        var toMark = Assert.Single(before.ShortAnswers);
        Assert.Equal(("Le nombre de parts du tout.", (bool?)null), (toMark.Text, toMark.Mark));
        Assert.Equal([FlippedHost.Check[2].Id], before.Pupils.Single(p => p.Name == "Benali Lina").ToMark.ToArray());
        Assert.True(Assert.Single(after.ShortAnswers).Mark);
        Assert.Equal(1.0, after.Pupils.Single(p => p.Name == "Benali Lina").Readiness.Score);
    }

    [Fact]
    public async Task A_short_answer_answered_again_loses_its_mark()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6, "Le bas.");
        await host.Sessions.MarkAsync(host.Teacher, host.Course.Id, flipped.Id, CheckPart.Readiness, host.World.Learner.Id, FlippedHost.Check[2].Id, right: false);

        await host.AnswerAsync(host.World.Learner, 1, 6, "Le nombre de parts égales du tout.");
        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Null(Assert.Single(plan.ShortAnswers).Mark);
    }

    [Fact]
    public async Task A_short_answer_keeps_its_mark_when_other_answers_change()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 0, 6, "Le nombre de parts du tout.");
        await host.Sessions.MarkAsync(host.Teacher, host.Course.Id, flipped.Id, CheckPart.Readiness, host.World.Learner.Id, FlippedHost.Check[2].Id, right: true);

        await host.AnswerAsync(host.World.Learner, 1, 6);
        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.True(Assert.Single(plan.ShortAnswers).Mark);
        Assert.Equal(1.0, plan.Pupils.Single(p => p.Name == "Benali Lina").Readiness.Score);
    }

    [Fact]
    public async Task Only_a_short_answer_can_be_marked()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.MarkAsync(host.Teacher, host.Course.Id, flipped.Id, CheckPart.Readiness, host.World.Learner.Id, FlippedHost.Check[0].Id, right: true));

        Assert.Contains("not a short-text question", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_may_not_read_the_plan_or_mark()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.PlanAsync(host.Pupil, host.Course.Id, flipped.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.MarkAsync(host.Pupil, host.Course.Id, flipped.Id, CheckPart.Readiness, host.World.Learner.Id, FlippedHost.Check[2].Id, true));
    }

    [Fact]
    public async Task The_plan_shows_the_time_each_pupil_spent_on_the_resources()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        foreach (var resource in flipped.Content.Resources)
        {
            await host.Sessions.OpenResourceAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, resource.Id);
            host.World.Time.Advance(TimeSpan.FromMinutes(6));
            await host.Sessions.ResourceDoneAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, resource.Id);
        }

        await host.AnswerAsync(host.World.Learner, 1, 6);
        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Equal(TimeSpan.FromMinutes(12), plan.Pupils.Single(p => p.Name == "Benali Lina").Readiness.TimeOnResources);
    }

    [Fact]
    public async Task After_class_the_plan_sums_up_the_exit_ticket()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero));
        await host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, CheckPart.ExitTicket, [new(flipped.Content.ExitTicket[0].Id, Option: 1)]);

        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Equal(SessionPhase.After, plan.Session.Phase);
        var question = Assert.Single(plan.ExitTicket.Questions);
        Assert.Equal(("Pas encore", 1), (question.MostChosenWrong, question.MostChosenWrongCount));
        Assert.Empty(plan.Readiness.Prepared);
    }

    [Fact]
    public async Task The_head_of_school_reads_the_week_of_flipped_sessions_with_their_readiness()
    {
        await using var host = await FlippedHost.StartAsync();
        await host.FlipAsync();
        await host.FlipAsync(session: host.SessionOf(host.Latin));
        await host.AnswerAsync(host.World.Learner, 0, 6);
        await host.AnswerAsync(host.World.Classmate, 0, 5);

        var week = await host.Sessions.WeekAsync(TestWorld.As(host.World.Head), host.World.School.Id, FlippedHost.NextThursday);

        Assert.Equal(new DateOnly(2026, 11, 30), week.Monday);
        Assert.Equal([("Fractions", "5e B", 2, 2, 1), ("Rome antique", "4e Latin", 1, 0, 0)], week.Sessions.Select(s => (s.CourseTitle, s.Audience, s.Pupils, s.Prepared, s.ToExplain)));
        Assert.Equal(0.25, week.Sessions[0].MeanScore);
    }

    [Fact]
    public async Task A_teacher_may_not_read_the_schools_week()
    {
        await using var host = await FlippedHost.StartAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.WeekAsync(host.Teacher, host.World.School.Id, FlippedHost.NextThursday));
    }
}
