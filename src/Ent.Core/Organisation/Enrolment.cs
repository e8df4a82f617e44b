using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>A learner's enrolment in a class or a group, between two dates.</summary>
public sealed record Enrolment
{
    private Enrolment(EnrolmentId id, PersonId learner, SchoolId school, ClassId? @class, GroupId? group, DateRange validity)
    {
        Id = id;
        Learner = learner;
        School = school;
        Class = @class;
        Group = group;
        Validity = validity;
    }

    /// <summary>The enrolment's identifier.</summary>
    public EnrolmentId Id { get; }

    /// <summary>The enrolled learner.</summary>
    public PersonId Learner { get; }

    /// <summary>The school of the class or group.</summary>
    public SchoolId School { get; }

    /// <summary>The class, when this is a class enrolment.</summary>
    public ClassId? Class { get; }

    /// <summary>The group, when this is a group enrolment.</summary>
    public GroupId? Group { get; }

    /// <summary>The dates the enrolment is valid.</summary>
    public DateRange Validity { get; init; }

    /// <summary>Enrols a learner in a class.</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="class">The class.</param>
    /// <param name="validity">From when until when.</param>
    public static Enrolment InClass(PersonId learner, SchoolClass @class, DateRange validity)
    {
        ArgumentNullException.ThrowIfNull(@class);
        return new(EnrolmentId.New(), learner, @class.School, @class.Id, null, validity);
    }

    /// <summary>Enrols a learner in a group.</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="group">The group.</param>
    /// <param name="validity">From when until when.</param>
    public static Enrolment InGroup(PersonId learner, TeachingGroup group, DateRange validity)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new(EnrolmentId.New(), learner, group.School, null, group.Id, validity);
    }

    /// <summary>Recreates an enrolment as a store kept it, with its id.</summary>
    /// <param name="id">Its identifier.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="school">The school of the class or group.</param>
    /// <param name="class">The class, for a class enrolment.</param>
    /// <param name="group">The group, for a group enrolment.</param>
    /// <param name="validity">When it holds.</param>
    /// <exception cref="ArgumentException">Not exactly one of class and group is given.</exception>
    public static Enrolment Restore(EnrolmentId id, PersonId learner, SchoolId school, ClassId? @class, GroupId? group, DateRange validity) =>
        (@class is null) != (group is null)
            ? new(id, learner, school, @class, group, validity)
            : throw new ArgumentException($"Enrolment {id.Value} must be in exactly one class or one group.", nameof(@class));
}
