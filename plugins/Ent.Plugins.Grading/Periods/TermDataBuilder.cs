using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Periods;

/// <summary>Builds a <see cref="TermData"/> class by class: its pupils, its assessments and their marks.</summary>
public sealed class TermDataBuilder
{
    private readonly int _subjects;
    private readonly List<int> _classPupilStart = [0];
    private readonly List<int> _classAssessmentStart = [0];
    private readonly List<int> _assessmentSubject = [];
    private readonly List<int> _assessmentScale = [];
    private readonly List<int> _assessmentCoefficient = [];
    private readonly List<GradeItemKind> _assessmentKind = [];
    private readonly List<int> _assessmentMarkStart = [0];
    private readonly List<int> _markPupil;
    private readonly List<int> _markValue;
    private readonly List<int> _classSubjectCoefficient = [];
    private int _pupils;

    /// <summary>Starts a period with a number of subjects.</summary>
    /// <param name="subjects">How many subjects.</param>
    /// <param name="expectedMarks">How many marks to make room for.</param>
    public TermDataBuilder(int subjects, int expectedMarks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjects);
        _subjects = subjects;
        _markPupil = new List<int>(expectedMarks);
        _markValue = new List<int>(expectedMarks);
    }

    /// <summary>Adds a class of pupils, with its subjects' coefficients for the overall average.</summary>
    /// <param name="pupils">How many pupils.</param>
    /// <param name="subjectCoefficients">One coefficient per subject (0: not in the overall average).</param>
    /// <returns>The index of the class's first pupil.</returns>
    public int AddClass(int pupils, IReadOnlyList<decimal> subjectCoefficients)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pupils);
        ArgumentNullException.ThrowIfNull(subjectCoefficients);
        if (subjectCoefficients.Count != _subjects)
        {
            throw new ArgumentException($"{subjectCoefficients.Count} subject coefficients given for {_subjects} subjects.", nameof(subjectCoefficients));
        }

        foreach (var coefficient in subjectCoefficients)
        {
            Scale.CheckCoefficient(coefficient);
            _classSubjectCoefficient.Add((int)(coefficient * 100));
        }

        var first = _pupils;
        _pupils += pupils;
        _classPupilStart.Add(_pupils);
        _classAssessmentStart.Add(_assessmentSubject.Count);
        return first;
    }

    /// <summary>Adds an assessment to the last class added, with its marks.</summary>
    /// <param name="subject">The subject's index.</param>
    /// <param name="scale">The scale.</param>
    /// <param name="coefficient">The coefficient.</param>
    /// <param name="kind">How it counts.</param>
    /// <param name="marks">The marks, by pupil index (pupils of the last class).</param>
    /// <exception cref="ArgumentException">No class yet, a subject or pupil out of range, a mark that does not fit; the message names it.</exception>
    public void AddAssessment(int subject, decimal scale, decimal coefficient, GradeItemKind kind, IEnumerable<(int Pupil, Mark Mark)> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        CheckAssessment(subject, scale, coefficient);
        var (firstPupil, endPupil) = (_classPupilStart[^2], _classPupilStart[^1]);
        foreach (var (pupil, mark) in marks)
        {
            if (pupil < firstPupil || pupil >= endPupil)
            {
                throw new ArgumentOutOfRangeException(nameof(marks), pupil, $"Pupil #{pupil} is not in this class (#{firstPupil} to #{endPupil - 1}).");
            }

            if (mark.Points > scale)
            {
                throw new ArgumentOutOfRangeException(nameof(marks), mark.Points, $"A mark of {mark.Points} is above the scale of {scale}.");
            }

            _markPupil.Add(pupil);
            _markValue.Add(StoredMark.Encode(mark));
        }

        EndAssessment(subject, (int)scale, coefficient, kind);
    }

    private void CheckAssessment(int subject, decimal scale, decimal coefficient)
    {
        if (_classPupilStart.Count < 2)
        {
            throw new InvalidOperationException("Add a class before its assessments.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(subject);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(subject, _subjects);
        Scale.Check(scale);
        Scale.CheckCoefficient(coefficient);
    }

    /// <summary>Closes the assessment whose marks were just added: it belongs to the last class.</summary>
    private void EndAssessment(int subject, int scale, decimal coefficient, GradeItemKind kind)
    {
        _assessmentSubject.Add(subject);
        _assessmentScale.Add(scale);
        _assessmentCoefficient.Add((int)(coefficient * 100));
        _assessmentKind.Add(kind);
        _assessmentMarkStart.Add(_markPupil.Count);
        _classAssessmentStart[^1] = _assessmentSubject.Count;
    }

    /// <summary>The period's data.</summary>
    public TermData Build() => new(
        _subjects,
        [.. _classPupilStart],
        [.. _classAssessmentStart],
        [.. _assessmentSubject],
        [.. _assessmentScale],
        [.. _assessmentCoefficient],
        [.. _assessmentKind],
        [.. _assessmentMarkStart],
        [.. _markPupil],
        [.. _markValue],
        [.. _classSubjectCoefficient]);
}
