namespace Ent.Core.Attendance;

/// <summary>
/// A pupil's half-days (demi-journées) of absence over a period, split as report cards must show them:
/// justified (a reason deemed legitimate, Code de l'éducation L131-8) and unjustified, with the times the pupil arrived late.
/// </summary>
public readonly record struct AbsenceHalfDays
{
    private readonly int _late;

    /// <summary>Counts of half-days, each zero or more.</summary>
    /// <param name="justified">Half-days missed with a legitimate reason.</param>
    /// <param name="unjustified">Half-days missed without a legitimate reason or valid excuse.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative; the message names it.</exception>
    public AbsenceHalfDays(int justified, int unjustified)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(justified);
        ArgumentOutOfRangeException.ThrowIfNegative(unjustified);
        Justified = justified;
        Unjustified = unjustified;
    }

    /// <summary>Half-days missed with a legitimate reason.</summary>
    public int Justified { get; }

    /// <summary>Half-days missed without a legitimate reason or valid excuse.</summary>
    public int Unjustified { get; }

    /// <summary>The times the pupil arrived late (retards) over the period; zero or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public int Late
    {
        get => _late;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(Late));
            _late = value;
        }
    }

    /// <summary>Every half-day missed.</summary>
    public int Total => Justified + Unjustified;

    /// <inheritdoc />
    public override string ToString() => $"{Total} half-days ({Justified} justified, {Unjustified} unjustified), late {Late} times";
}
