using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>An assessment (devoir) in a course for a period, as stored with its marks.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Course">The course (a class and a subject).</param>
/// <param name="Class">The course's class.</param>
/// <param name="Period">The period it counts in.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">When it was set.</param>
/// <param name="Scale">Its scale (a whole number from 1 to 100).</param>
/// <param name="Coefficient">Its coefficient (0: does not count).</param>
/// <param name="Kind">Normal, bonus or optional.</param>
/// <param name="Published">Whether pupils and parents see its marks.</param>
public sealed record Assessment(
    Guid Id, CourseId Course, ClassId Class, PeriodId Period, string Title, DateOnly Date, int Scale, decimal Coefficient, GradeItemKind Kind, bool Published);

/// <summary>What a teacher fills in to create an assessment.</summary>
/// <param name="Course">The course.</param>
/// <param name="Period">The period, of the department's calendar (its dates must contain <paramref name="Date"/>).</param>
/// <param name="Title">The title (1 to 200 characters).</param>
/// <param name="Date">The date.</param>
/// <param name="Scale">The scale.</param>
/// <param name="Coefficient">The coefficient.</param>
/// <param name="Kind">How it counts.</param>
public sealed record AssessmentDraft(CourseId Course, PeriodId Period, string Title, DateOnly Date, decimal Scale = 20, decimal Coefficient = 1, GradeItemKind Kind = GradeItemKind.Normal);

/// <summary>An assessment as its teacher marks it: the class's pupils on its date, each with their mark, and the class's figures.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="Pupils">The pupils enrolled on its date, by family and given name, with their mark or null.</param>
/// <param name="Statistics">The class's figures over the marks that count.</param>
/// <param name="Closed">Whether its period is closed for the class (only the head of school changes it, with a reason).</param>
public sealed record AssessmentSheet(Assessment Assessment, IReadOnlyList<SheetLine> Pupils, Averages.Statistics Statistics, bool Closed);

/// <summary>A pupil's line of an assessment's sheet.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Their name, family name first.</param>
/// <param name="Mark">Their mark, or null.</param>
public sealed record SheetLine(PersonId Pupil, string Name, Marks.Mark? Mark);
