using Ent.Core.Events;
using Ent.Core.Identifiers;

namespace Ent.Storage.Events;

/// <summary>A domain event as the log keeps it: the fields every event has, as columns, and what is particular to the event, as JSON.</summary>
/// <param name="Sequence">Its position in the log, increasing in the order of appends.</param>
/// <param name="Id">The event's identifier.</param>
/// <param name="Department">The department it happened in.</param>
/// <param name="School">The school, when it happened in one.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Category">Its usage category.</param>
/// <param name="Type">The event's type name, e.g. <c>ActivityProgressRecorded</c>.</param>
/// <param name="Object">What it is about.</param>
/// <param name="Payload">The event's own fields (those beyond the common ones above), as JSON.</param>
public sealed record StoredEvent(
    long Sequence, EventId Id, DepartmentId Department, SchoolId? School, PersonId Actor, DateTimeOffset OccurredAt,
    UsageCategory Category, string Type, ObjectReference Object, string Payload);

/// <summary>Which events to read: always one department's; optionally one school's, a time window, after a position.</summary>
/// <param name="Department">The department; a query never crosses departments.</param>
public sealed record EventLogQuery(DepartmentId Department)
{
    /// <summary>Only this school's events.</summary>
    public SchoolId? School { get; init; }

    /// <summary>Only events that occurred at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only events that occurred before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only events after this position, to page through the log.</summary>
    public long AfterSequence { get; init; }

    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>At most this many events (1 to <see cref="MaxLimit"/>); 1,000 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..<see cref="MaxLimit"/>.</exception>
    public int Limit
    {
        get;
        init => field = value is >= 1 and <= MaxLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Limit), value, $"A page of events holds 1 to {MaxLimit} events, not {value}.");
    } = 1000;
}

/// <summary>How many events of a category one person caused in a school (or outside any school) during a query's window.</summary>
/// <param name="School">The school, or null for the department's own events.</param>
/// <param name="Actor">The person.</param>
/// <param name="Category">The category.</param>
/// <param name="Count">How many events.</param>
public sealed record UsageCount(SchoolId? School, PersonId Actor, UsageCategory Category, long Count);
