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
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
