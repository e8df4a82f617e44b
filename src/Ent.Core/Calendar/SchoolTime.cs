namespace Ent.Core.Calendar;

/// <summary>Turns the clock into school days in a department's time zone.</summary>
public static class SchoolTime
{
    /// <summary>Metropolitan France's time zone, the default for a French department.</summary>
    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The Monday that begins a day's week (French weeks begin on Monday).</summary>
    /// <param name="day">The day.</param>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The first Monday on or after a day (a school year's first full week begins on it).</summary>
    /// <param name="day">The day.</param>
    public static DateOnly FirstMondayFrom(DateOnly day) => MondayOf(day) == day ? day : MondayOf(day).AddDays(7);

    /// <summary>Today's date in a time zone.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="zone">The time zone.</param>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DayOf(time.GetUtcNow(), zone);
    }

    /// <summary>The school day an instant falls on in a time zone (an event's day, say).</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The time zone.</param>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a day's time of day is in a time zone (the start of a day, a lesson's hour).</summary>
    /// <param name="day">The day.</param>
    /// <param name="time">The time of day.</param>
    /// <param name="zone">The time zone.</param>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A school's school days from one day to another, both included (none when the last is before the first).</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="school">The school.</param>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    public static DateOnly[] SchoolDaysBetween(this ISchoolCalendar calendar, Identifiers.SchoolId school, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return last < first ? [] : [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).Where(d => calendar.IsSchoolDay(school, d))];
    }
}
