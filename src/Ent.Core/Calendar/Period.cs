using Ent.Core.Identifiers;

namespace Ent.Core.Calendar;

/// <summary>How a year is divided for grading and report cards.</summary>
public enum PeriodKind
{
    /// <summary>One of three trimesters.</summary>
    Trimester,

    /// <summary>One of two semesters.</summary>
    Semester,

    /// <summary>Any other division chosen by a school.</summary>
    Other,
}

/// <summary>A grading period of an academic year.</summary>
/// <param name="Id">The period's identifier.</param>
/// <param name="Name">Its name, e.g. "Trimestre 1".</param>
/// <param name="Kind">Its kind.</param>
/// <param name="First">Its first day.</param>
/// <param name="Last">Its last day.</param>
public sealed record Period(PeriodId Id, string Name, PeriodKind Kind, DateOnly First, DateOnly Last)
{
    /// <summary>Creates a period with a new identifier.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="first">Its first day.</param>
    /// <param name="last">Its last day, not before the first.</param>
    /// <exception cref="ArgumentException">The period ends before it begins.</exception>
    public static Period Create(string name, PeriodKind kind, DateOnly first, DateOnly last)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (last < first)
        {
            throw new ArgumentException($"Period '{name}' ends ({last:yyyy-MM-dd}) before it begins ({first:yyyy-MM-dd}).", nameof(last));
        }

        return new Period(PeriodId.New(), name, kind, first, last);
    }

    /// <summary>Whether the period includes a day.</summary>
    /// <param name="day">The day.</param>
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}
