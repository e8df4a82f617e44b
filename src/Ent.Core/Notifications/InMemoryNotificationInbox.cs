using Ent.Core.Identifiers;

namespace Ent.Core.Notifications;

/// <summary>The inbox in memory: for a host without a storage engine, and tests. Nothing survives the process.</summary>
public sealed class InMemoryNotificationInbox : INotificationInbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(DepartmentId, PersonId), List<(Notification Notification, bool Read)>> _inboxes = [];

    /// <inheritdoc />
    public Task AddAsync(DepartmentId department, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_gate)
        {
            var key = (department, notification.Recipient);
            if (!_inboxes.TryGetValue(key, out var inbox))
            {
                _inboxes[key] = inbox = [];
            }

            inbox.Add((notification, false));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReceivedNotification>> OfAsync(DepartmentId department, PersonId recipient, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReceivedNotification> found = _inboxes.TryGetValue((department, recipient), out var inbox)
                ? [.. inbox.OrderByDescending(n => n.Notification.At).ThenByDescending(n => n.Notification.Id).Take(take).Select(n => new ReceivedNotification(n.Notification, n.Read))]
                : [];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkReadAsync(DepartmentId department, PersonId recipient, Guid notification, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inboxes.TryGetValue((department, recipient), out var inbox) && inbox.FindIndex(n => n.Notification.Id == notification) is var index and >= 0)
            {
                inbox[index] = (inbox[index].Notification, true);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }
}
