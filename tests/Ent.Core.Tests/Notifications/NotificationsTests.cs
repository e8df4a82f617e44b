using Ent.Core.Identifiers;
using Ent.Core.Notifications;
using Ent.Core.Organisation;
using Ent.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Core.Tests.Notifications;

/// <summary>Notifications go into the recipient's inbox and through every channel a host added; a person reads and marks only their own.</summary>
public sealed class NotificationsTests
{
    private readonly TestWorld _world = new();

    private INotifications Notifications(params INotificationChannel[] channels)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_world.Directory);
        foreach (var channel in channels)
        {
            services.AddSingleton(channel);
        }

        services.AddEntCore();
        return services.BuildServiceProvider().GetRequiredService<INotifications>();
    }

    private Notification Absence(PersonId recipient, int minute = 0) => new(recipient, _world.School.Id, "attendance.absence",
        new LocalizedText("Absence de Lina", "Lina was absent"), new LocalizedText("Lina était absente à 8 h.", "Lina was absent at 8 am."), "/attendance/pupils/1",
        new DateTimeOffset(2026, 11, 26, 8, minute, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_notification_sent_is_in_the_recipients_inbox_newest_first_and_unread()
    {
        var notifications = Notifications();
        await notifications.SendAsync(_world.Department.Id, Absence(_world.Parent.Id, minute: 5));
        var later = await notifications.SendAsync(_world.Department.Id, Absence(_world.Parent.Id, minute: 10));

        var inbox = await notifications.InboxAsync(TestWorld.As(_world.Parent));

        Assert.Equal(2, inbox.Count);
        Assert.Equal(later.Id, inbox[0].Notification.Id);
        Assert.All(inbox, n => Assert.False(n.Read));
    }

    [Fact]
    public async Task A_person_reads_and_marks_only_their_own_notifications()
    {
        var notifications = Notifications();
        var sent = await notifications.SendAsync(_world.Department.Id, Absence(_world.Parent.Id));

        Assert.Empty(await notifications.InboxAsync(TestWorld.As(_world.Teacher)));
        await Assert.ThrowsAsync<UnknownReferenceException>(() => notifications.MarkReadAsync(TestWorld.As(_world.Teacher), sent.Id));
        await notifications.MarkReadAsync(TestWorld.As(_world.Parent), sent.Id);

        Assert.True(Assert.Single(await notifications.InboxAsync(TestWorld.As(_world.Parent))).Read);
    }

    [Fact]
    public async Task A_failing_channel_is_reported_and_the_others_and_the_inbox_still_have_it()
    {
        var sms = new RecordingChannel("sms");
        var notifications = Notifications(new FailingChannel(), sms);

        var sent = await notifications.SendAsync(_world.Department.Id, Absence(_world.Parent.Id));

        Assert.Equal(["email: the mail server refused the message"], sent.FailedChannels);
        Assert.Equal([sent.Id], sms.Sent.Select(n => n.Id));
        Assert.Single(await notifications.InboxAsync(TestWorld.As(_world.Parent)));
    }

    [Fact]
    public async Task A_notification_for_someone_of_another_department_is_refused()
    {
        var notifications = Notifications();

        await Assert.ThrowsAsync<UnknownReferenceException>(() => notifications.SendAsync(_world.Department.Id, Absence(_world.OtherDepartmentAdmin.Id)));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("attendance")]
    public void A_link_outside_the_ENT_is_refused_naming_it(string link)
    {
        var error = Assert.Throws<ArgumentException>(() => new Notification(_world.Parent.Id, null, "attendance.absence", new LocalizedText("Absence"), new LocalizedText("Absence"), link, DateTimeOffset.UnixEpoch));

        Assert.Contains(link, error.Message);
    }

    private sealed class FailingChannel : INotificationChannel
    {
        public string Name => "email";

        public Task DeliverAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the mail server refused the message");
    }

    private sealed class RecordingChannel(string name) : INotificationChannel
    {
        public List<Notification> Sent { get; } = [];

        public string Name => name;

        public Task DeliverAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken)
        {
            Sent.Add(notification);
            return Task.CompletedTask;
        }
    }
}
