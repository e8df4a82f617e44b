using System.Globalization;

namespace Ent.Plugins.PersonalisedLearning.Mastery;

/// <summary>
/// The four parameters of Bayesian Knowledge Tracing for one skill (Corbett and Anderson, 1995): the chance the skill is known
/// before any answer, of learning it at each opportunity, of answering right without knowing it, of answering wrong while knowing it.
/// Each lies strictly between 0 and 1, and a guess and a slip that add up to 1 or more are refused: an answer would then tell
/// nothing of the skill (or the contrary of what it should).
/// </summary>
public readonly record struct BktParameters
{
    /// <summary>The parameters a skill has until it is fitted: a fifth of pupils know it, 15 % learn it at each try, 20 % guess, 10 % slip.</summary>
    public static BktParameters Default { get; } = new(0.2, 0.15, 0.2, 0.1);

    /// <summary>Creates parameters.</summary>
    /// <param name="prior">P(L0), the chance the skill is known before any answer.</param>
    /// <param name="learn">P(T), the chance of learning it at each opportunity.</param>
    /// <param name="guess">P(G), the chance of a right answer without knowing it.</param>
    /// <param name="slip">P(S), the chance of a wrong answer while knowing it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not strictly between 0 and 1, or the guess and the slip add up to 1 or more; the message names it.</exception>
    public BktParameters(double prior, double learn, double guess, double slip)
    {
        if (Problem(prior, learn, guess, slip) is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem.Name, problem.Value, problem.Message);
        }

        (Prior, Learn, Guess, Slip) = (prior, learn, guess, slip);
    }

    /// <summary>P(L0): the chance the skill is known before any answer.</summary>
    public double Prior { get; }

    /// <summary>P(T): the chance of learning the skill at each opportunity to practise it.</summary>
    public double Learn { get; }

    /// <summary>P(G): the chance of answering right without knowing the skill.</summary>
    public double Guess { get; }

    /// <summary>P(S): the chance of answering wrong while knowing the skill.</summary>
    public double Slip { get; }

    /// <summary>Why four values cannot be parameters, or null when they can.</summary>
    /// <param name="prior">P(L0).</param>
    /// <param name="learn">P(T).</param>
    /// <param name="guess">P(G).</param>
    /// <param name="slip">P(S).</param>
    public static (string Name, double Value, string Message)? Problem(double prior, double learn, double guess, double slip)
    {
        foreach (var (name, label, value) in new[] { ("prior", "P(L0)", prior), ("learn", "P(T)", learn), ("guess", "P(G)", guess), ("slip", "P(S)", slip) })
        {
            if (!(value > 0 && value < 1))
            {
                return (name, value, $"{label} must lie strictly between 0 and 1; {Show(value)} does not.");
            }
        }

        return guess + slip >= 1
            ? ("guess", guess, $"P(G) {Show(guess)} and P(S) {Show(slip)} add up to {Show(guess + slip)}: they must add up to less than 1, or a right answer would not be evidence of knowing the skill.")
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"P(L0)={Show(Prior)} P(T)={Show(Learn)} P(G)={Show(Guess)} P(S)={Show(Slip)}";

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
