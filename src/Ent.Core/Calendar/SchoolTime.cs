namespace Ent.Core.Calendar;

/// <summary>Turns the clock into school days in a department's time zone.</summary>
public static class SchoolTime
{
    /// <summary>Metropolitan France's time zone, the default for a French department.</summary>
    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

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
}
