using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Notifications;

/// <summary>Sends into the inbox then through each channel (a channel's failure is reported, not thrown); reads the actor's own inbox only.</summary>
internal sealed class NotificationCenter(IOrganisationDirectory directory, INotificationInbox inbox, IEnumerable<INotificationChannel> channels) : INotifications
{
    private readonly INotificationChannel[] _channels = [.. channels];

    public async Task<NotificationSent> SendAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (directory.FindPerson(notification.Recipient) is not { } person || person.Department != department)
        {
            throw new UnknownReferenceException("person", notification.Recipient.Value);
        }

        await inbox.AddAsync(department, notification, cancellationToken).ConfigureAwait(false);
        var failed = new List<string>();
        foreach (var channel in _channels)
        {
            try
            {
                await channel.DeliverAsync(department, notification, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed.Add($"{channel.Name}: {exception.Message}");
            }
        }

        return new NotificationSent(notification.Id, failed);
    }

    public Task<IReadOnlyList<ReceivedNotification>> InboxAsync(Actor actor, int take = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, 200);
        return inbox.OfAsync(actor.Department, actor.Person, take, cancellationToken);
    }

    public async Task MarkReadAsync(Actor actor, Guid notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await inbox.MarkReadAsync(actor.Department, actor.Person, notification, cancellationToken).ConfigureAwait(false))
        {
            throw new UnknownReferenceException("notification", notification);
        }
    }
}
