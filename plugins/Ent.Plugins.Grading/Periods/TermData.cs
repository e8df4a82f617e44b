using Ent.Plugins.Grading.Averages;

namespace Ent.Plugins.Grading.Periods;

/// <summary>
/// Many classes' marks of a period, laid out in arrays for <see cref="TermCalculator"/>: classes own a contiguous range of
/// pupils and of assessments, each assessment a contiguous range of marks. Points and coefficients are kept in hundredths
/// (whole numbers), so that averages are computed exactly. Built by <see cref="TermDataBuilder"/>.
/// </summary>
/// <param name="Subjects">How many subjects each class has slots for.</param>
/// <param name="ClassPupilStart">Each class's first pupil, and the end of the last.</param>
/// <param name="ClassAssessmentStart">Each class's first assessment, and the end of the last.</param>
/// <param name="AssessmentSubject">Each assessment's subject slot.</param>
/// <param name="AssessmentScale">Each assessment's scale.</param>
/// <param name="AssessmentCoefficient">Each assessment's coefficient, in hundredths.</param>
/// <param name="AssessmentKind">How each assessment counts.</param>
/// <param name="AssessmentMarkStart">Each assessment's first mark, and the end of the last.</param>
/// <param name="MarkPupil">Each mark's pupil, as an index into the whole period's pupils.</param>
/// <param name="MarkValue">Each mark's points in hundredths, or a code as its negative number.</param>
internal sealed record TermData(
    int Subjects, int[] ClassPupilStart, int[] ClassAssessmentStart, int[] AssessmentSubject, int[] AssessmentScale, int[] AssessmentCoefficient,
    GradeItemKind[] AssessmentKind, int[] AssessmentMarkStart, int[] MarkPupil, int[] MarkValue)
{
    /// <summary>How many classes.</summary>
    public int Classes => ClassPupilStart.Length - 1;

    /// <summary>How many pupils.</summary>
    public int Pupils => ClassPupilStart[^1];
}
