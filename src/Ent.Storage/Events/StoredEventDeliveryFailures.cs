using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Storage.Engines;

namespace Ent.Storage.Events;

/// <summary>Delivery failures in the host's storage engine, so that they outlive the process that met them.</summary>
internal sealed class StoredEventDeliveryFailures(IRecordStores stores, IAccessControl access) : IEventDeliveryFailures
{
    public static RecordSchema Schema { get; } = RecordSchema.Create("core.event-delivery", schema => schema
        .Version(1, "Handlers set aside after failing on a committed event", v => v.CreateTable("failures", t => t
            .Key(Column.Id("id"))
            .Columns(
                Column.Id("school", nullable: true),
                Column.Id("event_id"),
                Column.Text("event_type", 200),
                Column.Text("handler", 400),
                Column.Integer("attempts", 1),
                Column.Text("error", 4000),
                Column.Timestamp("at")))));

    private static TableDefinition Failures => Schema.Table("failures");

    private IRecordStore Store => stores.For(Schema);

    public Task RecordAsync(EventDeliveryFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var error = failure.Error.Length > 4000 ? failure.Error[..4000] : failure.Error;
        var handler = failure.Handler.Length > 400 ? failure.Handler[..400] : failure.Handler;
        return Store.SaveAsync(failure.Department, new RecordChanges().Insert(Failures.NewRecord(
            failure.Id, failure.School?.Value, failure.EventId.Value, failure.EventType, handler, (long)failure.Attempts, error, failure.At)), cancellationToken);
    }

    public async Task<IReadOnlyList<EventDeliveryFailure>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        access.Demand(actor, Capabilities.ViewAuditTrail, AccessScope.OfDepartment(actor.Department));
        var records = await Store.QueryAsync(actor.Department, RecordQuery.From(Failures), cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => new EventDeliveryFailure(
            r.GetId("id"), actor.Department, r.Get<Guid?>("school") is { } school ? new SchoolId(school) : null, new EventId(r.GetId("event_id")),
            r.GetText("event_type"), r.GetText("handler"), (int)r.GetInteger("attempts"), r.GetText("error"), r.Get<DateTimeOffset>("at")))
            .OrderBy(f => f.At)];
    }
}
