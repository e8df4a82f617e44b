namespace Ent.Plugins.PersonalisedLearning.Mastery;

/// <summary>
/// Pupils' answers on one skill, each pupil's in order (oldest first), laid end to end: what the fitting reads. Build it with
/// <see cref="From"/>; an empty sequence (a pupil with no answer) is left out.
/// </summary>
public sealed class AnswerSequences
{
    private AnswerSequences(bool[] answers, int[] starts)
    {
        (Answers, Starts) = (answers, starts);
    }

    /// <summary>Every answer, pupil after pupil.</summary>
    internal bool[] Answers { get; }

    /// <summary>Where each pupil's answers begin in <see cref="Answers"/>, then the total: one more entry than pupils.</summary>
    internal int[] Starts { get; }

    /// <summary>How many pupils answered.</summary>
    public int Pupils => Starts.Length - 1;

    /// <summary>How many answers in all.</summary>
    public int Count => Answers.Length;

    /// <summary>The answers of several pupils.</summary>
    /// <param name="pupils">Each pupil's answers, oldest first (true when right).</param>
    public static AnswerSequences From(IEnumerable<IReadOnlyList<bool>> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var answers = new List<bool>();
        var starts = new List<int> { 0 };
        foreach (var pupil in pupils)
        {
            if (pupil is null || pupil.Count == 0)
            {
                continue;
            }

            answers.AddRange(pupil);
            starts.Add(answers.Count);
        }

        return new AnswerSequences([.. answers], [.. starts]);
    }

    /// <summary>One pupil's answers.</summary>
    /// <param name="pupil">Its position, from 0.</param>
    internal ReadOnlySpan<bool> Of(int pupil) => Answers.AsSpan(Starts[pupil], Starts[pupil + 1] - Starts[pupil]);
}
