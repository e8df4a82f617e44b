using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Benchmarks;

/// <summary>
/// The personalised-learning plugin at a department's scale, on one core. A whole department's mastery recomputed from its evidence
/// (target under 1 s): 75,000 pupils × 50 skills, about 15 million answers (two to six per pupil and skill, each pupil at their own
/// level), laid out pupil by pupil as the store returns them, traced by <see cref="MasteryTable"/>; against grouping the answers by
/// pupil and skill with LINQ and looking each skill's parameters up in a dictionary. Fitting a skill's parameters by EM for 1,000
/// pupils × 20 answers (target under 100 ms, pyBKT's 5 starts and stopping rule), against a textbook Baum-Welch that allocates its
/// forward and backward tables for every pupil at every iteration.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LearningDepartmentBenchmarks
{
    public const int Pupils = 75_000;
    public const int Skills = 50;

    private int[] _cells = [];
    private bool[] _correct = [];
    private BktParameters[] _parameters = [];
    private readonly double[] _mastery = new double[Pupils * Skills];
    private readonly int[] _answers = new int[Pupils * Skills];
    private readonly byte[] _wrong = new byte[Pupils * Skills];
    private AnswerSequences _fitAnswers = null!;
    private List<bool[]> _fitSequences = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(75);
        _parameters = [.. Enumerable.Range(0, Skills).Select(s => new BktParameters(0.1 + (0.3 * random.NextDouble()), 0.05 + (0.2 * random.NextDouble()), 0.1 + (0.2 * random.NextDouble()), 0.05 + (0.1 * random.NextDouble())))];
        var cells = new List<int>(16_000_000);
        var correct = new List<bool>(16_000_000);
        for (var p = 0; p < Pupils; p++)
        {
            var level = random.NextDouble();
            for (var s = 0; s < Skills; s++)
            {
                var count = random.Next(2, 7);
                for (var i = 0; i < count; i++)
                {
                    cells.Add((p * Skills) + s);
                    correct.Add(random.NextDouble() < 0.3 + (0.6 * level));
                }
            }
        }

        (_cells, _correct) = ([.. cells], [.. correct]);
        if (_cells.Length < 14_000_000)
        {
            throw new InvalidOperationException($"{_cells.Length} answers generated, fewer than a department's.");
        }

        var fitted = Ent.Plugins.PersonalisedLearning.Tests.Mastery.BktSimulation.Answers(new BktParameters(0.3, 0.12, 0.2, 0.08), 1_000, 20, 7);
        _fitSequences = fitted;
        _fitAnswers = AnswerSequences.From(fitted);

        Recompute();
        var naive = NaiveRecompute();
        for (var c = 0; c < _mastery.Length; c += 997)
        {
            if (Math.Abs(naive[c] - _mastery[c]) > 1e-12)
            {
                throw new InvalidOperationException($"The recompute and its baseline disagree on cell {c}.");
            }
        }

        if (Math.Abs(Fit() - NaiveFit()) > 0.5)
        {
            throw new InvalidOperationException($"The fit ({Fit()}) and its baseline ({NaiveFit()}) reach different likelihoods.");
        }
    }

    [Benchmark(Baseline = true, Description = "Department recompute: LINQ groups, parameters by skill in a dictionary")]
    [BenchmarkCategory("Department recompute (75,000 × 50)")]
    public double[] NaiveRecompute()
    {
        var bySkill = Enumerable.Range(0, Skills).ToDictionary(s => s, s => _parameters[s]);
        var mastery = new double[Pupils * Skills];
        foreach (var cell in _cells.Select((c, i) => (Cell: c, Index: i)).GroupBy(a => a.Cell))
        {
            var parameters = bySkill[cell.Key % Skills];
            var known = parameters.Prior;
            foreach (var answer in cell.OrderBy(a => a.Index))
            {
                known = Bkt.Update(known, _correct[answer.Index], parameters);
            }

            mastery[cell.Key] = known;
        }

        return mastery;
    }

    [Benchmark(Description = "Department recompute: the mastery table")]
    [BenchmarkCategory("Department recompute (75,000 × 50)")]
    public double Recompute()
    {
        MasteryTable.Trace(_cells, _correct, _parameters, _mastery, _answers, _wrong);
        return _mastery[^1];
    }

    [Benchmark(Baseline = true, Description = "EM fit 1,000 × 20: tables allocated per pupil and iteration")]
    [BenchmarkCategory("EM fit (1,000 pupils × 20 answers)")]
    public double NaiveFit()
    {
        var random = new Random(20_26);
        var best = double.NegativeInfinity;
        for (var start = 0; start < 5; start++)
        {
            double l0 = 0.05 + (random.NextDouble() * 0.55), t = 0.05 + (random.NextDouble() * 0.45), g = 0.05 + (random.NextDouble() * 0.3), s = 0.05 + (random.NextDouble() * 0.3);
            var previous = double.NegativeInfinity;
            var ll = 0.0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                double prior = 0, tn = 0, td = 0, gn = 0, gd = 0, sn = 0, sd = 0;
                ll = 0;
                foreach (var sequence in _fitSequences)
                {
                    var n = sequence.Length;
                    var alpha = new double[n][];
                    var beta = new double[n][];
                    double Emit(int state, bool right) => state == 1 ? (right ? 1 - s : s) : (right ? g : 1 - g);
                    alpha[0] = [(1 - l0) * Emit(0, sequence[0]), l0 * Emit(1, sequence[0])];
                    for (var i = 1; i < n; i++)
                    {
                        alpha[i] = [alpha[i - 1][0] * (1 - t) * Emit(0, sequence[i]), ((alpha[i - 1][0] * t) + alpha[i - 1][1]) * Emit(1, sequence[i])];
                    }

                    beta[n - 1] = [1, 1];
                    for (var i = n - 2; i >= 0; i--)
                    {
                        beta[i] = [((1 - t) * Emit(0, sequence[i + 1]) * beta[i + 1][0]) + (t * Emit(1, sequence[i + 1]) * beta[i + 1][1]), Emit(1, sequence[i + 1]) * beta[i + 1][1]];
                    }

                    var likelihood = alpha[n - 1].Sum();
                    ll += Math.Log(likelihood);
                    for (var i = 0; i < n; i++)
                    {
                        var gamma = new[] { alpha[i][0] * beta[i][0] / likelihood, alpha[i][1] * beta[i][1] / likelihood };
                        if (i == 0)
                        {
                            prior += gamma[1];
                        }

                        gd += gamma[0];
                        sd += gamma[1];
                        gn += sequence[i] ? gamma[0] : 0;
                        sn += sequence[i] ? 0 : gamma[1];
                        if (i < n - 1)
                        {
                            tn += alpha[i][0] * t * Emit(1, sequence[i + 1]) * beta[i + 1][1] / likelihood;
                            td += gamma[0];
                        }
                    }
                }

                (l0, t, g, s) = (Clamp(prior / _fitSequences.Count), Clamp(tn / td), Math.Min(0.4999, Clamp(gn / gd)), Math.Min(0.4999, Clamp(sn / sd)));
                if (Math.Abs(ll - previous) <= 0.005)
                {
                    break;
                }

                previous = ll;
            }

            best = Math.Max(best, ll);
        }

        return best;
    }

    [Benchmark(Description = "EM fit 1,000 × 20: BktFitting")]
    [BenchmarkCategory("EM fit (1,000 pupils × 20 answers)")]
    public double Fit() => BktFitting.Fit(_fitAnswers).LogLikelihood;

    private static double Clamp(double value) => Math.Clamp(value, 1e-4, 1 - 1e-4);
}
