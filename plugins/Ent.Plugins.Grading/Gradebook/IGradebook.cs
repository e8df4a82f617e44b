using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>
/// Assessments and marks. Every call takes the actor, and the platform checks their rights and that grading is on in the school: a teacher marks only the courses
/// (classes and subjects) they teach; a pupil reads their own published marks, a parent their children's; the
/// head of school reads and writes the school's, and alone closes periods and changes a closed period's marks,
/// with a reason. Every created, changed or deleted mark is kept in its history and published as an event, in the same
/// transaction as the mark. Periods are named by their id in the department's calendar, which gives their dates.
/// </summary>
public interface IGradebook
{
    /// <summary>Creates an assessment in a course for a period.</summary>
    /// <exception cref="AccessDeniedException">The actor may not mark this course.</exception>
    /// <exception cref="ArgumentException">A value out of range (scale, coefficient, title, a date outside the period); the message names it.</exception>
    /// <exception cref="ClosedPeriodException">The period is closed for the class.</exception>
    Task<Assessment> CreateAssessmentAsync(Actor actor, AssessmentDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Records marks of an assessment (a null mark deletes the pupil's mark), all or nothing.</summary>
    /// <exception cref="AccessDeniedException">The actor may not mark this course, or change a closed period.</exception>
    /// <exception cref="ArgumentException">An unknown assessment, a pupil not enrolled in the class on the assessment's date, a mark above the scale; the message names it. Nothing is changed.</exception>
    /// <exception cref="ClosedPeriodException">The period is closed and the actor is not the head of school or gave no reason.</exception>
    Task<Assessment> RecordMarksAsync(Actor actor, CourseId course, Guid assessment, IReadOnlyDictionary<PersonId, Mark?> marks, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>The courses of a school whose marks the actor may write (a teacher's own courses; every course for the head of school), by title.</summary>
    /// <exception cref="Ent.Core.Organisation.UnknownReferenceException">The school is not in the directory.</exception>
    Task<IReadOnlyList<Ent.Core.Courses.Course>> CoursesMarkedByAsync(Actor actor, SchoolId school, CancellationToken cancellationToken = default);

    /// <summary>A course's assessments, by date: all of them for its teachers and the head of school.</summary>
    /// <exception cref="AccessDeniedException">The actor may not mark this course.</exception>
    Task<IReadOnlyList<Assessment>> AssessmentsOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>An assessment's sheet: every pupil of the class on its date with their mark (or none), and the class's figures.</summary>
    /// <exception cref="AccessDeniedException">The actor may not mark this course.</exception>
    /// <exception cref="ArgumentException">No such assessment in the course; the message names it.</exception>
    Task<AssessmentSheet> SheetOfAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default);

    /// <summary>Publishes an assessment's marks to pupils and parents.</summary>
    Task<Assessment> PublishAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default);

    /// <summary>A pupil's marks in a course: all of them for teachers and the head of school, the published ones for the pupil and their parents.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's marks.</exception>
    Task<IReadOnlyList<(Assessment Assessment, Mark Mark)>> MarksOfAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>
    /// The class's figures for an assessment (average, lowest, highest, in points of its scale, over the marks that count):
    /// for its teachers and the head of school, and once published for the class's pupils and their parents.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor is neither staff of the course nor, once published, a pupil of the class or their parent.</exception>
    /// <exception cref="ArgumentException">No such assessment in the course; the message names it.</exception>
    Task<Statistics> StatisticsOfAsync(Actor actor, CourseId course, Guid assessment, CancellationToken cancellationToken = default);

    /// <summary>A pupil's mark history in an assessment, oldest first.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's marks.</exception>
    Task<IReadOnlyList<MarkChange>> HistoryOfAsync(Actor actor, PersonId pupil, CourseId course, Guid assessment, CancellationToken cancellationToken = default);

    /// <summary>A pupil's mark history in a course, every assessment's changes oldest first: what teachers and the head of school see in full, and pupils and parents for published assessments.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's marks.</exception>
    Task<IReadOnlyList<MarkHistoryEntry>> HistoryOfAsync(Actor actor, PersonId pupil, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>Records the teacher's comment (appréciation) on a pupil in a course for a period, shown on the report card; an empty comment removes it.</summary>
    /// <exception cref="AccessDeniedException">The actor may not mark this course.</exception>
    /// <exception cref="ArgumentException">A pupil not enrolled in the class during the period, a comment over 1,000 characters; the message names it. Nothing is changed.</exception>
    /// <exception cref="ClosedPeriodException">The period is closed and the actor is not the head of school or gave no reason.</exception>
    Task RecordCommentAsync(Actor actor, CourseId course, PeriodId period, PersonId pupil, string? comment, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Records the class council's appraisal of a pupil for a period (shown on the report card); an empty text removes it. The head of school writes it, also once the period is closed.</summary>
    /// <exception cref="AccessDeniedException">The actor is not the head of school.</exception>
    /// <exception cref="ArgumentException">A pupil not enrolled in the class during the period, a text over 1,000 characters; the message names it. Nothing is changed.</exception>
    Task RecordCouncilAppraisalAsync(Actor actor, ClassId @class, PeriodId period, PersonId pupil, string? text, CancellationToken cancellationToken = default);

    /// <summary>Whether a period is closed for a class: for the class's teachers and the head of school.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read the class's marks.</exception>
    Task<bool> IsClosedAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default);

    /// <summary>Closes a period for a class (after its class council): its marks then change only by the head of school, with a reason.</summary>
    /// <exception cref="AccessDeniedException">The actor is not the head of school.</exception>
    Task ClosePeriodAsync(Actor actor, ClassId @class, PeriodId period, CancellationToken cancellationToken = default);

    /// <summary>Records evaluations of the socle's components in a course and period (on their own, or attached to an assessment of the course), all or nothing.</summary>
    /// <exception cref="AccessDeniedException">The actor may not mark this course.</exception>
    /// <exception cref="ArgumentException">A pupil not enrolled on the date, a date outside the period, an unknown component, level or assessment; the message names it.</exception>
    /// <exception cref="ClosedPeriodException">The period is closed and the actor is not the head of school or gave no reason.</exception>
    Task RecordCompetenciesAsync(Actor actor, CourseId course, PeriodId period, IReadOnlyList<CompetencyEvaluation> evaluations, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>A pupil's position on each of the 8 components, for a period of a class and for the end of the cycle.</summary>
    /// <exception cref="AccessDeniedException">The actor may not read this pupil's marks.</exception>
    Task<IReadOnlyList<CompetencyPosition>> PositionsOfAsync(Actor actor, PersonId pupil, ClassId @class, PeriodId period, CancellationToken cancellationToken = default);
}
