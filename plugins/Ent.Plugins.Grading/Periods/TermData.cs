using Ent.Plugins.Grading.Averages;

namespace Ent.Plugins.Grading.Periods;

/// <summary>
/// A class's marks of a period, laid out in arrays for <see cref="TermCalculator"/>: each assessment a contiguous range of
/// marks. Points and coefficients are kept in hundredths (whole numbers), so that averages are computed exactly. Built by
/// <see cref="TermDataBuilder"/>.
/// </summary>
/// <param name="Subjects">How many subjects the class has.</param>
/// <param name="Pupils">How many pupils it has (indexes 0 to Pupils − 1).</param>
/// <param name="AssessmentSubject">Each assessment's subject.</param>
/// <param name="AssessmentScale">Each assessment's scale.</param>
/// <param name="AssessmentCoefficient">Each assessment's coefficient, in hundredths.</param>
/// <param name="AssessmentKind">How each assessment counts.</param>
/// <param name="AssessmentMarkStart">Each assessment's first mark, and the end of the last.</param>
/// <param name="MarkPupil">Each mark's pupil.</param>
/// <param name="MarkValue">Each mark's points in hundredths, or a code as its negative number.</param>
internal sealed record TermData(
    int Subjects, int Pupils, int[] AssessmentSubject, int[] AssessmentScale, int[] AssessmentCoefficient,
    GradeItemKind[] AssessmentKind, int[] AssessmentMarkStart, int[] MarkPupil, int[] MarkValue);
