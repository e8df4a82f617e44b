using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Periods;

namespace Ent.Plugins.Grading.Averages;

/// <summary>
/// The one computation of a class's period, which report cards, the class council and the term close all use, so that they
/// agree by construction: every pupil's average in each subject (and how many marks count), overall average and the class's
/// figures, with the rule the caller gives (the one recorded when the period was closed). The French rules go through the
/// term calculator (exact, in whole hundredths), the others through the rule itself.
/// </summary>
internal sealed class ClassAverages
{
    private readonly (decimal? Average, int Marks)[] _cells;
    private readonly decimal?[] _overall;
    private readonly Statistics[] _subjects;

    private ClassAverages(IReadOnlyList<PersonId> pupils, int subjects, CalculationVersion version, (decimal?, int)[] cells, decimal?[] overall, Statistics[] statistics, Statistics @class)
    {
        Pupils = pupils;
        Subjects = subjects;
        Version = version;
        _cells = cells;
        _overall = overall;
        _subjects = statistics;
        Class = @class;
    }

    /// <summary>The class's pupils, in the order the caller gave.</summary>
    public IReadOnlyList<PersonId> Pupils { get; }

    /// <summary>How many subjects.</summary>
    public int Subjects { get; }

    /// <summary>The rule and version the figures were computed with.</summary>
    public CalculationVersion Version { get; }

    /// <summary>The class's figures of its pupils' overall averages.</summary>
    public Statistics Class { get; }

    /// <summary>A pupil's average in a subject (out of 20, exact) and how many of its marks count.</summary>
    public (decimal? Average, int Marks) Of(int pupil, int subject) => _cells[(pupil * Subjects) + subject];

    /// <summary>A pupil's overall average.</summary>
    public decimal? Overall(int pupil) => _overall[pupil];

    /// <summary>The class's figures of its pupils' averages in a subject.</summary>
    public Statistics OfSubject(int subject) => _subjects[subject];

    /// <summary>Computes a class's period.</summary>
    /// <param name="rule">The averaging rule.</param>
    /// <param name="pupils">The pupils enrolled during the period.</param>
    /// <param name="subjects">Each subject's coefficient in the overall average and its assessments.</param>
    public static ClassAverages Compute(IGradeAggregation rule, IReadOnlyList<PersonId> pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> subjects) =>
        ComputeMany(rule, [new ClassMarks(pupils, subjects)])[0];

    /// <summary>
    /// Computes several classes' period with one rule, as the term close does for a school: the same computation as
    /// <see cref="Compute"/>, class by class, with the French rules summed in one pass of the term calculator over
    /// every class (in parallel) instead of one pass per class.
    /// </summary>
    /// <param name="rule">The averaging rule.</param>
    /// <param name="classes">Each class's pupils and subjects.</param>
    /// <returns>One result per class, in the order given.</returns>
    public static IReadOnlyList<ClassAverages> ComputeMany(IGradeAggregation rule, IReadOnlyList<ClassMarks> classes)
    {
        // The French rules in whole hundredths, through the term calculator: the data has as many subject slots as the
        // class with the most (a class's unused slots have no marks). The other rules through the rule itself.
        var slots = classes.Count == 0 ? 0 : classes.Max(c => c.Subjects.Count);
        var french = rule as FrenchAverage;
        var calculator = french is not null && slots > 0
            ? new TermDataBuilder(slots, classes.Sum(c => c.Subjects.Sum(s => s.Assessments.Sum(a => a.Marks.Length))))
            : null;
        var cells = new (decimal? Average, int Marks)[classes.Count][];
        var first = new int[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var (pupils, subjects) = classes[c];
            var index = new Dictionary<PersonId, int>(pupils.Count);
            for (var i = 0; i < pupils.Count; i++)
            {
                index.TryAdd(pupils[i], i);
            }

            var classCells = cells[c] = new (decimal? Average, int Marks)[pupils.Count * subjects.Count];
            first[c] = calculator?.AddClass(pupils.Count, [.. Enumerable.Range(0, slots).Select(s => s < subjects.Count ? subjects[s].Coefficient : 0m)]) ?? 0;
            var items = calculator is null ? new List<GradeItem>?[classCells.Length] : null;
            for (var s = 0; s < subjects.Count; s++)
            {
                foreach (var assessment in subjects[s].Assessments)
                {
                    calculator?.BeginAssessment(s, assessment.Scale, assessment.Coefficient, assessment.Kind);
                    foreach (var (pupil, mark) in assessment.Marks)
                    {
                        if (!index.TryGetValue(pupil, out var p))
                        {
                            continue; // not in the class during the period
                        }

                        var cell = (p * subjects.Count) + s;
                        classCells[cell].Marks += mark.IsCounted ? 1 : 0;
                        if (items is null)
                        {
                            calculator!.AddMark(first[c] + p, mark);
                        }
                        else
                        {
                            (items[cell] ??= []).Add(new GradeItem(mark, assessment.Scale, assessment.Coefficient, assessment.Kind));
                        }
                    }
                }
            }

            for (var i = 0; items is not null && i < classCells.Length; i++)
            {
                classCells[i].Average = rule.Average(items[i] ?? []);
            }
        }

        if (calculator is not null)
        {
            var results = new TermCalculator(french!.Mode).Compute(calculator.Build());
            for (var c = 0; c < classes.Count; c++)
            {
                var subjects = classes[c].Subjects.Count;
                for (var cell = 0; cell < cells[c].Length; cell++)
                {
                    cells[c][cell].Average = results.SubjectAverage(first[c] + (cell / subjects), cell % subjects);
                }
            }
        }

        var version = CalculationVersion.Of(rule);
        return [.. classes.Select((@class, c) => Summarise(@class, version, cells[c]))];
    }

    private static ClassAverages Summarise(ClassMarks @class, CalculationVersion version, (decimal? Average, int Marks)[] cells)
    {
        var (pupils, subjects) = @class;
        var overall = new decimal?[pupils.Count];
        var averages = new decimal?[pupils.Count];
        var statistics = new Statistics[subjects.Count];
        for (var s = 0; s < subjects.Count; s++)
        {
            for (var p = 0; p < pupils.Count; p++)
            {
                averages[p] = cells[(p * subjects.Count) + s].Average;
            }

            statistics[s] = Statistics.Of(averages);
        }

        for (var p = 0; p < pupils.Count; p++)
        {
            overall[p] = OverallAverage.Of(subjects.Select((subject, s) => (cells[(p * subjects.Count) + s].Average, subject.Coefficient)));
        }

        return new ClassAverages(pupils, subjects.Count, version, cells, overall, statistics, Statistics.Of(overall));
    }
}

/// <summary>A class's period as the averages read it: its pupils and, per subject, the coefficient in the overall average and the assessments.</summary>
/// <param name="Pupils">The pupils enrolled during the period.</param>
/// <param name="Subjects">Each subject's coefficient and assessments.</param>
internal sealed record ClassMarks(IReadOnlyList<PersonId> Pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> Subjects);
