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
    public static ClassAverages Compute(IGradeAggregation rule, IReadOnlyList<PersonId> pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> subjects)
    {
        var index = new Dictionary<PersonId, int>(pupils.Count);
        for (var i = 0; i < pupils.Count; i++)
        {
            index.TryAdd(pupils[i], i);
        }

        var cells = new (decimal? Average, int Marks)[pupils.Count * subjects.Count];
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

        if (rule is FrenchAverage french && subjects.Count > 0)
        {
            French(french, index, subjects, cells);
        }
        else
        {
            ByRule(rule, index, subjects, cells);
        }

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

        return new ClassAverages(pupils, subjects.Count, CalculationVersion.Of(rule), cells, overall, statistics, Statistics.Of(overall));
    }

    /// <summary>The French rules in whole hundredths, as the term calculator sums them: one class, its subjects, its marks.</summary>
    private static void French(FrenchAverage rule, Dictionary<PersonId, int> pupils, IReadOnlyList<(decimal Coefficient, IReadOnlyList<AssessmentDocument> Assessments)> subjects, (decimal? Average, int Marks)[] cells)
    {
        var builder = new TermDataBuilder(subjects.Count, subjects.Sum(s => s.Assessments.Sum(a => a.Marks.Length)));
        builder.AddClass(pupils.Count, [.. subjects.Select(s => s.Coefficient)]);
        for (var s = 0; s < subjects.Count; s++)
        {
            foreach (var assessment in subjects[s].Assessments)
            {
                builder.AddAssessment(s, assessment.Scale, assessment.Coefficient, assessment.Kind,
                    assessment.Marks.Where(m => pupils.ContainsKey(m.Pupil)).Select(m => (pupils[m.Pupil], m.Mark)));
            }
        }

        var results = new TermCalculator(rule.Mode).Compute(builder.Build());
        for (var p = 0; p < pupils.Count; p++)
        {
            for (var s = 0; s < subjects.Count; s++)
            {
                cells[(p * subjects.Count) + s].Average = results.SubjectAverage(p, s);
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
