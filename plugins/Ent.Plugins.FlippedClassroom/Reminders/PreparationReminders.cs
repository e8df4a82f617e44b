using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Notifications;
using Ent.Core.Text;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Pages;
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
        var due = SessionTiming.Of(taught, flipped.HoursBefore, flipped.ExitTicketDays, calendar.TimeZone).ReadinessDue;
        var title = kind == ReminderKind.Published
            ? new LocalizedText($"À préparer : {flipped.Title}", $"To prepare: {flipped.Title}")
            : new LocalizedText($"Rappel : {flipped.Title} est à préparer", $"Reminder: {flipped.Title} is to prepare");
        var body = new LocalizedText(
            $"Pour le cours de {courseTitle} du {FlippedText.Day(taught.Date, "fr")} à {FlippedText.Time(taught.Start, "fr")} : étudie les ressources et réponds au test de préparation avant le {FlippedText.When(due, calendar.TimeZone, "fr")}.",
            $"For the {courseTitle} lesson on {FlippedText.Day(taught.Date, "en")} at {FlippedText.Time(taught.Start, "en")}: study the resources and answer the readiness check before {FlippedText.When(due, calendar.TimeZone, "en")}.");
        foreach (var pupil in pupils)
        {
            await notifications.SendAsync(department, new Notification(pupil, flipped.School, Topic, title, body, Link(flipped.Course, flipped.Session), time.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
