namespace Ent.Plugins.PersonalisedLearning.Mastery;

/// <summary>
/// Bayesian Knowledge Tracing's update: the chance a pupil knows a skill, revised by one answer (Bayes' rule on the answer,
/// then the chance of having learned it at this opportunity). The formulas are those of docs/personalised-learning.md.
/// </summary>
public static class Bkt
{
    /// <summary>The chance of a right answer: <c>P(C) = P(L)(1 − S) + (1 − P(L))G</c>.</summary>
    /// <param name="known">P(L), the chance the skill is known now.</param>
    /// <param name="parameters">The skill's parameters.</param>
    public static double PredictCorrect(double known, in BktParameters parameters) =>
        known * (1 - parameters.Slip) + (1 - known) * parameters.Guess;

    /// <summary>
    /// The chance the skill is known given the answer: after a right one <c>P(L)(1 − S) / [P(L)(1 − S) + (1 − P(L))G]</c>,
    /// after a wrong one <c>P(L)S / [P(L)S + (1 − P(L))(1 − G)]</c>.
    /// </summary>
    /// <param name="known">P(L) before the answer.</param>
    /// <param name="correct">Whether the answer was right.</param>
    /// <param name="parameters">The skill's parameters.</param>
    public static double Posterior(double known, bool correct, in BktParameters parameters)
    {
        if (correct)
        {
            var right = known * (1 - parameters.Slip);
            return right / (right + (1 - known) * parameters.Guess);
        }

        var wrong = known * parameters.Slip;
        return wrong / (wrong + (1 - known) * (1 - parameters.Guess));
    }

    /// <summary>
    /// The chance the skill is known after the answer and the learning it gave: <c>P(Lₜ₊₁) = P(Lₜ|obs) + (1 − P(Lₜ|obs))·T</c>.
    /// This is the pupil's mastery once the answer is counted.
    /// </summary>
    /// <param name="known">P(Lₜ) before the answer.</param>
    /// <param name="correct">Whether the answer was right.</param>
    /// <param name="parameters">The skill's parameters.</param>
    public static double Update(double known, bool correct, in BktParameters parameters)
    {
        var posterior = Posterior(known, correct, parameters);
        return posterior + (1 - posterior) * parameters.Learn;
    }

    /// <summary>The mastery after a sequence of answers, oldest first, from the skill's prior.</summary>
    /// <param name="answers">Whether each answer was right.</param>
    /// <param name="parameters">The skill's parameters.</param>
    public static double Trace(ReadOnlySpan<bool> answers, in BktParameters parameters)
    {
        var known = parameters.Prior;
        foreach (var correct in answers)
        {
            known = Update(known, correct, parameters);
        }

        return known;
    }
}
