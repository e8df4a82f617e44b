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
        var indexes = new Dictionary<PersonId, int>[classes.Count];
        var cells = new (decimal? Average, int Marks)[classes.Count][];
        for (var c = 0; c < classes.Count; c++)
        {
            var (pupils, subjects) = classes[c];
            var index = indexes[c] = new Dictionary<PersonId, int>(pupils.Count);
            for (var i = 0; i < pupils.Count; i++)
            {
                index.TryAdd(pupils[i], i);
            }

            cells[c] = CountMarks(index, pupils.Count, subjects);
        }

        if (rule is FrenchAverage french)
        {
            French(french, classes, indexes, cells);
        }
        else
        {
            for (var c = 0; c < classes.Count; c++)
            {
                ByRule(rule, indexes[c], classes[c].Subjects, cells[c]);
            }
        }

        var version = CalculationVersion.Of(rule);
        return [.. classes.Select((@class, c) => Summarise(@class, version, cells[c]))];
    }

    private static (decimal? Average, int Marks)[] CountMarks(Dictionary<PersonId, int> index, int pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> subjects)
    {
        var cells = new (decimal? Average, int Marks)[pupils * subjects.Count];
        for (var s = 0; s < subjects.Count; s++)
        {
            foreach (var assessment in subjects[s].Assessments)
            {
                foreach (var mark in assessment.Marks)
                {
                    if (mark.Mark.Counted is not null && index.TryGetValue(mark.Pupil, out var p))
                    {
                        cells[(p * subjects.Count) + s].Marks++;
                    }
                }
            }
        }

        return cells;
    }

    private static ClassAverages Summarise(ClassMarks @class, CalculationVersion version, (decimal? Average, int Marks)[] cells)
    {
        var (pupils, subjects) = @class;
        var overall = new decimal?[pupils.Count];
        for (var p = 0; p < pupils.Count; p++)
        {
            overall[p] = OverallAverage.Of(subjects.Select((subject, s) => (cells[(p * subjects.Count) + s].Average, subject.Coefficient)));
        }

        var statistics = new Statistics[subjects.Count];
        for (var s = 0; s < subjects.Count; s++)
        {
            statistics[s] = Statistics.Of(Enumerable.Range(0, pupils.Count).Select(p => cells[(p * subjects.Count) + s].Average));
        }

        return new ClassAverages(pupils, subjects.Count, version, cells, overall, statistics, Statistics.Of(overall));
    }

    /// <summary>
    /// The French rules in whole hundredths, as the term calculator sums them: every class at once, each with its pupils and
    /// subjects (the data has as many subject slots as the class with the most; a class's unused slots have no marks).
    /// </summary>
    private static void French(FrenchAverage rule, IReadOnlyList<ClassMarks> classes, Dictionary<PersonId, int>[] indexes, (decimal? Average, int Marks)[][] cells)
    {
        var slots = classes.Max(c => c.Subjects.Count);
        if (slots == 0)
        {
            return;
        }

        var builder = new TermDataBuilder(slots, classes.Sum(c => c.Subjects.Sum(s => s.Assessments.Sum(a => a.Marks.Length))));
        var first = new int[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var (pupils, subjects) = classes[c];
            var index = indexes[c];
            first[c] = builder.AddClass(pupils.Count, [.. Enumerable.Range(0, slots).Select(s => s < subjects.Count ? subjects[s].Coefficient : 0m)]);
            for (var s = 0; s < subjects.Count; s++)
            {
                foreach (var assessment in subjects[s].Assessments)
                {
                    var offset = first[c];
                    builder.AddAssessment(s, assessment.Scale, assessment.Coefficient, assessment.Kind,
                        assessment.Marks.Where(m => index.ContainsKey(m.Pupil)).Select(m => (offset + index[m.Pupil], m.Mark)));
                }
            }
        }

        var results = new TermCalculator(rule.Mode).Compute(builder.Build());
        for (var c = 0; c < classes.Count; c++)
        {
            var (pupils, subjects) = classes[c];
            for (var p = 0; p < pupils.Count; p++)
            {
                for (var s = 0; s < subjects.Count; s++)
                {
                    cells[c][(p * subjects.Count) + s].Average = results.SubjectAverage(first[c] + p, s);
                }
            }
        }
    }

    private static void ByRule(IGradeAggregation rule, Dictionary<PersonId, int> pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> subjects, (decimal? Average, int Marks)[] cells)
    {
        for (var s = 0; s < subjects.Count; s++)
        {
            var items = new List<GradeItem>[pupils.Count];
            foreach (var assessment in subjects[s].Assessments)
            {
                foreach (var mark in assessment.Marks)
                {
                    if (pupils.TryGetValue(mark.Pupil, out var p))
                    {
                        (items[p] ??= []).Add(new GradeItem(mark.Mark, assessment.Scale, assessment.Coefficient, assessment.Kind));
                    }
                }
            }

            for (var p = 0; p < pupils.Count; p++)
            {
                cells[(p * subjects.Count) + s].Average = rule.Average(items[p] ?? []);
            }
        }
    }
}

/// <summary>A class's period as the averages read it: its pupils and, per subject, the coefficient in the overall average and the assessments.</summary>
/// <param name="Pupils">The pupils enrolled during the period.</param>
/// <param name="Subjects">Each subject's coefficient and assessments.</param>
internal sealed record ClassMarks(IReadOnlyList<PersonId> Pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> Subjects);
