namespace Ent.Core.Timetable;

/// <summary>Which weeks a slot is taught: every week, or one of the two alternating weeks (semaine A, semaine B).</summary>
public enum TeachingWeeks
{
    /// <summary>Every teaching week.</summary>
    Every,

    /// <summary>Week A only: the school's first week A, then every other teaching week.</summary>
    WeekA,

    /// <summary>Week B only: the weeks in between.</summary>
    WeekB,
}
