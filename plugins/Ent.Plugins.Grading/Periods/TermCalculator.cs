using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Periods;

/// <summary>
/// The French rules' subject averages of a class, as <see cref="ClassAverages"/> computes them: marks summed in whole
/// hundredths per pupil, subject and scale, so the averages are exact and need one decimal division per scale; a pupil's
/// subject with a bonus or an optional assessment goes through <see cref="FrenchAverage"/> itself.
/// </summary>
internal sealed class TermCalculator(FrenchAverageMode mode)
{
    private readonly FrenchAverage _rule = new(mode);

    /// <summary>Every pupil's subject averages out of 20, by pupil then subject (<c>pupil × Subjects + subject</c>); null where no mark counts.</summary>
    /// <param name="data">The class's marks.</param>
    public decimal?[] Compute(TermData data)
    {
        var (subjects, pupils) = (data.Subjects, data.Pupils);
        var scales = data.AssessmentScale.Distinct().ToList(); // the class's scales: a handful (5, 10, 20…)
        var cells = pupils * subjects;
        var weighted = new long[cells * Math.Max(1, scales.Count)]; // Σ coefficient × points per pupil, subject, scale (in 1/10,000)
        var coefficients = new long[cells]; // Σ coefficient per pupil and subject (in 1/100)
        var scaleWeights = new long[cells]; // Σ coefficient × scale (sum-of-scales mode, in 1/100)
        var special = new bool[cells]; // a bonus or optional assessment: computed by the rule itself
        for (var a = 0; a < data.AssessmentSubject.Length; a++)
        {
            var subject = data.AssessmentSubject[a];
            var scale = data.AssessmentScale[a];
            var coefficient = (long)data.AssessmentCoefficient[a];
            var scaleIndex = scales.IndexOf(scale);
            var normal = data.AssessmentKind[a] == GradeItemKind.Normal;
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

                var cell = (data.MarkPupil[m] * subjects) + subject;
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
        }

        var averages = new decimal?[cells];
        for (var p = 0; p < pupils; p++)
        {
            for (var s = 0; s < subjects; s++)
            {
                var cell = (p * subjects) + s;
                averages[cell] = special[cell]
                    ? SpecialAverage(data, p, s)
                    : Average(weighted.AsSpan(cell * scales.Count, scales.Count), scales, coefficients[cell], scaleWeights[cell]);
            }
        }

        return averages;
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
    private decimal? SpecialAverage(TermData data, int pupil, int subject)
    {
        var items = new List<GradeItem>();
        for (var a = 0; a < data.AssessmentSubject.Length; a++)
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
}
