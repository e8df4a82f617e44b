using Ent.Plugins.FlippedClassroom.Sessions;

namespace Ent.Plugins.FlippedClassroom.Tests.Reminders;

public sealed class ReminderTests
{
    [Fact]
    public async Task Publishing_tells_each_pupil_what_to_prepare_by_when_and_never_their_family()
    {
        await using var host = await FlippedHost.StartAsync();

        await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));

        var told = Assert.Single(await host.InboxOf(host.World.Learner)).Notification;
        Assert.Equal("À préparer : Les fractions égales", told.Title.French);
        Assert.Contains("avant le mercredi 2 décembre à 22h00", told.Body.French, StringComparison.Ordinal);
        Assert.StartsWith("/flipped/prepare/", told.Link, StringComparison.Ordinal);
        Assert.Single(await host.InboxOf(host.World.Classmate));
        Assert.Empty(await host.InboxOf(host.World.Parent));
    }

    [Fact]
    public async Task Publishing_twice_tells_the_pupils_once()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();

        Assert.Equal(0, await host.Sessions.PublishAsync(host.Teacher, host.Course.Id, flipped.Id));
        Assert.Single(await host.InboxOf(host.World.Learner));
    }

    [Fact]
    public async Task A_reminder_goes_to_the_pupils_who_have_not_prepared_and_never_to_their_families()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync();
        await host.AnswerAsync(host.World.Learner, 1, 6);
        host.World.Time.Advance(TimeSpan.FromHours(8));

        var reminded = await host.Sessions.RemindAsync(host.Teacher, host.Course.Id, flipped.Id);

        Assert.Equal(1, reminded);
        Assert.Equal(["Rappel : Les fractions égales est à préparer", "À préparer : Les fractions égales"], (await host.InboxOf(host.World.Classmate)).Select(n => n.Notification.Title.French));
        Assert.Single(await host.InboxOf(host.World.Learner));
        Assert.Empty(await host.InboxOf(host.World.Parent));
        Assert.NotNull((await host.Sessions.FindAsync(host.Teacher, host.Course.Id, flipped.Id))!.RemindedAt);
    }

    [Fact]
    public async Task No_reminder_after_the_deadline()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(FlippedHost.Draft(hoursBefore: 12));
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 21, 0, 0, TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<CheckClosedException>(() => host.Sessions.RemindAsync(host.Teacher, host.Course.Id, flipped.Id));

        Assert.Contains("too late to remind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reminder_before_publication()
    {
        await using var host = await FlippedHost.StartAsync();
        var flipped = await host.FlipAsync(publish: false);

        await Assert.ThrowsAsync<CheckClosedException>(() => host.Sessions.RemindAsync(host.Teacher, host.Course.Id, flipped.Id));
        Assert.Empty(await host.InboxOf(host.World.Learner));
    }
}
