using Ent.Core.Identifiers;

namespace Ent.Core.Events;

/// <summary>What a domain event is about: a kind (e.g. <c>activity</c>) and an identifier.</summary>
/// <param name="Kind">The kind of object.</param>
/// <param name="Id">Its identifier.</param>
public sealed record ObjectReference(string Kind, Guid Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Id}";
}

/// <summary>
/// An immutable record of something that happened: who did it, in which department and school,
/// when, to what. Events feed the audit trail and the usage analytics.
/// </summary>
public abstract record DomainEvent
{
    /// <summary>Initialises the common fields.</summary>
    /// <param name="actor">The person who did it.</param>
    /// <param name="department">The department it happened in.</param>
    /// <param name="school">The school, when it happened in one.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="object">What it is about.</param>
    protected DomainEvent(PersonId actor, DepartmentId department, SchoolId? school, DateTimeOffset occurredAt, ObjectReference @object)
    {
        Id = EventId.New();
        Actor = actor;
        Department = department;
        School = school;
        OccurredAt = occurredAt;
        Object = @object ?? throw new ArgumentNullException(nameof(@object));
    }

    /// <summary>The event's identifier.</summary>
    public EventId Id { get; init; }

    /// <summary>The person who did it.</summary>
    public PersonId Actor { get; init; }

    /// <summary>The department it happened in.</summary>
    public DepartmentId Department { get; init; }

    /// <summary>The school, when it happened in one.</summary>
    public SchoolId? School { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>What it is about.</summary>
    public ObjectReference Object { get; init; }

    /// <summary>How the usage analytics classify it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract UsageCategory Category { get; }
}

/// <summary>The usage categories by which departments measure the pedagogical use of their ENT.</summary>
public enum UsageCategory
{
    /// <summary>Teaching and learning: courses, activities, evidence, strategies.</summary>
    Pedagogical,

    /// <summary>Messages and news.</summary>
    Communication,

    /// <summary>Rosters, settings, closing periods: running the school.</summary>
    Administration,

    /// <summary>Vie scolaire: attendance, lateness, justifications, what the CPE follows.</summary>
    VieScolaire,
}
