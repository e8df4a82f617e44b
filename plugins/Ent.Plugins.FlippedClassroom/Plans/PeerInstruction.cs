namespace Ent.Plugins.FlippedClassroom.Plans;

/// <summary>What to do in class with a question, from the share of pupils who answered it right (peer instruction, Mazur).</summary>
public enum Suggestion
{
    /// <summary>Under about 35 % right: explain it again.</summary>
    ExplainAgain,

    /// <summary>From 35 % to 70 %: pairs of pupils who answered differently discuss, then vote again.</summary>
    DiscussInPairs,

    /// <summary>Over 70 %: a word of explanation, and move on.</summary>
    MoveOn,
}

/// <summary>Peer instruction's thresholds.</summary>
internal static class PeerInstruction
{
    /// <summary>Below this share right, the question is explained again.</summary>
    public const double ExplainBelow = 0.35;

    /// <summary>Above this share right, the class moves on.</summary>
    public const double MoveOnAbove = 0.70;

    /// <summary>The suggestion for a share of right answers.</summary>
    /// <param name="shareRight">The share of pupils who answered right, from 0 to 1.</param>
    public static Suggestion For(double shareRight) => shareRight < ExplainBelow ? Suggestion.ExplainAgain : shareRight > MoveOnAbove ? Suggestion.MoveOn : Suggestion.DiscussInPairs;
}
