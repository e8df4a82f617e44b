using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>The directory as application code and plugins see it: every operation takes the actor and checks their rights.</summary>
public interface IRoster
{
    /// <summary>Reads a person, if the actor may see them (themself, their child, a learner they teach, someone in their school).</summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="person">The person to read.</param>
    /// <exception cref="AccessDeniedException">The actor may not see this person.</exception>
    /// <exception cref="UnknownReferenceException">No such person.</exception>
    Person GetPerson(Actor actor, PersonId person);

    /// <summary>Lists the learners enrolled in a class on a day.</summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="class">The class.</param>
    /// <param name="day">The day.</param>
    /// <exception cref="AccessDeniedException">The actor may not see this class's enrolments.</exception>
    IReadOnlyList<Person> LearnersOf(Actor actor, ClassId @class, DateOnly day);

    /// <summary>Enrols a learner, publishing <see cref="Events.LearnerEnrolled"/>.</summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="enrolment">The enrolment.</param>
    /// <param name="cancellationToken">Cancels the publication of the event.</param>
    /// <exception cref="AccessDeniedException">The actor may not manage this class's or group's roster.</exception>
    Task EnrolAsync(Actor actor, Enrolment enrolment, CancellationToken cancellationToken = default);
}
