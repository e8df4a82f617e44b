using Ent.Core.Notifications;
using Ent.Core.Text;
using Ent.Storage.Core;
using Ent.Storage.Tests.Engines;
using Ent.TestSupport;

namespace Ent.Storage.Tests.Core;

/// <summary>The inbox kept by a storage engine: what one host sent and marked read, another reads the same.</summary>
public abstract class StoredNotificationInboxContract : EngineContract
{
    private readonly TestWorld _world = new();

    [SkippableFact]
    public async Task A_notification_and_its_being_read_are_seen_by_another_host_on_the_same_store()
    {
        var stores = await Engine.OpenRecordStoresAsync([StoredNotificationInbox.Inbox.Schema]);
        var one = new StoredNotificationInbox(stores);
        var other = new StoredNotificationInbox(await Engine.OpenRecordStoresAsync([StoredNotificationInbox.Inbox.Schema]));
        var first = new Notification(_world.Parent.Id, _world.School.Id, "attendance.absence", new LocalizedText("Absence de Lina", "Lina was absent"),
            new LocalizedText("Lina était absente ce matin."), "/attendance", new DateTimeOffset(2026, 11, 26, 8, 5, 0, TimeSpan.Zero));
        var second = new Notification(_world.Parent.Id, _world.School.Id, "attendance.late", new LocalizedText("Retard de Lina"),
            new LocalizedText("Lina est arrivée à 8 h 20."), null, new DateTimeOffset(2026, 11, 27, 8, 25, 0, TimeSpan.Zero));
        await one.AddAsync(_world.Department.Id, first, CancellationToken.None);
        await one.AddAsync(_world.Department.Id, second, CancellationToken.None);

        Assert.True(await other.MarkReadAsync(_world.Department.Id, _world.Parent.Id, first.Id, CancellationToken.None));
        Assert.False(await other.MarkReadAsync(_world.Department.Id, _world.Teacher.Id, second.Id, CancellationToken.None));

        var inbox = await one.OfAsync(_world.Department.Id, _world.Parent.Id, 10, CancellationToken.None);
        Assert.Equal([(second, false), (first, true)], inbox.Select(n => (n.Notification, n.Read)));
        Assert.Empty(await one.OfAsync(_world.Department.Id, _world.Teacher.Id, 10, CancellationToken.None));
    }
}

public sealed class SqliteStoredNotificationInboxTests : StoredNotificationInboxContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlStoredNotificationInboxTests : StoredNotificationInboxContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}
