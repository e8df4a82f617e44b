using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ent.Core.Events;

namespace Ent.Storage.Events;

/// <summary>An event checked and flattened for the engines: every limit is enforced here, before anything is written.</summary>
internal sealed record EventRow(
    Guid Id, Guid Department, Guid? School, Guid Actor, DateTimeOffset OccurredAt, short Category, string Type, string ObjectKind, Guid ObjectId, byte[] Payload)
{
    public const int MaxTypeLength = 200;
    public const int MaxObjectKindLength = 100;
    public const int MaxPayloadLength = 256 * 1024;

    // The payload holds what is particular to the event; the fields every event has are columns already.
    private static readonly HashSet<string> CommonFields = new(
        [nameof(DomainEvent.Id), nameof(DomainEvent.Actor), nameof(DomainEvent.Department), nameof(DomainEvent.School), nameof(DomainEvent.OccurredAt), nameof(DomainEvent.Object), nameof(DomainEvent.Category)],
        StringComparer.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new EntityIdJsonConverterFactory() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutCommonFields } },
    };

    /// <summary>From this many events, a batch's payloads are serialised on every core.</summary>
    private const int ParallelFrom = 512;

    /// <summary>Checks and flattens a batch; refuses the whole batch on the first problem, naming the event.</summary>
    public static EventRow[] FromBatch(IReadOnlyList<DomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = new EventRow[events.Count];
        var errors = new Exception?[events.Count];
        void Convert(int i)
        {
            try
            {
                var domainEvent = events[i] ?? throw new ArgumentException($"Event #{i} of the batch is null; nothing was written.", nameof(events));
                rows[i] = From(domainEvent);
            }
            catch (Exception exception)
            {
                errors[i] = exception; // rethrown below in batch order, unwrapped, whichever core met it
            }
        }

        if (events.Count >= ParallelFrom)
        {
            Parallel.For(0, events.Count, Convert);
        }
        else
        {
            for (var i = 0; i < events.Count; i++)
            {
                Convert(i);
            }
        }

        // The first refused event, in batch order, is the one reported, whichever core met it first.
        var ids = new HashSet<Guid>(events.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            if (errors[i] is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            if (!ids.Add(rows[i].Id))
            {
                throw new ArgumentException($"Event {rows[i].Id} appears twice in the batch; nothing was written.", nameof(events));
            }
        }

        return rows;
    }

    /// <summary>
    /// Checks and converts a batch chunk by chunk, the next chunk being serialised on another core while the
    /// caller writes the current one (engines write on one core). An event that appears twice is refused.
    /// </summary>
    public static IEnumerable<EventRow[]> InChunks(IReadOnlyList<DomainEvent> events, int chunk, CancellationToken cancellationToken)
    {
        var chunks = (events.Count + chunk - 1) / chunk;
        Task<EventRow[]> Prepare(int index) => Task.Run(() => FromRange(events, index * chunk, Math.Min(chunk, events.Count - (index * chunk))), cancellationToken);
        var next = chunks == 1 ? Task.FromResult(FromRange(events, 0, events.Count)) : Prepare(0);
        var ids = new HashSet<Guid>(events.Count);
        for (var index = 0; index < chunks; index++)
        {
            var rows = next.GetAwaiter().GetResult();
            if (index + 1 < chunks)
            {
                next = Prepare(index + 1);
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var row in rows)
            {
                if (!ids.Add(row.Id))
                {
                    throw new ArgumentException($"Event {row.Id} appears twice in the batch; nothing was written.", nameof(events));
                }
            }

            yield return rows;
        }
    }

    /// <summary>Checks and converts part of a batch, in order; duplicates across parts are the caller's to find.</summary>
    public static EventRow[] FromRange(IReadOnlyList<DomainEvent> events, int start, int count)
    {
        var rows = new EventRow[count];
        for (var i = 0; i < count; i++)
        {
            var domainEvent = events[start + i] ?? throw new ArgumentException($"Event #{start + i} of the batch is null; nothing was written.", nameof(events));
            rows[i] = From(domainEvent);
        }

        return rows;
    }

    private static EventRow From(DomainEvent domainEvent)
    {
        var type = domainEvent.GetType().Name;
        Limit(domainEvent, "type name", type, MaxTypeLength);
        Limit(domainEvent, "object kind", domainEvent.Object.Kind, MaxObjectKindLength);
        // UTF-8 straight away: what both engines store, without a UTF-16 string in between.
        var payload = JsonSerializer.SerializeToUtf8Bytes(domainEvent, domainEvent.GetType(), Json);
        if (payload.Length > MaxPayloadLength)
        {
            throw new ArgumentException(
                $"Event {domainEvent.Id.Value} ({type}): its payload is {payload.Length} bytes long, the limit is {MaxPayloadLength}; nothing was written.", nameof(domainEvent));
        }

        if (domainEvent.OccurredAt == default)
        {
            throw new ArgumentException($"Event {domainEvent.Id.Value} ({type}) has no time; nothing was written.", nameof(domainEvent));
        }

        return new EventRow(domainEvent.Id.Value, domainEvent.Department.Value, domainEvent.School?.Value, domainEvent.Actor.Value,
            domainEvent.OccurredAt.ToUniversalTime(), (short)domainEvent.Category, type, domainEvent.Object.Kind, domainEvent.Object.Id, payload);
    }

    private static void LeaveOutCommonFields(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Object && typeof(DomainEvent).IsAssignableFrom(typeInfo.Type))
        {
            for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            {
                if (CommonFields.Contains(typeInfo.Properties[i].Name))
                {
                    typeInfo.Properties.RemoveAt(i);
                }
            }
        }
    }

    private static void Limit(DomainEvent domainEvent, string what, string value, int limit)
    {
        if (string.IsNullOrEmpty(value) || value.Length > limit)
        {
            throw new ArgumentException(
                $"Event {domainEvent.Id.Value} ({domainEvent.GetType().Name}): its {what} is {(string.IsNullOrEmpty(value) ? "empty" : $"{value.Length} characters long")}, the limit is {limit}; nothing was written.",
                nameof(domainEvent));
        }
    }

    /// <summary>The payload as text.</summary>
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload);
}
