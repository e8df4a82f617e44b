using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Learning;

namespace Ent.Plugins.Grading.Contracts;

/// <summary>A pupil's mark on an assessment, as a score on its scale (marks given as codes are left out).</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Score">The mark.</param>
public sealed record GradedMark(PersonId Pupil, Score Score);

/// <summary>An assessment of a course with its marks.</summary>
/// <param name="Id">The assessment.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its date.</param>
/// <param name="Scale">Its scale.</param>
/// <param name="Marks">Its marks given as points.</param>
public sealed record GradedAssessment(Guid Id, string Title, DateOnly Date, int Scale, IReadOnlyList<GradedMark> Marks);

/// <summary>A course's assessments and their marks, read by other plugins through the grading plugin's rights check.</summary>
public interface IGradedAssessments
{
    /// <summary>The course's assessments with their marks, by date: for those who mark the course (its teachers, the head of school).</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AccessDeniedException">The actor does not mark the course.</exception>
    Task<IReadOnlyList<GradedAssessment>> AssessmentsOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);
}
