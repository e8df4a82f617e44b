using System.Runtime.ExceptionServices;
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

    /// <summary>Computes several classes' period with one rule, as the term close does for a school: each class as <see cref="Compute"/> does, classes in parallel.</summary>
    /// <param name="rule">The averaging rule (called from several threads at once: a rule is a function of its items).</param>
    /// <param name="classes">Each class's pupils and subjects.</param>
    /// <returns>One result per class, in the order given.</returns>
    public static IReadOnlyList<ClassAverages> ComputeMany(IGradeAggregation rule, IReadOnlyList<ClassMarks> classes)
    {
        var version = CalculationVersion.Of(rule);
        var calculator = rule is FrenchAverage french ? new TermCalculator(french.Mode) : null;
        var computed = new ClassAverages[classes.Count];
        try
        {
            Parallel.For(0, classes.Count, c => computed[c] = ComputeClass(rule, calculator, version, classes[c]));
        }
        catch (AggregateException error)
        {
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]); // a rule's own error, as computing one class gives it
        }

        return computed;
    }

    /// <summary>A class's averages: the French rules in whole hundredths through the term calculator, the others through the rule itself, pupil by pupil.</summary>
    private static ClassAverages ComputeClass(IGradeAggregation rule, TermCalculator? calculator, CalculationVersion version, ClassMarks @class)
    {
        var (pupils, subjects) = @class;
        var (sorted, position) = InIdOrder(pupils);
        var cells = new (decimal? Average, int Marks)[pupils.Count * subjects.Count];
        var builder = calculator is null || subjects.Count == 0 ? null : new TermDataBuilder(subjects.Count, pupils.Count, subjects.Sum(s => s.Assessments.Sum(a => a.Marks.Length)));
        var items = builder is null ? new List<GradeItem>?[cells.Length] : null;
        for (var s = 0; s < subjects.Count; s++)
        {
            foreach (var assessment in subjects[s].Assessments)
            {
                builder?.BeginAssessment(s, assessment.Scale, assessment.Coefficient, assessment.Kind);
                var next = 0; // marks are kept in the order of their pupils' ids: the next one is usually the next pupil
                foreach (var (pupil, mark) in assessment.Marks)
                {
                    if ((next >= sorted.Length || sorted[next].Id != pupil) && !position.TryGetValue(pupil, out next))
                    {
                        continue; // not in the class during the period
                    }

                    var p = sorted[next++].Index;
                    var cell = (p * subjects.Count) + s;
                    cells[cell].Marks += mark.IsCounted ? 1 : 0;
                    if (items is null)
                    {
                        builder!.AddMark(p, mark);
                    }
                    else
                    {
                        (items[cell] ??= []).Add(new GradeItem(mark, assessment.Scale, assessment.Coefficient, assessment.Kind));
                    }
                }
            }
        }

        var averages = builder is null ? null : calculator!.Compute(builder.Build());
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].Average = averages is null ? rule.Average(items![i] ?? []) : averages[i];
        }

        return Summarise(@class, version, cells);
    }

    /// <summary>A class's pupils in the order of their ids (each once, at its first place in the list), and where each id is in that order.</summary>
    private static ((PersonId Id, int Index)[] Sorted, Dictionary<PersonId, int> Position) InIdOrder(IReadOnlyList<PersonId> pupils)
    {
        var position = new Dictionary<PersonId, int>(pupils.Count);
        for (var i = 0; i < pupils.Count; i++)
        {
            position.TryAdd(pupils[i], i);
        }

        var sorted = position.Select(p => (Id: p.Key, Index: p.Value)).ToArray();
        Array.Sort(sorted, (a, b) => a.Id.Value.CompareTo(b.Id.Value));
        for (var i = 0; i < sorted.Length; i++)
        {
            position[sorted[i].Id] = i;
        }

        return (sorted, position);
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

        var row = new (decimal? Average, decimal Coefficient)[subjects.Count];
        for (var p = 0; p < pupils.Count; p++)
        {
            for (var s = 0; s < subjects.Count; s++)
            {
                row[s] = (cells[(p * subjects.Count) + s].Average, subjects[s].Coefficient);
            }

            overall[p] = OverallAverage.Of(row);
        }

        return new ClassAverages(pupils, subjects.Count, version, cells, overall, statistics, Statistics.Of(overall));
    }
}

/// <summary>A class's period as the averages read it: its pupils and, per subject, the coefficient in the overall average and the assessments.</summary>
/// <param name="Pupils">The pupils enrolled during the period.</param>
/// <param name="Subjects">Each subject's coefficient and assessments.</param>
internal sealed record ClassMarks(IReadOnlyList<PersonId> Pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> Subjects);
