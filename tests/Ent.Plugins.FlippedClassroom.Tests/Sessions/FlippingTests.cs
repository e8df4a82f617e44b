using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Timetable;
using Ent.TestSupport;

namespace Ent.Plugins.FlippedClassroom.Tests.Sessions;

public sealed class FlippingTests
{
    [Fact]
    public async Task A_teacher_flips_a_session_of_their_timetable_and_finds_it_in_their_list()
    {
        await using var host = await FlippedHost.StartAsync();

        var flipped = await host.FlipAsync(publish: false);
        var list = await host.Sessions.TeachingAsync(host.Teacher, FlippedHost.NextThursday, 7);

        Assert.Equal(host.Course.Id, flipped.Course); // the course of the session's class and subject
        Assert.Equal("5e B", flipped.Audience);
        var maths = Assert.Single(list, s => s.Session.Id == flipped.Id);
        Assert.Equal(("Les fractions égales", false), (maths.Title, maths.Published));
        var latin = Assert.Single(list, s => s.Session.Slot == host.Latin.Id);
        Assert.Null(latin.Title);
        Assert.Equal(host.LatinCourse.Id, latin.Course);
    }

    [Fact]
    public async Task The_check_is_due_the_chosen_hours_before_class()
    {
        await using var host = await FlippedHost.StartAsync();

        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.FromHours(1)), flipped.Timing!.ReadinessDue);
        Assert.Equal(Ent.Plugins.FlippedClassroom.Sessions.SessionPhase.Before, flipped.Phase);
    }

    [Fact]
    public async Task A_session_moved_in_the_timetable_moves_its_deadline()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));

        await host.Get<ITimetables>().ChangeSessionAsync(TestWorld.As(host.World.Staff), host.World.School.Id, host.World.Year.Id,
            new SessionChange(host.Maths.Id, FlippedHost.NextThursday, movedTo: FlippedHost.NextThursday.AddDays(1), start: new(15, 0), end: new(16, 0)));
        var moved = await host.Sessions.FindAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Equal(FlippedHost.NextThursday.AddDays(1), moved!.Taught!.Date);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.FromHours(1)), moved.Timing!.ReadinessDue);
    }

    [Fact]
    public async Task A_cancelled_session_keeps_its_content_but_has_no_timing_and_takes_no_answers()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        await host.Get<ITimetables>().ChangeSessionAsync(TestWorld.As(host.World.Staff), host.World.School.Id, host.World.Year.Id,
            new SessionChange(host.Maths.Id, FlippedHost.NextThursday, cancelled: true));
        var cancelled = await host.Sessions.FindAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Null(cancelled!.Taught);
        Assert.Null(cancelled.Timing);
        Assert.Equal("Les fractions égales", cancelled.Content.Title);
        await Assert.ThrowsAsync<Ent.Core.Organisation.UnknownReferenceException>(() => host.AnswerAsync(host.World.Learner, 1, 6, flipped: flipped));
    }

    [Fact]
    public async Task A_draft_without_a_question_is_refused_and_nothing_is_stored()
    {
        await using var host = await FlippedHost.StartAsync();
        var session = host.SessionOf();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.SaveAsync(host.Teacher, host.World.School.Id, session.Date, session.Id, FlippedHost.Draft() with { Check = [] }));

        Assert.Contains("1 to 20 questions; this one has 0", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Sessions.FindAsync(host.Teacher, host.Course.Id, session.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(73)]
    public async Task A_deadline_outside_1_to_72_hours_before_class_is_refused_naming_it(int hours)
    {
        await using var host = await FlippedHost.StartAsync();
        var session = host.SessionOf();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Sessions.SaveAsync(host.Teacher, host.World.School.Id, session.Date, session.Id, FlippedHost.Draft(hoursBefore: hours)));

        Assert.Contains($"{hours} is not that", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_link_that_is_not_https_is_refused_naming_it()
    {
        await using var host = await FlippedHost.StartAsync();
        var session = host.SessionOf();
        var draft = FlippedHost.Draft() with { Resources = [Ent.Plugins.FlippedClassroom.Sessions.Resource.Link("Vidéo", "javascript:alert(1)")] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.SaveAsync(host.Teacher, host.World.School.Id, session.Date, session.Id, draft));

        Assert.Contains("'javascript:alert(1)' is neither", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_not_taught_that_day_is_refused()
    {
        await using var host = await FlippedHost.StartAsync();
        var session = host.SessionOf();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.SaveAsync(host.Teacher, host.World.School.Id, session.Date.AddDays(1), session.Id, FlippedHost.Draft()));

        Assert.Contains("2026-12-04", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_whose_class_has_no_course_of_its_subject_is_refused_naming_them()
    {
        await using var host = await FlippedHost.StartAsync();
        await host.World.Courses.SaveAsync(host.World.Department.Id, new Course(host.Course.Id, host.Course.School, host.Course.Audience, new Subject("SVT", "SVT"), host.Course.Title, host.Course.Sequences));
        var session = host.SessionOf();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.SaveAsync(host.Teacher, host.World.School.Id, session.Date, session.Id, FlippedHost.Draft()));

        Assert.Contains("no course of Mathématiques for 5e B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_of_another_class_is_refused()
    {
        await using var host = await FlippedHost.StartAsync();
        var session = host.SessionOf();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.SaveAsync(host.Teacher, host.World.School.Id, session.Date, session.Id, FlippedHost.Draft(), host.LatinCourse.Id));

        Assert.Contains("'Rome antique' is not taught to 5e B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_may_not_flip_a_session()
    {
        await using var host = await FlippedHost.StartAsync();
        var session = host.SessionOf();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.SaveAsync(host.Pupil, host.World.School.Id, session.Date, session.Id, FlippedHost.Draft()));
    }

    [Fact]
    public async Task The_head_of_another_school_may_not_read_a_flipped_session()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Sessions.PlanAsync(TestWorld.As(host.World.HeadOfOtherSchool), host.Course.Id, flipped.Id));
    }

    [Fact]
    public async Task A_session_is_not_found_through_another_course()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        Assert.Null(await host.Sessions.FindAsync(host.Teacher, host.LatinCourse.Id, flipped.Id));
    }

    [Fact]
    public async Task Rewriting_a_session_keeps_its_publication_and_the_answers()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6);

        var rewritten = await host.FlipAsync(FlippedHost.Draft(title: "Fractions égales et simplification"), publish: false);
        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Equal("Fractions égales et simplification", rewritten.Content.Title);
        Assert.NotNull(rewritten.Published);
        Assert.Single(plan.Readiness.Prepared);
    }

    [Fact]
    public async Task Unflipping_a_session_removes_its_answers()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6);

        Assert.True(await host.Sessions.RemoveAsync(host.Teacher, host.Course.Id, flipped.Id));
        var again = await host.FlipAsync();
        var plan = await host.Sessions.PlanAsync(host.Teacher, host.Course.Id, again.Id);

        Assert.Empty(plan.Readiness.Prepared);
    }

    [Fact]
    public async Task Flipping_is_pedagogical_use()
    {
        await using var host = await FlippedHost.StartAsync();

        await host.FlipAsync();

        Assert.Equal(["saved", "published"], host.Events<FlippedSessionPlanned>().Select(e => e.Change));
        Assert.All(host.Events<FlippedSessionPlanned>(), e => Assert.Equal(Ent.Core.Events.UsageCategory.Pedagogical, e.Category));
    }

    [Fact]
    public async Task Nothing_is_flipped_where_the_plugin_is_off()
    {
        await using var host = await FlippedHost.StartAsync(enabledUntil: new DateOnly(2026, 11, 25));

        await Assert.ThrowsAsync<Ent.Sdk.Enablement.PluginDisabledException>(() => host.FlipAsync());
    }
}
