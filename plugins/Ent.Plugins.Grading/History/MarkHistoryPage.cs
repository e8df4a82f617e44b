namespace Ent.Plugins.Grading.History;

/// <summary>A pupil's mark history in a course, as the template <c>grading/mark-history</c> shows it.</summary>
/// <param name="School">The school's name.</param>
/// <param name="Pupil">The pupil's name.</param>
/// <param name="Subject">The course's subject.</param>
/// <param name="Course">The course's title.</param>
/// <param name="Changes">Every change the reader may see, oldest first.</param>
public sealed record MarkHistoryPage(string School, string Pupil, string Subject, string Course, IReadOnlyList<MarkHistoryLine> Changes);

/// <summary>One change of a mark, ready to show.</summary>
/// <param name="Assessment">The assessment's title.</param>
/// <param name="AssessmentDate">The assessment's date.</param>
/// <param name="Scale">The assessment's scale (out of).</param>
/// <param name="At">When the change was made, in the school's time zone.</param>
/// <param name="By">Who made it.</param>
/// <param name="Before">The mark before, or null when it was created.</param>
/// <param name="After">The mark after, or null when it was deleted.</param>
/// <param name="Reason">Why, when a reason was given.</param>
public sealed record MarkHistoryLine(string Assessment, DateOnly AssessmentDate, int Scale, DateTime At, string By, MarkValue? Before, MarkValue? After, string? Reason);

/// <summary>A mark as history shows it: points, or the code's name (<c>Absent</c>, <c>Exempt</c>…) that the template translates.</summary>
/// <param name="Points">The points, or null for a code.</param>
/// <param name="Code">The code's name, or null for points.</param>
public sealed record MarkValue(decimal? Points, string? Code);
