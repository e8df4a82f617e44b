namespace Ent.Plugins.Grading.Marks;

/// <summary>
/// A mark that is not a number: Pronote's entry codes. Five are left out of averages; two count as 0.
/// </summary>
public enum MarkCode
{
    /// <summary>Absent (Abs): left out of averages.</summary>
    Absent = 1,

    /// <summary>Exempt (Disp): left out of averages.</summary>
    Exempt = 2,

    /// <summary>Not graded (NN): left out of averages.</summary>
    NotGraded = 3,

    /// <summary>Unfit (Inapte): left out of averages.</summary>
    Unfit = 4,

    /// <summary>Not handed in (N.Rdu): left out of averages.</summary>
    NotHandedIn = 5,

    /// <summary>Absent without justification (Abs*): counts as 0.</summary>
    AbsentUnjustified = 6,

    /// <summary>Not handed in, counted (Z): counts as 0.</summary>
    NotHandedInCounted = 7,
}

/// <summary>What each code means for an average.</summary>
public static class MarkCodes
{
    /// <summary>Whether a code counts as 0 in averages (otherwise it is left out).</summary>
    /// <param name="code">The code.</param>
    public static bool CountsAsZero(this MarkCode code) => code is MarkCode.AbsentUnjustified or MarkCode.NotHandedInCounted;

    /// <summary>Whether a value is one of the codes.</summary>
    /// <param name="code">The value.</param>
    public static bool IsDefined(MarkCode code) => Enum.IsDefined(code);
}
