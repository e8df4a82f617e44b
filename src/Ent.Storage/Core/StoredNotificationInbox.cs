using Ent.Core.Identifiers;
using Ent.Core.Notifications;
using Ent.Core.Text;
using Ent.Storage.Documents;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// The in-app inbox in the host's storage engine: one document per notification, under its recipient, read from the store on each
/// request (so that every host behind a load balancer shows the same inbox).
/// </summary>
internal sealed class StoredNotificationInbox(IRecordStores stores) : INotificationInbox
{
    public const string Owner = "core.notifications";

    public static readonly DocumentType<StoredNotification> Inbox = DocumentTypes.Create<StoredNotification>(Owner, "inbox", d => d.Key(n => new { n.Recipient, n.Id }));

    private readonly DocumentRegistry _registry = new([Inbox]);

    public async Task AddAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var session = Session(department);
        session.Set<StoredNotification>().Add(StoredNotification.Of(notification));
        await stores.SaveAsync(department, session.ToChanges(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedNotification>> OfAsync(DepartmentId department, PersonId recipient, int take, CancellationToken cancellationToken)
    {
        var stored = await Session(department).Set<StoredNotification>().Where(n => n.Recipient == recipient).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stored.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(take).Select(n => n.ToReceived())];
    }

    public async Task<bool> MarkReadAsync(DepartmentId department, PersonId recipient, Guid notification, CancellationToken cancellationToken)
    {
        var session = Session(department);
        var inbox = session.Set<StoredNotification>();
        if (await inbox.FindAsync(n => n.Recipient == recipient && n.Id == notification, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return false;
        }

        if (!found.Read)
        {
            inbox.Replace(found with { Read = true });
            await stores.SaveAsync(department, session.ToChanges(), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private DocumentSession Session(DepartmentId department) => new(stores, _registry, department, Owner);
}

/// <summary>A notification as stored, with whether its recipient read it.</summary>
internal sealed record StoredNotification(PersonId Recipient, Guid Id, SchoolId? School, string Topic, string TitleFr, string TitleEn, string BodyFr, string BodyEn, string? Link, DateTimeOffset At, bool Read)
{
    public static StoredNotification Of(Notification n) =>
        new(n.Recipient, n.Id, n.School, n.Topic, n.Title.French, n.Title.English, n.Body.French, n.Body.English, n.Link, n.At, Read: false);

    public ReceivedNotification ToReceived() =>
        new(new Notification(Recipient, School, Topic, new LocalizedText(TitleFr, TitleEn), new LocalizedText(BodyFr, BodyEn), Link, At) { Id = Id }, Read);
}
