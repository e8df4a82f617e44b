using Ent.Core.Calendar;
using Ent.Core.Timetable;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>The three phases of a flipped session.</summary>
public enum SessionPhase
{
    /// <summary>Before class: the resources and the readiness check, until the check's deadline.</summary>
    Before,

    /// <summary>From the check's deadline to the end of the session: the teacher's plan, the activities in groups.</summary>
    During,

    /// <summary>After the session: consolidation, the exit ticket, homework.</summary>
    After,
}

/// <summary>
/// When a flipped session's phases begin and end, read from its timetable session each time (so that a session moved in the
/// timetable moves its deadlines): the readiness check is due a chosen number of hours before the session starts (Just-in-Time
/// Teaching: a few hours, at most a day or so), the exit ticket is open from the session's start to a chosen number of days after it.
/// </summary>
/// <param name="ReadinessDue">When the readiness check is due.</param>
/// <param name="Starts">When the session starts.</param>
/// <param name="Ends">When it ends.</param>
/// <param name="ExitTicketCloses">When the exit ticket closes.</param>
public sealed record SessionTiming(DateTimeOffset ReadinessDue, DateTimeOffset Starts, DateTimeOffset Ends, DateTimeOffset ExitTicketCloses)
{
    /// <summary>The fewest and most hours a readiness check may be due before class.</summary>
    public const int MinHoursBefore = 1, MaxHoursBefore = 72;

    /// <summary>The most days an exit ticket stays open after the session.</summary>
    public const int MaxExitTicketDays = 14;

    /// <summary>The timing of a session.</summary>
    /// <param name="session">The timetable session, as it is taught (after any move).</param>
    /// <param name="hoursBefore">How many hours before the start the readiness check is due.</param>
    /// <param name="exitTicketDays">How many days after the start the exit ticket stays open.</param>
    /// <param name="zone">The department's time zone.</param>
    /// <exception cref="ArgumentOutOfRangeException">The hours or the days are outside their range; the message names the value.</exception>
    public static SessionTiming Of(Session session, int hoursBefore, int exitTicketDays, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(zone);
        CheckRanges(hoursBefore, exitTicketDays);
        var starts = SchoolTime.At(session.Date, session.Start, zone);
        var ends = SchoolTime.At(session.Date, session.End, zone);
        return new SessionTiming(starts.AddHours(-hoursBefore), starts, ends, SchoolTime.At(session.Date.AddDays(exitTicketDays), new TimeOnly(23, 59), zone));
    }

    /// <summary>Refuses hours before class or days of an exit ticket outside their range, naming the value.</summary>
    /// <param name="hoursBefore">How many hours before the start the readiness check is due.</param>
    /// <param name="exitTicketDays">How many days after the start the exit ticket stays open.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public static void CheckRanges(int hoursBefore, int exitTicketDays)
    {
        if (hoursBefore is < MinHoursBefore or > MaxHoursBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(hoursBefore), hoursBefore, $"A readiness check is due {MinHoursBefore} to {MaxHoursBefore} hours before class; {hoursBefore} is not that.");
        }

        if (exitTicketDays is < 0 or > MaxExitTicketDays)
        {
            throw new ArgumentOutOfRangeException(nameof(exitTicketDays), exitTicketDays, $"An exit ticket stays open 0 to {MaxExitTicketDays} days after the session; {exitTicketDays} is not that.");
        }
    }

    /// <summary>The phase at an instant.</summary>
    /// <param name="now">The instant.</param>
    public SessionPhase PhaseAt(DateTimeOffset now) => now < ReadinessDue ? SessionPhase.Before : now < Ends ? SessionPhase.During : SessionPhase.After;

    /// <summary>Whether the readiness check still takes answers.</summary>
    /// <param name="now">The instant.</param>
    public bool TakesReadinessAnswers(DateTimeOffset now) => now < ReadinessDue;

    /// <summary>Whether the exit ticket takes answers (from the session's start until it closes).</summary>
    /// <param name="now">The instant.</param>
    public bool TakesExitTicketAnswers(DateTimeOffset now) => now >= Starts && now <= ExitTicketCloses;
}
