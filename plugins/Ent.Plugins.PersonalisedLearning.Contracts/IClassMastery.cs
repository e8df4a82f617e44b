using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Plugins.PersonalisedLearning.Contracts;

/// <summary>A pupil's overall mastery of a course: the mean of their mastery of the course's skills, from 0 to 1.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Level">Their mean mastery.</param>
/// <param name="Answers">How many answers it rests on.</param>
public sealed record PupilMasteryLevel(PersonId Pupil, double Level, int Answers);

/// <summary>Pupils' mastery of a course, read by other plugins (groups for a session) through the personalised-learning plugin's rights check.</summary>
public interface IClassMastery
{
    /// <summary>
    /// Each pupil of the course's class or group today with their mean mastery of its skills: for those who see the class's map (its
    /// teachers, the head of school). Null when the course has no skill map yet: the caller then does without.
    /// </summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The actor may not see the class's map.</exception>
    Task<IReadOnlyList<PupilMasteryLevel>?> LevelsAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);
}
