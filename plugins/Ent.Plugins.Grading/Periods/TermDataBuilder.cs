using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Periods;

/// <summary>Builds a <see cref="TermData"/> class by class: its pupils, its assessments and their marks.</summary>
internal sealed class TermDataBuilder
{
    private readonly int _subjects;
    private readonly List<int> _classPupilStart = [0];
    private readonly List<int> _classAssessmentStart = [0];
    private readonly List<int> _assessmentSubject = [];
    private readonly List<int> _assessmentScale = [];
    private readonly List<int> _assessmentCoefficient = [];
    private readonly List<GradeItemKind> _assessmentKind = [];
    private readonly List<int> _assessmentMarkStart = [];
    private int[] _markPupil;
    private int[] _markValue;
    private int _marks;
    private bool _built;
    private int _scale = -1; // the open assessment's, while its marks are added
    private int _firstPupil; // the last class's pupils, from _firstPupil to _pupils − 1
    private int _pupils;

    /// <summary>Starts a period with a number of subjects.</summary>
    /// <param name="subjects">How many subjects.</param>
    /// <param name="expectedMarks">How many marks to make room for.</param>
    public TermDataBuilder(int subjects, int expectedMarks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjects);
        _subjects = subjects;
        ArgumentOutOfRangeException.ThrowIfNegative(expectedMarks);
        _markPupil = new int[expectedMarks];
        _markValue = new int[expectedMarks];
    }

    /// <summary>Adds a class of pupils.</summary>
    /// <param name="pupils">How many pupils.</param>
    /// <returns>The index of the class's first pupil.</returns>
    public int AddClass(int pupils)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pupils);
        _firstPupil = _pupils;
        _pupils += pupils;
        _classPupilStart.Add(_pupils);
        _classAssessmentStart.Add(_assessmentSubject.Count);
        return _firstPupil;
    }

    /// <summary>Starts an assessment of the last class added; its marks follow with <see cref="AddMark"/>.</summary>
    /// <exception cref="ArgumentException">No class yet, a subject out of range, a scale or coefficient that does not fit; the message names it.</exception>
    public void BeginAssessment(int subject, decimal scale, decimal coefficient, GradeItemKind kind)
    {
        if (_classPupilStart.Count < 2 || _built)
        {
            throw new InvalidOperationException(_built ? "This builder has built its TermData already; start another." : "Add a class before its assessments.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(subject);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(subject, _subjects);
        Scale.Check(scale);
        Scale.CheckCoefficient(coefficient);
        _scale = (int)scale;
        _assessmentSubject.Add(subject);
        _assessmentScale.Add(_scale);
        _assessmentCoefficient.Add((int)(coefficient * 100));
        _assessmentKind.Add(kind);
        _assessmentMarkStart.Add(_marks);
        _classAssessmentStart[^1] = _assessmentSubject.Count;
    }

    /// <summary>Adds a mark to the assessment begun last.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A pupil outside the class, or a mark above the assessment's scale.</exception>
    public void AddMark(int pupil, Mark mark)
    {
        if (pupil < _firstPupil || pupil >= _pupils)
        {
            throw new ArgumentOutOfRangeException(nameof(pupil), pupil, $"Pupil #{pupil} is not in this class (#{_firstPupil} to #{_pupils - 1}).");
        }

        var value = mark.Stored;
        if (value > _scale * 100)
        {
            throw new ArgumentOutOfRangeException(nameof(mark), mark.Points, $"A mark of {mark.Points} is above the scale of {_scale}.");
        }

        if (_marks == _markPupil.Length)
        {
            Array.Resize(ref _markPupil, Math.Max(16, _marks * 2));
            Array.Resize(ref _markValue, _markPupil.Length);
        }

        (_markPupil[_marks], _markValue[_marks]) = (pupil, value);
        _marks++;
    }

    /// <summary>The period's data; a builder builds once (the data takes over its marks).</summary>
    /// <exception cref="InvalidOperationException">It was built already.</exception>
    public TermData Build() => _built
        ? throw new InvalidOperationException("This builder has built its TermData already; start another.")
        : new(
        _subjects,
        [.. _classPupilStart],
        [.. _classAssessmentStart],
        [.. _assessmentSubject],
        [.. _assessmentScale],
        [.. _assessmentCoefficient],
        [.. _assessmentKind],
        [.. _assessmentMarkStart, _marks],
        Taken(ref _markPupil),
        Taken(ref _markValue));

    private int[] Taken(ref int[] marks)
    {
        _built = true;
        return marks.Length == _marks ? marks : marks[.._marks];
    }
}
