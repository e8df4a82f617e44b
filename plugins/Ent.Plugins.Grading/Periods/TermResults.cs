using Ent.Plugins.Grading.Averages;

namespace Ent.Plugins.Grading.Periods;

/// <summary>
/// What a term close produces: every pupil's subject averages and overall average, and the class statistics
/// per assessment (in points on its scale), per subject and for the period; all exact, with the calculation
/// version that produced them.
/// </summary>
public sealed class TermResults
{
    internal TermResults(TermData data, CalculationVersion version)
    {
        Version = version;
        Subjects = data.Subjects;
        SubjectAverages = new decimal?[data.Pupils * data.Subjects];
        OverallAverages = new decimal?[data.Pupils];
        AssessmentStatistics = new Statistics[data.Assessments];
        SubjectStatistics = new Statistics[data.Classes * data.Subjects];
        ClassStatistics = new Statistics[data.Classes];
    }

    /// <summary>The rule and version that produced these results.</summary>
    public CalculationVersion Version { get; }

    /// <summary>How many subjects.</summary>
    public int Subjects { get; }

    /// <summary>Subject averages out of 20, by pupil then subject (<c>pupil × Subjects + subject</c>); null where no mark counts.</summary>
    public decimal?[] SubjectAverages { get; }

    /// <summary>Overall averages out of 20, by pupil.</summary>
    public decimal?[] OverallAverages { get; }

    /// <summary>Each assessment's average, lowest and highest mark, in points on its own scale.</summary>
    public Statistics[] AssessmentStatistics { get; }

    /// <summary>Each class's statistics of its pupils' subject averages, by class then subject.</summary>
    public Statistics[] SubjectStatistics { get; }

    /// <summary>Each class's statistics of its pupils' overall averages.</summary>
    public Statistics[] ClassStatistics { get; }

    /// <summary>A pupil's average in a subject.</summary>
    /// <param name="pupil">The pupil's index.</param>
    /// <param name="subject">The subject's index.</param>
    public decimal? SubjectAverage(int pupil, int subject) => SubjectAverages[(pupil * Subjects) + subject];
}
