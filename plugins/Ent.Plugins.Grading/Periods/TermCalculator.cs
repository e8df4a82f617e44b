using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Periods;

/// <summary>
/// The term close: every subject average, overall average and class statistic of a period, class by class
/// (classes in parallel). Marks are summed in whole hundredths per pupil, subject and scale, so the French
/// averages are exact and need one decimal division per scale; a pupil's subject with a bonus or an
/// optional assessment goes through <see cref="FrenchAverage"/> itself. A class is recomputed on its own
/// after a mark changes.
/// </summary>
public sealed class TermCalculator(FrenchAverageMode mode)
{
    private readonly FrenchAverage _rule = new(mode);

    /// <summary>The calculation version the results record.</summary>
    public CalculationVersion Version => CalculationVersion.Of(_rule);

    /// <summary>Closes the period: computes everything, using every core.</summary>
    /// <param name="data">The period's marks.</param>
    public TermResults Compute(TermData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var results = new TermResults(data, Version);
        Parallel.For(0, data.Classes, () => new ClassBuffers(), (@class, _, buffers) =>
        {
            Compute(data, results, @class, buffers);
            return buffers;
        }, _ => { });
        return results;
    }

    /// <summary>Recomputes one class after its marks changed (see <see cref="TermData.SetMark"/>).</summary>
    /// <param name="data">The period's marks.</param>
    /// <param name="results">The results to update.</param>
    /// <param name="class">The class's index.</param>
    /// <exception cref="ArgumentException">The results were produced by another calculation version.</exception>
    public void RecomputeClass(TermData data, TermResults results, int @class)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Version != Version)
        {
            throw new ArgumentException($"These results were produced by {results.Version}; this calculator is {Version}. A closed period is recomputed by the version that produced it.", nameof(results));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(@class);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(@class, data.Classes);
        Compute(data, results, @class, new ClassBuffers());
    }

    private void Compute(TermData data, TermResults results, int @class, ClassBuffers buffers)
    {
        var subjects = data.Subjects;
        var (firstPupil, endPupil) = (data.ClassPupilStart[@class], data.ClassPupilStart[@class + 1]);
        var (firstAssessment, endAssessment) = (data.ClassAssessmentStart[@class], data.ClassAssessmentStart[@class + 1]);
        var pupils = endPupil - firstPupil;

        // The class's distinct scales: a handful (5, 10, 20…).
        var scales = buffers.Scales;
        scales.Clear();
        for (var a = firstAssessment; a < endAssessment; a++)
        {
            if (!scales.Contains(data.AssessmentScale[a]))
            {
                scales.Add(data.AssessmentScale[a]);
            }
        }

        var cells = pupils * subjects;
        var weighted = buffers.Weighted(cells * Math.Max(1, scales.Count)); // Σ coefficient × points per pupil, subject, scale (in 1/10,000)
        var coefficients = buffers.Coefficients(cells); // Σ coefficient per pupil and subject (in 1/100)
        var scaleWeights = buffers.ScaleWeights(cells); // Σ coefficient × scale (sum-of-scales mode, in 1/100)
        var special = buffers.Special(cells); // a bonus or optional assessment: computed by the rule itself
        for (var a = firstAssessment; a < endAssessment; a++)
        {
            var subject = data.AssessmentSubject[a];
            var scale = data.AssessmentScale[a];
            var coefficient = (long)data.AssessmentCoefficient[a];
            var scaleIndex = scales.IndexOf(scale);
            var normal = data.AssessmentKind[a] == GradeItemKind.Normal;
            long sum = 0;
            int count = 0, min = int.MaxValue, max = int.MinValue;
            for (var m = data.AssessmentMarkStart[a]; m < data.AssessmentMarkStart[a + 1]; m++)
            {
                var value = data.MarkValue[m];
                if (value < 0)
                {
                    if (!((MarkCode)(-value)).CountsAsZero())
                    {
                        continue; // left out
                    }

                    value = 0;
                }

                sum += value;
                count++;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                var cell = ((data.MarkPupil[m] - firstPupil) * subjects) + subject;
                if (!normal)
                {
                    special[cell] = true;
                }
                else if (coefficient > 0)
                {
                    weighted[(cell * scales.Count) + scaleIndex] += coefficient * value;
                    coefficients[cell] += coefficient;
                    scaleWeights[cell] += coefficient * scale;
                }
            }

            results.AssessmentStatistics[a] = count == 0
                ? Statistics.Empty
                : new Statistics(sum / 100m / count, min / 100m, max / 100m, count);
        }

        // Subject averages, then overall averages and the class's statistics.
        for (var p = 0; p < pupils; p++)
        {
            var pupil = firstPupil + p;
            for (var s = 0; s < subjects; s++)
            {
                var cell = (p * subjects) + s;
                results.SubjectAverages[(pupil * subjects) + s] = special[cell]
                    ? SpecialAverage(data, @class, pupil, s)
                    : Average(weighted.AsSpan(cell * scales.Count, scales.Count), scales, coefficients[cell], scaleWeights[cell]);
            }

            decimal total = 0, weights = 0;
            for (var s = 0; s < subjects; s++)
            {
                var weight = data.ClassSubjectCoefficient[(@class * subjects) + s];
                if (weight > 0 && results.SubjectAverages[(pupil * subjects) + s] is { } average)
                {
                    total += weight * average;
                    weights += weight;
                }
            }

            results.OverallAverages[pupil] = weights == 0 ? null : total / weights;
        }

        for (var s = 0; s < subjects; s++)
        {
            results.SubjectStatistics[(@class * subjects) + s] = Statistics.Of(Enumerable.Range(firstPupil, pupils).Select(pupil => results.SubjectAverages[(pupil * subjects) + s]));
        }

        results.ClassStatistics[@class] = Statistics.Of(results.OverallAverages.AsSpan(firstPupil, pupils).ToArray());
    }

    private decimal? Average(ReadOnlySpan<long> weighted, List<int> scales, long coefficients, long scaleWeights)
    {
        if (coefficients == 0)
        {
            return null;
        }

        if (_rule.Mode == FrenchAverageMode.SumOfScales)
        {
            long points = 0;
            foreach (var value in weighted)
            {
                points += value;
            }

            // 20 · Σ c·p / Σ c·b, with c·p in 1/10,000 and c·b in 1/100.
            return Math.Min(20m, 20m * points / (100m * scaleWeights));
        }

        // 20 · Σ (c·p / b) / Σ c, scale by scale.
        decimal sum = 0;
        for (var k = 0; k < weighted.Length; k++)
        {
            if (weighted[k] != 0)
            {
                sum += (decimal)weighted[k] / scales[k];
            }
        }

        return Math.Min(20m, 20m * sum / (100m * coefficients));
    }

    /// <summary>A subject with a bonus or optional assessment: its items, through the rule itself.</summary>
    private decimal? SpecialAverage(TermData data, int @class, int pupil, int subject)
    {
        var items = new List<GradeItem>();
        for (var a = data.ClassAssessmentStart[@class]; a < data.ClassAssessmentStart[@class + 1]; a++)
        {
            if (data.AssessmentSubject[a] != subject)
            {
                continue;
            }

            for (var m = data.AssessmentMarkStart[a]; m < data.AssessmentMarkStart[a + 1]; m++)
            {
                if (data.MarkPupil[m] == pupil)
                {
                    var scale = data.AssessmentScale[a];
                    items.Add(new GradeItem(Mark.FromStored(data.MarkValue[m], scale), scale, data.AssessmentCoefficient[a] / 100m, data.AssessmentKind[a]));
                }
            }
        }

        return _rule.Average(items);
    }

    /// <summary>Per-thread buffers, reused from class to class.</summary>
    private sealed class ClassBuffers
    {
        private long[] _weighted = [];
        private long[] _coefficients = [];
        private long[] _scaleWeights = [];
        private bool[] _special = [];

        public List<int> Scales { get; } = [];

        public long[] Weighted(int length) => Cleared(ref _weighted, length);

        public long[] Coefficients(int length) => Cleared(ref _coefficients, length);

        public long[] ScaleWeights(int length) => Cleared(ref _scaleWeights, length);

        public bool[] Special(int length) => Cleared(ref _special, length);

        private static T[] Cleared<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                buffer = new T[length];
            }
            else
            {
                Array.Clear(buffer, 0, length);
            }

            return buffer;
        }
    }
}
