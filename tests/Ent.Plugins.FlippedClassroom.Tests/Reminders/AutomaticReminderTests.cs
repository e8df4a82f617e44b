using Ent.Core.Calendar;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Reminders;
using Ent.Plugins.FlippedClassroom.Sessions;

namespace Ent.Plugins.FlippedClassroom.Tests.Reminders;

/// <summary>
/// The reminders the plugin sends on its own, through the platform's recurring task: six hours before a published check is due (at
/// 19:00 the evening before when that falls in the night), once, to the pupils who have not answered, never to their families.
/// </summary>
public sealed class AutomaticReminderTests
{
    /// <summary>Next Thursday's check, due 12 hours before 10:00: Wednesday 2 December at 22:00 in Paris (21:00 UTC); reminded at 16:00 (15:00 UTC).</summary>
    private static readonly DateTimeOffset RemindedAt = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pupils_who_have_not_prepared_are_reminded_six_hours_before_the_deadline_once_and_never_their_families()
    {
        await using var host = await FlippedHost.StartAsync();
        await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));
        await host.AnswerAsync(host.World.Learner, 1, 6);

        host.World.Time.SetUtcNow(RemindedAt.AddMinutes(-16));
        await Task.Delay(200);
        var before = await host.InboxOf(host.World.Classmate);
        host.World.Time.Advance(TimeSpan.FromMinutes(16));
        await UntilAsync(async () => (await host.InboxOf(host.World.Classmate)).Count == 2);
        host.World.Time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(200);

        Assert.Single(before); // the publication's
        var inbox = await host.InboxOf(host.World.Classmate);
        Assert.Equal(2, inbox.Count);
        Assert.Equal("Rappel : Les fractions égales est à préparer", inbox[0].Notification.Title.French);
        Assert.Single(await host.InboxOf(host.World.Learner)); // she had prepared
        Assert.Empty(await host.InboxOf(host.World.Parent));
    }

    [Fact]
    public async Task A_session_the_teacher_has_reminded_is_not_reminded_again()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));
        await host.Sessions.RemindAsync(host.Teacher, host.Course.Id, flipped.Id);

        host.World.Time.SetUtcNow(RemindedAt.AddMinutes(30));
        await Task.Delay(300);

        Assert.Equal(2, (await host.InboxOf(host.World.Classmate)).Count); // the publication and the teacher's reminder
    }

    [Theory]
    [InlineData(10, 12, "2026-12-02T16:00")] // due 22:00: six hours before
    [InlineData(8, 1, "2026-12-02T19:00")] // due 07:00: 01:00 is in the night, so 19:00 the evening before
    [InlineData(10, 10, "2026-12-02T18:00")] // due 00:00: 18:00 is fine
    public void The_reminder_comes_six_hours_before_the_deadline_out_of_the_night(int starts, int hoursBefore, string expected)
    {
        var session = new Session(default, default, default, default, new Ent.Core.Courses.Subject("M", "Maths"), default, null, FlippedHost.NextThursday,
            new TimeOnly(starts, 0), new TimeOnly(starts + 1, 0), FlippedHost.NextThursday, null);
        var timing = SessionTiming.Of(session, hoursBefore, 0, SchoolTime.Paris);

        var at = ReminderTask.RemindAt(timing, SchoolTime.Paris);

        Assert.Equal(expected, TimeZoneInfo.ConvertTime(at, SchoolTime.Paris).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition(), "the reminder did not come");
    }
}
