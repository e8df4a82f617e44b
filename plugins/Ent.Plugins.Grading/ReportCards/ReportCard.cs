using Ent.Core.Attendance;

namespace Ent.Plugins.Grading.ReportCards;

/// <summary>A pupil's report card (bulletin) for a period: what the template shows, averages rounded for display.</summary>
/// <param name="School">The school's name.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="Period">The period's name.</param>
/// <param name="Pupil">The pupil's name.</param>
/// <param name="Subjects">One line per subject.</param>
/// <param name="Overall">The pupil's overall average, or null.</param>
/// <param name="ClassOverall">The class's overall average, lowest and highest.</param>
/// <param name="Competencies">The pupil's position on each component of the socle evaluated in the period.</param>
/// <param name="Absences">The half-days of absence, justified and unjustified, when an attendance plugin supplies them; null without one.</param>
/// <param name="Calculation">The calculation that produced the averages (rule and version).</param>
/// <param name="IssuedOn">The day it was produced.</param>
public sealed record ReportCard(
    string School,
    string ClassName,
    string Period,
    string Pupil,
    IReadOnlyList<ReportCardSubject> Subjects,
    decimal? Overall,
    ReportCardStatistics ClassOverall,
    IReadOnlyList<ReportCardCompetency> Competencies,
    AbsenceHalfDays? Absences,
    string Calculation,
    DateOnly IssuedOn)
{
    /// <summary>The school year, e.g. <c>2026-2027</c>, from the department's calendar.</summary>
    public string? SchoolYear { get; init; }

    /// <summary>The school's postal address, or null when the directory has none.</summary>
    public string? SchoolAddress { get; init; }

    /// <summary>The school's UAI, as a bilan périodique names it.</summary>
    public string? Uai { get; init; }

    /// <summary>Whether the card is provisional: its period is not closed for the class, so its averages may still change.</summary>
    public bool Provisional { get; init; }

    /// <summary>The class council's appraisal of the pupil (the head of school's, after the council), or null.</summary>
    public string? CouncilAppraisal { get; init; }
}

/// <summary>One subject of a report card.</summary>
/// <param name="Subject">The subject's name.</param>
/// <param name="Course">The course's title.</param>
/// <param name="Average">The pupil's average, or null.</param>
/// <param name="Class">The class's average, lowest and highest.</param>
/// <param name="Marks">How many of the pupil's marks counted.</param>
/// <param name="Comment">The teacher's comment (appréciation), or null.</param>
public sealed record ReportCardSubject(string Subject, string Course, decimal? Average, ReportCardStatistics Class, int Marks, string? Comment)
{
    /// <summary>The subject's teacher (who holds the teacher's role on the course, or the class's one teacher), or null when the directory does not say.</summary>
    public string? Teacher { get; init; }
}

/// <summary>A component of the socle on a report card: its number (1–8) and the level (1–4) the period's evaluations position the pupil at.</summary>
/// <param name="Component">The component's number, named by the template's strings.</param>
/// <param name="Level">The level's number.</param>
public sealed record ReportCardCompetency(int Component, int Level);

/// <summary>A class's figures on a report card.</summary>
/// <param name="Average">The average.</param>
/// <param name="Minimum">The lowest.</param>
/// <param name="Maximum">The highest.</param>
public sealed record ReportCardStatistics(decimal? Average, decimal? Minimum, decimal? Maximum);
