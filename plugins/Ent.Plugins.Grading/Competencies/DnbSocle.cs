namespace Ent.Plugins.Grading.Competencies;

/// <summary>
/// What the socle weighs in the diplôme national du brevet, which changed with session 2026.
/// <list type="bullet">
/// <item><b>Up to session 2025</b>: each of the 8 components at its end-of-cycle level brings 10, 25, 40 or
/// 50 points: 400 of the 800 points (final exams 400; pass at 400).</item>
/// <item><b>From session 2026</b> (décret 2025-328, arrêté of 10 April 2025): the DNB is a mark out of 20,
/// 60 % final exams and 40 % continuous assessment (the 3e annual averages); the socle no longer brings points.
/// Its end-of-cycle assessment stays in the livret scolaire (LSU).</item>
/// </list>
/// </summary>
public static class DnbSocle
{
    /// <summary>The last session in which the socle brought points.</summary>
    public const int LastSessionWithSoclePoints = 2025;

    /// <summary>The socle's points for a DNB session, from the 8 components' end-of-cycle levels.</summary>
    /// <param name="session">The DNB session (year).</param>
    /// <param name="levels">Each of the 8 components exactly once, with its level (a dictionary, or pairs).</param>
    /// <returns>Up to 400 points for sessions up to 2025.</returns>
    /// <exception cref="ArgumentException">A component is missing, named twice or not one of the 8, or a level is not one of the 4; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Session 2026 or later: the socle brings no points any more.</exception>
    public static int Points(int session, IEnumerable<KeyValuePair<SocleComponent, MasteryLevel>> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (session > LastSessionWithSoclePoints)
        {
            throw new InvalidOperationException($"From the DNB session 2026 the socle brings no points (décret 2025-328): session {session} is marked out of 20, 60 % final exams and 40 % continuous assessment. The end-of-cycle levels stay in the LSU.");
        }

        var seen = new HashSet<SocleComponent>();
        var points = 0;
        foreach (var (component, level) in levels)
        {
            if (!Enum.IsDefined(component))
            {
                throw new ArgumentException($"{(int)component} is not one of the 8 components of the socle (1–8).", nameof(levels));
            }

            if (!seen.Add(component))
            {
                throw new ArgumentException($"The component {component} is given twice; the DNB socle points take each of the 8 components once.", nameof(levels));
            }

            if (!Enum.IsDefined(level))
            {
                throw new ArgumentException($"{(int)level} is not a level of mastery (1 insufficient to 4 very good) for {component}.", nameof(levels));
            }

            points += CompetencyConversion.Points(level);
        }

        var missing = Enum.GetValues<SocleComponent>().Where(c => !seen.Contains(c)).ToList();
        return missing.Count == 0
            ? points
            : throw new ArgumentException($"The DNB socle points need all 8 components; missing: {string.Join(", ", missing)}.", nameof(levels));
    }
}
