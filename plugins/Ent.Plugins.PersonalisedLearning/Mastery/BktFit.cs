namespace Ent.Plugins.PersonalisedLearning.Mastery;

/// <summary>Parameters fitted from pupils' answers, with what they rest on.</summary>
/// <param name="Parameters">The fitted parameters.</param>
/// <param name="LogLikelihood">The log-likelihood of the answers under them (natural logarithm; closer to 0 is better).</param>
/// <param name="Pupils">How many pupils' answers were used.</param>
/// <param name="Answers">How many answers.</param>
/// <param name="Iterations">The iterations of the best start.</param>
/// <param name="Converged">Whether the best start stopped because the log-likelihood stopped changing (not at the iteration limit).</param>
public sealed record BktFit(BktParameters Parameters, double LogLikelihood, int Pupils, int Answers, int Iterations, bool Converged);

/// <summary>How the fitting runs: its starts, its stopping rule.</summary>
public sealed record BktFittingOptions
{
    /// <summary>The options of pyBKT: 5 random starts, stop when the log-likelihood changes by 0.005 or less, or after 100 iterations.</summary>
    public static BktFittingOptions Default { get; } = new();

    /// <summary>How many starts from random parameters; the fit with the highest likelihood is kept. 5 by default.</summary>
    public int Starts { get; init; } = 5;

    /// <summary>The largest change of log-likelihood between two iterations at which a start stops. 0.005 by default.</summary>
    public double Tolerance { get; init; } = 0.005;

    /// <summary>The most iterations of a start. 100 by default.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The seed of the random starts, so that a fit is the same each time it runs on the same answers.</summary>
    public int Seed { get; init; } = 20_26;
}
