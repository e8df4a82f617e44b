using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Periods;

/// <summary>Builds a class's <see cref="TermData"/>: its assessments and their marks.</summary>
internal sealed class TermDataBuilder
{
    private readonly int _subjects;
    private readonly int _pupils;
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

    /// <summary>Starts a class's period.</summary>
    /// <param name="subjects">How many subjects.</param>
    /// <param name="pupils">How many pupils.</param>
    /// <param name="expectedMarks">How many marks to make room for.</param>
    public TermDataBuilder(int subjects, int pupils, int expectedMarks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjects);
        ArgumentOutOfRangeException.ThrowIfNegative(pupils);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedMarks);
        (_subjects, _pupils) = (subjects, pupils);
        _markPupil = new int[expectedMarks];
        _markValue = new int[expectedMarks];
    }

    /// <summary>Starts an assessment; its marks follow with <see cref="AddMark"/>.</summary>
    /// <exception cref="ArgumentException">A subject out of range, a scale or coefficient that does not fit; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The builder has built its data already.</exception>
    public void BeginAssessment(int subject, decimal scale, decimal coefficient, GradeItemKind kind)
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has built its TermData already; start another.");
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
    }

    /// <summary>Adds a mark to the assessment begun last.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A pupil outside the class, or a mark above the assessment's scale.</exception>
    public void AddMark(int pupil, Mark mark)
    {
        if (pupil < 0 || pupil >= _pupils)
        {
            throw new ArgumentOutOfRangeException(nameof(pupil), pupil, $"Pupil #{pupil} is not in this class (#0 to #{_pupils - 1}).");
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

    /// <summary>The class's data; a builder builds once (the data takes over its marks).</summary>
    /// <exception cref="InvalidOperationException">It was built already.</exception>
    public TermData Build() => _built
        ? throw new InvalidOperationException("This builder has built its TermData already; start another.")
        : new(
        _subjects,
        _pupils,
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
