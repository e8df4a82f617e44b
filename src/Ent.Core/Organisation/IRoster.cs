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

    /// <summary>
    /// Enrols learners all or none (a class at the start of the year), publishing <see cref="Events.LearnerEnrolled"/> for each:
    /// the right is checked on every class or group named, and the enrolments are added as one <see cref="DirectoryImport"/>.
    /// </summary>
    /// <param name="actor">The acting person.</param>
    /// <param name="enrolments">The enrolments, of learners of the actor's department.</param>
    /// <param name="cancellationToken">Cancels the publication of the events.</param>
    /// <exception cref="AccessDeniedException">The actor may not manage one of the classes' or groups' rosters; nothing was enrolled.</exception>
    /// <exception cref="UnknownReferenceException">A learner is not a person of the actor's department; nothing was enrolled.</exception>
    /// <exception cref="ArgumentException">An enrolment was refused by the directory (the message names it); nothing was enrolled.</exception>
    Task EnrolAsync(Actor actor, IReadOnlyList<Enrolment> enrolments, CancellationToken cancellationToken = default);
}
