using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Periods;

/// <summary>
/// One period's marks for many classes, laid out in arrays for the term close: classes own a contiguous
/// range of pupils and of assessments, each assessment a contiguous range of marks. Points and coefficients
/// are kept in hundredths (whole numbers), so that averages are computed exactly. Build it with
/// <see cref="TermDataBuilder"/>.
/// </summary>
public sealed class TermData
{
    internal TermData(
        int subjects,
        int[] classPupilStart,
        int[] classAssessmentStart,
        int[] assessmentSubject,
        int[] assessmentScale,
        int[] assessmentCoefficient,
        GradeItemKind[] assessmentKind,
        int[] assessmentMarkStart,
        int[] markPupil,
        int[] markValue,
        int[] classSubjectCoefficient)
    {
        Subjects = subjects;
        ClassPupilStart = classPupilStart;
        ClassAssessmentStart = classAssessmentStart;
        AssessmentSubject = assessmentSubject;
        AssessmentScale = assessmentScale;
        AssessmentCoefficient = assessmentCoefficient;
        AssessmentKind = assessmentKind;
        AssessmentMarkStart = assessmentMarkStart;
        MarkPupil = markPupil;
        MarkValue = markValue;
        ClassSubjectCoefficient = classSubjectCoefficient;
    }

    /// <summary>How many subjects (indexes 0 to Subjects − 1).</summary>
    public int Subjects { get; }

    /// <summary>How many classes.</summary>
    public int Classes => ClassPupilStart.Length - 1;

    /// <summary>How many pupils.</summary>
    public int Pupils => ClassPupilStart[^1];

    /// <summary>How many assessments.</summary>
    public int Assessments => AssessmentSubject.Length;

    /// <summary>How many marks.</summary>
    public int Marks => MarkPupil.Length;

    internal int[] ClassPupilStart { get; }

    internal int[] ClassAssessmentStart { get; }

    internal int[] AssessmentSubject { get; }

    internal int[] AssessmentScale { get; }

    internal int[] AssessmentCoefficient { get; }

    internal GradeItemKind[] AssessmentKind { get; }

    internal int[] AssessmentMarkStart { get; }

    /// <summary>Each mark's pupil, as an index into the whole period's pupils.</summary>
    internal int[] MarkPupil { get; }

    /// <summary>Each mark's points in hundredths, or a code as its negative number.</summary>
    internal int[] MarkValue { get; }

    internal int[] ClassSubjectCoefficient { get; }

    /// <summary>Changes one mark in place (a teacher's correction), for <see cref="TermCalculator.RecomputeClass"/>.</summary>
    /// <param name="assessment">The assessment's index.</param>
    /// <param name="pupil">The pupil's index.</param>
    /// <param name="mark">The new mark, checked against the assessment's scale.</param>
    /// <returns>The class to recompute.</returns>
    /// <exception cref="ArgumentException">The pupil has no mark in that assessment, or the mark does not fit.</exception>
    public int SetMark(int assessment, int pupil, Mark mark)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(assessment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(assessment, Assessments);
        if (mark.Points > AssessmentScale[assessment])
        {
            throw new ArgumentOutOfRangeException(nameof(mark), mark.Points, $"A mark of {mark.Points} is above the assessment's scale of {AssessmentScale[assessment]}.");
        }

        for (var m = AssessmentMarkStart[assessment]; m < AssessmentMarkStart[assessment + 1]; m++)
        {
            if (MarkPupil[m] == pupil)
            {
                MarkValue[m] = mark.Stored;
                return ClassOfAssessment(assessment);
            }
        }

        throw new ArgumentException($"Pupil #{pupil} has no mark in assessment #{assessment}.", nameof(pupil));
    }

    private int ClassOfAssessment(int assessment)
    {
        var index = Array.BinarySearch(ClassAssessmentStart, assessment);
        if (index < 0)
        {
            index = ~index - 1;
        }

        while (index + 1 < ClassAssessmentStart.Length && ClassAssessmentStart[index + 1] == assessment)
        {
            index++; // classes without assessments share a start
        }

        return index;
    }
}
