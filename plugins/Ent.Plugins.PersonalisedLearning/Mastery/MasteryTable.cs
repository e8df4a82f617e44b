namespace Ent.Plugins.PersonalisedLearning.Mastery;

/// <summary>
/// Mastery traced for many pupils at once: a table of cells (pupil × skill) filled from answers laid out as two columns, the cell
/// each answer is about and whether it was right, each cell's answers in the order they were given. One pass, no allocation:
/// what a class's map and a department's recompute (after its parameters are fitted again) run on; one pupil is a table of one row.
/// </summary>
internal static class MasteryTable
{
    /// <summary>Traces every cell from its skill's prior through its answers.</summary>
    /// <param name="cells">For each answer, its cell: <c>pupil × skills + skill</c>.</param>
    /// <param name="correct">For each answer, whether it was right.</param>
    /// <param name="skills">Each skill's parameters; the table has <c>mastery.Length / skills.Length</c> pupils.</param>
    /// <param name="mastery">Each cell's P(L), written.</param>
    /// <param name="answers">Each cell's count of answers, written.</param>
    /// <param name="trailingWrong">Each cell's wrong answers in a row at its end (at most 255), written.</param>
    public static void Trace(ReadOnlySpan<int> cells, ReadOnlySpan<bool> correct, ReadOnlySpan<BktParameters> skills, Span<double> mastery, Span<int> answers, Span<byte> trailingWrong)
    {
        if (cells.Length != correct.Length || mastery.Length != answers.Length || mastery.Length != trailingWrong.Length || (skills.Length > 0 && mastery.Length % skills.Length != 0))
        {
            throw new ArgumentException($"A mastery table's columns differ in length: {cells.Length} cells and {correct.Length} answers; {mastery.Length} cells for {skills.Length} skills.");
        }

        for (var c = 0; c < mastery.Length; c++)
        {
            mastery[c] = skills[c % skills.Length].Prior;
        }

        answers.Clear();
        trailingWrong.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var right = correct[i];
            mastery[cell] = Bkt.Update(mastery[cell], right, skills[cell % skills.Length]);
            answers[cell]++;
            trailingWrong[cell] = right ? (byte)0 : trailingWrong[cell] == byte.MaxValue ? byte.MaxValue : (byte)(trailingWrong[cell] + 1);
        }
    }
}
