namespace Ent.Plugins.Grading.ReportCards;

/// <summary>The class council's summary of a class for a period: each subject's figures and each pupil's averages.</summary>
/// <param name="School">The school's name.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="Period">The period's name.</param>
/// <param name="Subjects">The subjects, in the order of each pupil's averages, with the class's figures.</param>
/// <param name="Pupils">Each pupil's averages per subject and overall.</param>
/// <param name="ClassOverall">The class's overall average, lowest and highest.</param>
/// <param name="Calculation">The calculation that produced the averages.</param>
public sealed record ClassCouncilSummary(
    string School, string ClassName, string Period, IReadOnlyList<ClassCouncilSubject> Subjects, IReadOnlyList<ClassCouncilPupil> Pupils, ReportCardStatistics ClassOverall, string Calculation);

/// <summary>A subject of the class council's summary.</summary>
/// <param name="Subject">The subject's name.</param>
/// <param name="Class">The class's average, lowest and highest.</param>
public sealed record ClassCouncilSubject(string Subject, ReportCardStatistics Class);

/// <summary>A pupil's line in the class council's summary.</summary>
/// <param name="Pupil">The pupil's name.</param>
/// <param name="Averages">The pupil's average per subject, in the order of the summary's subjects.</param>
/// <param name="Overall">The pupil's overall average.</param>
public sealed record ClassCouncilPupil(string Pupil, IReadOnlyList<decimal?> Averages, decimal? Overall)
{
    /// <summary>The pupil's id.</summary>
    public Ent.Core.Identifiers.PersonId Id { get; init; }

    /// <summary>The council's appraisal of the pupil so far, or null.</summary>
    public string? Appraisal { get; init; }
}
