using System.Globalization;
using Ent.Core.Events;
using Ent.Core.Notifications;
using Ent.Core.Organisation;
using Ent.Core.Text;
using Ent.Plugins.Attendance.Statuses;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Attendance.Absences;

/// <summary>
/// Tells a pupil's legal guardians of an absence the school knew nothing of, the day it is recorded: a notification in their
/// inbox (and through the host's other channels). Lateness and absences already declared are not notified.
/// </summary>
internal sealed class FamilyNotifier(INotifications notifications, IOrganisationDirectory directory, IOptions<AttendanceOptions> options) : IDomainEventHandler<AbsenceRecorded>
{
    /// <summary>The notifications' topic.</summary>
    public const string Topic = "attendance.absence";

    public async Task HandleAsync(AbsenceRecorded absence, CancellationToken cancellationToken)
    {
        if (!options.Value.NotifyFamilies || absence.State != Justification.Unjustified || absence.Kind is not (AttendanceEffect.Absent or AttendanceEffect.LeftEarly))
        {
            return;
        }

        var pupil = directory.FindPerson(absence.Pupil);
        var name = pupil?.GivenName ?? "";
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var english = CultureInfo.GetCultureInfo("en-GB");
        var title = new LocalizedText($"Absence de {name}", $"{name} was absent");
        var body = absence.Kind == AttendanceEffect.LeftEarly
            ? new LocalizedText(
                $"{name} a quitté le cours de {absence.Subject} avant la fin le {absence.Date.ToString("dddd d MMMM", french)}. Merci d'en indiquer le motif à la vie scolaire.",
                $"{name} left the {absence.Subject} lesson early on {absence.Date.ToString("dddd d MMMM", english)}. Please tell the school why.")
            : new LocalizedText(
                $"{name} était absent(e) au cours de {absence.Subject} du {absence.Date.ToString("dddd d MMMM", french)} à {absence.Start.ToString("H'h'mm", french)}. Si vous ne l'avez pas encore fait, merci d'en indiquer le motif dans l'ENT.",
                $"{name} was absent from the {absence.Subject} lesson on {absence.Date.ToString("dddd d MMMM", english)} at {absence.Start.ToString("HH:mm", english)}. If you have not done so, please give the reason in the ENT.");
        foreach (var guardian in directory.GuardiansOf(absence.Pupil))
        {
            await notifications.SendAsync(absence.Department, new Notification(guardian, absence.School, Topic, title, body, $"/attendance/pupils/{absence.Pupil.Value}", absence.OccurredAt), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
