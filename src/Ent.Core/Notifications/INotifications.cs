using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Notifications;

/// <summary>
/// Tells people things: each notification goes to the recipient's in-app inbox (which the web host shows), then to every channel a
/// host added (e-mail, SMS). A person reads only their own inbox.
/// </summary>
public interface INotifications
{
    /// <summary>Sends a notification: into the recipient's inbox, then through every channel; a channel's failure is reported, never thrown.</summary>
    /// <param name="department">The recipient's department.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <returns>Its id and the channels that failed.</returns>
    /// <exception cref="Organisation.UnknownReferenceException">The recipient is not a person of that department.</exception>
    Task<NotificationSent> SendAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken = default);

    /// <summary>The actor's own notifications, newest first.</summary>
    /// <param name="actor">Who reads their inbox.</param>
    /// <param name="take">How many, from 1 to 200.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task<IReadOnlyList<ReceivedNotification>> InboxAsync(Actor actor, int take = 50, CancellationToken cancellationToken = default);

    /// <summary>Marks one of the actor's notifications read.</summary>
    /// <param name="actor">Who read it.</param>
    /// <param name="notification">Its id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="Organisation.UnknownReferenceException">The actor has no such notification (another person's is none of theirs).</exception>
    Task MarkReadAsync(Actor actor, Guid notification, CancellationToken cancellationToken = default);
}

/// <summary>A way of sending notifications beyond the inbox, added by a host: e-mail, SMS.</summary>
public interface INotificationChannel
{
    /// <summary>The channel's name, for reports (<c>email</c>).</summary>
    string Name { get; }

    /// <summary>Sends a notification to its recipient.</summary>
    /// <param name="department">The recipient's department.</param>
    /// <param name="notification">The notification (already in the inbox).</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    Task DeliverAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken);
}

/// <summary>Where the in-app inbox keeps notifications: in memory, or a storage engine's documents.</summary>
public interface INotificationInbox
{
    /// <summary>Keeps a notification.</summary>
    Task AddAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken);

    /// <summary>A person's notifications, newest first.</summary>
    Task<IReadOnlyList<ReceivedNotification>> OfAsync(DepartmentId department, PersonId recipient, int take, CancellationToken cancellationToken);

    /// <summary>Marks a person's notification read; false when they have none of that id.</summary>
    Task<bool> MarkReadAsync(DepartmentId department, PersonId recipient, Guid notification, CancellationToken cancellationToken);
}
