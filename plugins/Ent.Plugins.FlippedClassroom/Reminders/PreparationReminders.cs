using System.Globalization;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Notifications;
using Ent.Core.Text;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Sessions;

namespace Ent.Plugins.FlippedClassroom.Reminders;

/// <summary>Why pupils are told about a flipped session.</summary>
internal enum ReminderKind
{
    /// <summary>It was published: what to prepare, by when.</summary>
    Published,

    /// <summary>They have not prepared yet and the deadline is coming.</summary>
    Reminder,
}

/// <summary>
/// Tells a flipped session's pupils what to prepare and by when, through the notification contract (their inbox and the host's other
/// channels). Pupils only, never their families: not preparing is something to work on in class, not a sanction.
/// </summary>
internal sealed class PreparationReminders(INotifications notifications, ISchoolCalendar calendar, TimeProvider time)
{
    /// <summary>The notifications' topic.</summary>
    public const string Topic = "flipped-classroom.preparation";

    /// <summary>The page a pupil prepares a session on.</summary>
    public static string Link(CourseId course, SessionId session) => $"/flipped/prepare/{course.Value}/{session.Value}";

    public async Task SendAsync(DepartmentId department, FlippedSessionDocument flipped, Session taught, string courseTitle, IReadOnlyList<PersonId> pupils, ReminderKind kind, CancellationToken cancellationToken)
    {
        var due = TimeZoneInfo.ConvertTime(SessionTiming.Of(taught, flipped.HoursBefore, flipped.ExitTicketDays, calendar.TimeZone).ReadinessDue, calendar.TimeZone).DateTime;
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var english = CultureInfo.GetCultureInfo("en-GB");
        var title = kind == ReminderKind.Published
            ? new LocalizedText($"À préparer : {flipped.Title}", $"To prepare: {flipped.Title}")
            : new LocalizedText($"Rappel : {flipped.Title} est à préparer", $"Reminder: {flipped.Title} is to prepare");
        var body = new LocalizedText(
            $"Pour le cours de {courseTitle} du {taught.Date.ToString("dddd d MMMM", french)} à {taught.Start.ToString("H'h'mm", french)} : étudie les ressources et réponds au test de préparation avant le {due.ToString("dddd d MMMM 'à' H'h'mm", french)}.",
            $"For the {courseTitle} lesson on {taught.Date.ToString("dddd d MMMM", english)} at {taught.Start.ToString("HH:mm", english)}: study the resources and answer the readiness check before {due.ToString("dddd d MMMM 'at' HH:mm", english)}.");
        foreach (var pupil in pupils)
        {
            await notifications.SendAsync(department, new Notification(pupil, flipped.School, Topic, title, body, Link(flipped.Course, flipped.Session), time.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
