namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>What a teacher decided for one pupil and one activity.</summary>
public enum OverrideKind
{
    /// <summary>First in the pupil's path, whatever its usefulness.</summary>
    Pin,

    /// <summary>Left out of the pupil's path.</summary>
    Skip,

    /// <summary>In the pupil's path even when their scores would not lead to it (a remedial activity given to a pupil who passed).</summary>
    Assign,
}

/// <summary>A teacher's decision for a pupil's path, with its reason (kept, and shown to the pupil).</summary>
/// <param name="Kind">Pin, skip or assign.</param>
/// <param name="Reason">Why.</param>
public sealed record StepOverride(OverrideKind Kind, string Reason);

/// <summary>
/// Where a pupil stands in a course, as the path engine reads it: mastery per skill of the school's graph, and per linked activity
/// whether it is done, the latest score and the teacher's decision. Built from the pupil's evidence (see <c>MasteryBook</c>).
/// </summary>
internal sealed class PupilState
{
    public PupilState(CompiledPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var skills = plan.Graph.Skills.Length;
        Mastery = new double[skills];
        for (var s = 0; s < skills; s++)
        {
            Mastery[s] = plan.Graph.Skills[s].Parameters.Prior;
        }

        TrailingWrong = new byte[skills];
        Answers = new int[skills];
        Score = new double[plan.Count];
        Array.Fill(Score, double.NaN);
        Done = new bool[plan.Count];
        Overrides = new StepOverride?[plan.Count];
        Chosen = new int[plan.ChoiceMembers.Length];
        Array.Fill(Chosen, -1);
    }

    /// <summary>P(L) per skill, from the prior and the answers so far.</summary>
    public double[] Mastery { get; }

    /// <summary>How many of the latest answers on each skill were wrong in a row (at most 255).</summary>
    public byte[] TrailingWrong { get; }

    /// <summary>How many answers on each skill.</summary>
    public int[] Answers { get; }

    /// <summary>The latest score on each linked activity, scaled from 0 to 1; NaN when none.</summary>
    public double[] Score { get; }

    /// <summary>Whether each linked activity was done (answered or scored).</summary>
    public bool[] Done { get; }

    /// <summary>The teacher's decision on each linked activity, or null.</summary>
    public StepOverride?[] Overrides { get; }

    /// <summary>The activity the pupil chose in each choice set, or −1.</summary>
    public int[] Chosen { get; }
}
