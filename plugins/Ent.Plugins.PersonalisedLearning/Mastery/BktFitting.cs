using System.Diagnostics;

namespace Ent.Plugins.PersonalisedLearning.Mastery;

/// <summary>
/// Fits a skill's BKT parameters to pupils' answers by maximum likelihood, with expectation-maximisation (the Baum-Welch algorithm
/// for BKT's two-state hidden Markov model, without forgetting): several starts from random parameters, each iterated until the
/// log-likelihood changes by less than a tolerance or an iteration limit is reached; the start with the highest likelihood wins.
/// The guess and the slip are kept at most <see cref="MaxGuessOrSlip"/>: above it the "known" state would be the one answering worse
/// (the mirrored model, as likely as the right one), and the two could add up to 1, which <see cref="BktParameters"/> refuses.
/// </summary>
public static class BktFitting
{
    /// <summary>The smallest distance a fitted value keeps from 0 and 1, so that it stays a valid parameter.</summary>
    private const double Margin = 1e-4;

    /// <summary>The largest guess or slip a fit gives.</summary>
    public const double MaxGuessOrSlip = 0.5 - Margin;

    /// <summary>Fits parameters to answers.</summary>
    /// <param name="answers">The pupils' answers on the skill.</param>
    /// <param name="options">The starts and the stopping rule; <see cref="BktFittingOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">There is no answer, or the options are invalid; the message names the value.</exception>
    public static BktFit Fit(AnswerSequences answers, BktFittingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= BktFittingOptions.Default;
        if (answers.Count == 0)
        {
            throw new ArgumentException("Parameters cannot be fitted without answers: none was given.", nameof(answers));
        }

        if (options.Starts < 1 || options.MaxIterations < 1 || !(options.Tolerance > 0))
        {
            throw new ArgumentException($"The fitting needs at least one start ({options.Starts}), one iteration ({options.MaxIterations}) and a positive tolerance ({options.Tolerance}).", nameof(options));
        }

        var random = new Random(options.Seed);
        var longest = 0;
        for (var p = 0; p < answers.Pupils; p++)
        {
            longest = Math.Max(longest, answers.Starts[p + 1] - answers.Starts[p]);
        }

        var work = new Work(longest);
        BktFit? best = null;
        for (var start = 0; start < options.Starts; start++)
        {
            var initial = new Estimate(Between(random, 0.05, 0.6), Between(random, 0.05, 0.5), Between(random, 0.05, 0.35), Between(random, 0.05, 0.35));
            var fit = Run(answers, initial, options, work);
            if (best is null || fit.LogLikelihood > best.LogLikelihood)
            {
                best = fit;
            }
        }

        return best!;
    }

    /// <summary>The log-likelihood of answers under parameters.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="parameters">The parameters.</param>
    public static double LogLikelihood(AnswerSequences answers, BktParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var total = 0.0;
        for (var p = 0; p < answers.Pupils; p++)
        {
            var known = parameters.Prior;
            foreach (var correct in answers.Of(p))
            {
                var right = Bkt.PredictCorrect(known, parameters);
                total += Math.Log(correct ? right : 1 - right);
                known = Bkt.Update(known, correct, parameters);
            }
        }

        return total;
    }

    private static BktFit Run(AnswerSequences answers, Estimate estimate, BktFittingOptions options, Work work)
    {
        var previous = double.NegativeInfinity;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var (next, logLikelihood) = Step(answers, estimate, work);
            estimate = next;
            var converged = Math.Abs(logLikelihood - previous) <= options.Tolerance;
            previous = logLikelihood;
            if (converged || iteration == options.MaxIterations)
            {
                var parameters = new BktParameters(estimate.Prior, estimate.Learn, estimate.Guess, estimate.Slip);
                return new BktFit(parameters, LogLikelihood(answers, parameters), answers.Pupils, answers.Count, iteration, converged);
            }
        }

        throw new UnreachableException();
    }

    /// <summary>One iteration: the expected states given the answers (forward-backward, scaled), then the parameters that maximise the likelihood of those expectations.</summary>
    private static (Estimate Next, double LogLikelihood) Step(AnswerSequences answers, Estimate e, Work work)
    {
        double prior = 0, learnNum = 0, learnDen = 0, guessNum = 0, guessDen = 0, slipNum = 0, slipDen = 0, logLikelihood = 0;
        var (unknown, known, scale) = (work.Unknown, work.Known, work.Scale);
        var (t, g, s) = (e.Learn, e.Guess, e.Slip);
        for (var p = 0; p < answers.Pupils; p++)
        {
            var sequence = answers.Of(p);
            var n = sequence.Length;

            // Forward: unknown[i], known[i] are P(state at i | answers up to i); scale[i] is P(answer i | answers before it).
            var a0 = (1 - e.Prior) * (sequence[0] ? g : 1 - g);
            var a1 = e.Prior * (sequence[0] ? 1 - s : s);
            for (var i = 0; ; i++)
            {
                var c = a0 + a1;
                scale[i] = c;
                unknown[i] = a0 / c;
                known[i] = a1 / c;
                logLikelihood += Math.Log(c);
                if (i + 1 == n)
                {
                    break;
                }

                var right = sequence[i + 1];
                a0 = unknown[i] * (1 - t) * (right ? g : 1 - g);
                a1 = (unknown[i] * t + known[i]) * (right ? 1 - s : s);
            }

            // Backward, accumulating the expected counts: b0, b1 are the scaled backward values at i + 1.
            double b0 = 1, b1 = 1;
            for (var i = n - 1; i >= 0; i--)
            {
                var gamma0 = unknown[i] * b0;
                var gamma1 = known[i] * b1;
                var sum = gamma0 + gamma1;
                gamma0 /= sum;
                gamma1 /= sum;
                guessDen += gamma0;
                slipDen += gamma1;
                if (sequence[i])
                {
                    guessNum += gamma0;
                }
                else
                {
                    slipNum += gamma1;
                }

                if (i == 0)
                {
                    prior += gamma1;
                    break;
                }

                // The transition from i − 1 to i: P(unknown at i − 1, known at i | all answers).
                var emitKnown = sequence[i] ? 1 - s : s;
                var emitUnknown = sequence[i] ? g : 1 - g;
                var c = scale[i];
                learnNum += unknown[i - 1] * t * emitKnown * b1 / c;
                learnDen += unknown[i - 1] * ((1 - t) * emitUnknown * b0 + t * emitKnown * b1) / c;
                var nb0 = ((1 - t) * emitUnknown * b0 + t * emitKnown * b1) / c;
                var nb1 = emitKnown * b1 / c;
                (b0, b1) = (nb0, nb1);
            }
        }

        var next = new Estimate(
            Clamp(prior / answers.Pupils),
            learnDen > 0 ? Clamp(learnNum / learnDen) : t,
            guessDen > 0 ? Math.Min(MaxGuessOrSlip, Clamp(guessNum / guessDen)) : g,
            slipDen > 0 ? Math.Min(MaxGuessOrSlip, Clamp(slipNum / slipDen)) : s);
        return (next, logLikelihood);
    }

    private static double Clamp(double value) => Math.Clamp(value, Margin, 1 - Margin);

    private static double Between(Random random, double low, double high) => low + random.NextDouble() * (high - low);

    private readonly record struct Estimate(double Prior, double Learn, double Guess, double Slip);

    /// <summary>The forward values of the longest sequence, allocated once per fit.</summary>
    private sealed class Work(int longest)
    {
        public double[] Unknown { get; } = new double[longest];

        public double[] Known { get; } = new double[longest];

        public double[] Scale { get; } = new double[longest];
    }
}
