namespace Ent.Core.Calendar;

/// <summary>The morning or the afternoon of a school day.</summary>
public enum HalfDayPart
{
    /// <summary>Before the midday boundary.</summary>
    Morning,

    /// <summary>At or after the midday boundary.</summary>
    Afternoon,
}

/// <summary>
/// A half-day (demi-journée), the unit in which French law counts absences: at least four
/// unjustified half-days in a month trigger the procedure of Code de l'éducation L131-8.
/// </summary>
/// <param name="Date">The day.</param>
/// <param name="Part">Morning or afternoon.</param>
public readonly record struct HalfDay(DateOnly Date, HalfDayPart Part) : IComparable<HalfDay>
{
    /// <summary>The usual midday boundary between the two half-days.</summary>
    public static readonly TimeOnly DefaultMidday = new(12, 0);

    /// <summary>Returns the half-day that contains a local time.</summary>
    /// <param name="localTime">A time in the school's time zone.</param>
    /// <param name="midday">The boundary; <see cref="DefaultMidday"/> when null.</param>
    public static HalfDay Of(DateTime localTime, TimeOnly? midday = null) =>
        new(DateOnly.FromDateTime(localTime), TimeOnly.FromDateTime(localTime) < (midday ?? DefaultMidday) ? HalfDayPart.Morning : HalfDayPart.Afternoon);

    /// <summary>The next half-day.</summary>
    public HalfDay Next() => Part == HalfDayPart.Morning ? this with { Part = HalfDayPart.Afternoon } : new(Date.AddDays(1), HalfDayPart.Morning);

    /// <inheritdoc />
    public int CompareTo(HalfDay other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : Part.CompareTo(other.Part);
    }

    /// <summary>Whether a half-day comes before another.</summary>
    public static bool operator <(HalfDay left, HalfDay right) => left.CompareTo(right) < 0;

    /// <summary>Whether a half-day comes after another.</summary>
    public static bool operator >(HalfDay left, HalfDay right) => left.CompareTo(right) > 0;

    /// <summary>Whether a half-day comes before or is another.</summary>
    public static bool operator <=(HalfDay left, HalfDay right) => left.CompareTo(right) <= 0;

    /// <summary>Whether a half-day comes after or is another.</summary>
    public static bool operator >=(HalfDay left, HalfDay right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd} {(Part == HalfDayPart.Morning ? "AM" : "PM")}";
}
