using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.TestSupport;

namespace Ent.Plugins.FlippedClassroom.Tests.Sessions;

public sealed class PreparingTests
{
    [Fact]
    public async Task A_pupil_sees_a_session_to_prepare_once_it_is_published()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(publish: false);

        Assert.Empty(await host.Sessions.ToPrepareAsync(host.Pupil, host.World.Learner.Id));
        await Assert.ThrowsAsync<UnknownReferenceException>(() => host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id));

        await host.Sessions.PublishAsync(host.Teacher, host.Course.Id, flipped.Id);
        var toPrepare = Assert.Single(await host.Sessions.ToPrepareAsync(host.Pupil, host.World.Learner.Id));

        Assert.Equal(("Les fractions égales", 0, 3), (toPrepare.Title, toPrepare.Answered, toPrepare.Questions));
        Assert.Equal(flipped.Timing!.ReadinessDue, toPrepare.Due);
    }

    [Fact]
    public async Task The_pupil_sees_the_questions_without_their_answers_before_the_deadline()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        var preparation = await host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id);

        Assert.True(preparation.CheckOpen);
        Assert.All(preparation.Check, q => Assert.Null(q.Correction));
        Assert.Equal(["2/3", "3/6", "1/3"], preparation.Check[0].Options.ToArray());
        Assert.Empty(preparation.InClass); // shown once the session has begun
    }

    [Fact]
    public async Task A_pupil_answers_until_the_deadline_each_answer_replacing_the_earlier_one_to_its_question()
    {
        await using var host = await FlippedHost.StartAsync();
        await host.FlipAsync();

        await host.AnswerAsync(host.World.Learner, 0, 5, "Le bas.");
        var again = await host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, host.SessionOf().Id, host.World.Learner.Id, CheckPart.Readiness,
            [new Answer(FlippedHost.Check[0].Id, Option: 1), new Answer(FlippedHost.Check[1].Id, Number: 6)]);

        Assert.Equal([1, null, null], again.Check.Select(q => q.Given?.Option));
        Assert.Equal(6m, again.Check[1].Given!.Number);
        Assert.Equal("Le bas.", again.Check[2].Given!.Text); // not answered this time: kept
        Assert.Equal(3, Assert.Single(await host.Sessions.ToPrepareAsync(host.Pupil, host.World.Learner.Id)).Answered);
    }

    [Fact]
    public async Task Answers_after_the_deadline_are_refused_naming_it_and_the_earlier_ones_stay()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));
        await host.AnswerAsync(host.World.Learner, 1, 6);
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 21, 0, 0, TimeSpan.Zero)); // 22:00 in Paris: due

        var error = await Assert.ThrowsAsync<CheckClosedException>(() => host.AnswerAsync(host.World.Learner, 0, 5));
        var preparation = await host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id);

        Assert.Contains("was due 2026-12-02 22:00", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, preparation.Check[0].Given!.Option);
        Assert.False(preparation.CheckOpen);
    }

    [Fact]
    public async Task After_the_deadline_the_pupil_sees_their_results_and_the_corrections()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));
        await host.AnswerAsync(host.World.Learner, 0, 6, "Le bas de la fraction.");
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 21, 0, 0, TimeSpan.Zero));

        var preparation = await host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id);

        Assert.Equal([Marking.Wrong, Marking.Right, Marking.ToMark], preparation.Check.Select(q => q.Result));
        Assert.Equal("3/6", preparation.Check[0].Correction);
    }

    [Fact]
    public async Task A_moved_session_takes_answers_until_its_new_deadline()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));
        await host.Get<ITimetables>().ChangeSessionAsync(TestWorld.As(host.World.Staff), host.World.School.Id, host.World.Year.Id,
            new SessionChange(host.Maths.Id, FlippedHost.NextThursday, movedTo: FlippedHost.NextThursday.AddDays(1)));
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)); // past the first deadline, before the new one

        var preparation = await host.AnswerAsync(host.World.Learner, 1, 6, flipped: flipped);

        Assert.True(preparation.CheckOpen);
    }

    [Fact]
    public async Task An_answer_that_does_not_fit_its_question_is_refused_naming_it_and_nothing_is_stored()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, CheckPart.Readiness,
            [new Answer(FlippedHost.Check[1].Id, Number: 6), new Answer(FlippedHost.Check[0].Id, Option: 7)]));
        var preparation = await host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id);

        Assert.Contains("one of its 3 options; 7 is not", error.Message, StringComparison.Ordinal);
        Assert.All(preparation.Check, q => Assert.Null(q.Given));
    }

    [Fact]
    public async Task A_question_answered_twice_is_refused()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, CheckPart.Readiness,
            [new Answer(FlippedHost.Check[0].Id, Option: 1), new Answer(FlippedHost.Check[0].Id, Option: 2)]));

        Assert.Contains("answered twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_may_not_answer_for_a_classmate()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Classmate.Id, CheckPart.Readiness,
            [new Answer(FlippedHost.Check[0].Id, Option: 1)]));
    }

    [Fact]
    public async Task A_pupil_not_of_the_sessions_group_may_not_answer_its_check()
    {
        await using var host = await FlippedHost.StartAsync();
        var latin = await host.FlipAsync(session: host.SessionOf(host.Latin));

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.PreparationAsync(host.Pupil, host.LatinCourse.Id, latin.Id, host.World.Learner.Id));
        var preparation = await host.Sessions.AnswerAsync(TestWorld.As(host.World.LearnerOf4A), host.LatinCourse.Id, latin.Id, host.World.LearnerOf4A.Id, CheckPart.Readiness,
            [new Answer(FlippedHost.Check[0].Id, Option: 1)]);

        Assert.Equal(1, preparation.Check[0].Given!.Option);
    }

    [Fact]
    public async Task A_pupil_who_leaves_the_class_before_the_session_may_not_answer()
    {
        var world = new TestWorld();
        await using var host = await FlippedHost.StartAsync(world);
        var leaver = new Person(Ent.Core.Identifiers.PersonId.New(), world.Department.Id, "Théo", "Petit");
        world.Directory.Add(leaver);
        world.Directory.Add(new RoleAssignment(leaver.Id, Role.Learner, AccessScope.OfClass(world.Department.Id, world.School.Id, world.Class5B.Id), new DateRange(world.Year.Dates.Begin, world.Year.Dates.End)));
        world.Directory.Add(Enrolment.InClass(leaver.Id, world.Class5B, new DateRange(world.Year.Dates.Begin, new DateOnly(2026, 11, 30))));
        var flipped = await host.FlipAsync();

        await Assert.ThrowsAsync<UnknownReferenceException>(() => host.Sessions.AnswerAsync(TestWorld.As(leaver), host.Course.Id, flipped.Id, leaver.Id, CheckPart.Readiness,
            [new Answer(FlippedHost.Check[0].Id, Option: 1)]));
        Assert.Empty(await host.Sessions.ToPrepareAsync(TestWorld.As(leaver), leaver.Id));
    }

    [Fact]
    public async Task A_parent_may_not_see_what_their_child_prepared()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.PreparationAsync(TestWorld.As(host.World.Parent), host.Course.Id, flipped.Id, host.World.Learner.Id));
    }

    [Fact]
    public async Task The_exit_ticket_opens_when_the_session_starts_and_closes_the_chosen_days_after()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        var ticket = new[] { new Answer(flipped.Content.ExitTicket[0].Id, Option: 0) };

        await Assert.ThrowsAsync<CheckClosedException>(() => host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, CheckPart.ExitTicket, ticket));
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero)); // after class
        var after = await host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, CheckPart.ExitTicket, ticket);
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero)); // 3 days after, 23:59 passed
        var error = await Assert.ThrowsAsync<CheckClosedException>(() => host.Sessions.AnswerAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, CheckPart.ExitTicket, ticket));

        Assert.True(after.ExitTicketOpen);
        Assert.Equal(["Vote sur la question 1", "Travail en groupes", "Mise en commun"], after.InClass.ToArray());
        Assert.Equal("Exercices 4 et 5 page 52", after.Homework);
        Assert.Contains("to 2026-12-06 23:59", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_on_a_resource_is_counted_from_opening_it_to_saying_it_is_done_at_most_two_hours_at_once()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        var video = flipped.Content.Resources[0].Id;

        await host.Sessions.OpenResourceAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, video);
        host.World.Time.Advance(TimeSpan.FromMinutes(9));
        var first = await host.Sessions.ResourceDoneAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, video);
        await host.Sessions.OpenResourceAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, video);
        host.World.Time.Advance(TimeSpan.FromHours(5));
        var total = await host.Sessions.ResourceDoneAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, video);

        Assert.Equal(TimeSpan.FromMinutes(9), first);
        Assert.Equal(TimeSpan.FromMinutes(129), total);
    }

    [Fact]
    public async Task A_resource_not_opened_cannot_be_done()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.ResourceDoneAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id, flipped.Content.Resources[1].Id));

        Assert.Contains("'Fiche de cours' was not opened", error.Message, StringComparison.Ordinal);
    }
}
