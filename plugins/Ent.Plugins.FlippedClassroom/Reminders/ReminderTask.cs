using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Operations;
using Ent.Sdk.Scheduling;
using Microsoft.Extensions.Logging;

namespace Ent.Plugins.FlippedClassroom.Reminders;

/// <summary>
/// Reminds, once and on their own, the pupils who have not answered a published readiness check yet: six hours before it is due, or
/// at 19:00 the evening before when that would fall in the night (20:00 to 07:00), never to their families. A session the teacher has
/// already reminded, or published after that time (its pupils were just told), is not reminded again. Runs every 15 minutes over the
/// sessions of the coming three days of each school the plugin is on in.
/// </summary>
internal sealed partial class ReminderTask(IOperations operations, ITimetables timetables, IOrganisationDirectory directory, ISchoolCalendar calendar, ICourseCatalog catalog,
    PreparationReminders reminders, ILogger<ReminderTask> logger) : IRecurringTask
{
    /// <summary>How often the task runs.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    /// <summary>How long before the deadline pupils are reminded.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromHours(6);

    /// <summary>When the pupils of a session are reminded: six hours before the deadline, moved to 19:00 the evening before out of the night.</summary>
    public static DateTimeOffset RemindAt(SessionTiming timing, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var at = timing.ReadinessDue - Lead;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var evening = local.Hour >= 20 ? DateOnly.FromDateTime(local.DateTime) : local.Hour < 7 ? DateOnly.FromDateTime(local.DateTime).AddDays(-1) : (DateOnly?)null;
        return evening is { } day ? SchoolTime.At(day, new TimeOnly(19, 0), zone) : at;
    }

    public async Task RunAsync(RecurringTaskRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var school in run.Schools)
        {
            try
            {
                await RemindInAsync(school, run, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, school.Uai.Value); // the other schools are still reminded
            }
        }
    }

    private async Task RemindInAsync(School school, RecurringTaskRun run, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var sessions = timetables.SessionsBetween(school.Id, today, today.AddDays(3));
        if (sessions.Count == 0)
        {
            return;
        }

        var due = new List<(FlippedSessionDocument Flipped, Session Taught, PersonId[] Pupils)>();
        await using (var work = await operations.BeginForTaskAsync(this, school.Id, cancellationToken).ConfigureAwait(false))
        {
            var flipped = await work.Documents<FlippedSessionDocument>().FindManyAsync(sessions, s => d => d.Session == s.Id, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < sessions.Count; i++)
            {
                if (flipped[i] is not { Published: { } published, RemindedAt: null } candidate)
                {
                    continue;
                }

                var timing = SessionTiming.Of(sessions[i], candidate.HoursBefore, candidate.ExitTicketDays, calendar.TimeZone);
                var at = RemindAt(timing, calendar.TimeZone);
                if (run.Now < at || run.Now >= timing.ReadinessDue || published >= at)
                {
                    continue;
                }

                var answered = (await work.Documents<AnswerSheetDocument>().Where(a => a.Session == candidate.Session && a.Part == CheckPart.Readiness).ListAsync(cancellationToken)
                    .ConfigureAwait(false)).Select(a => a.Pupil).ToHashSet();
                work.Documents<FlippedSessionDocument>().Replace(candidate with { RemindedAt = run.Now });
                due.Add((candidate, sessions[i], [.. directory.PupilsOn(sessions[i].Audience, sessions[i].Date).Where(p => !answered.Contains(p))]));
            }

            if (due.Count == 0)
            {
                return;
            }

            await work.CommitAsync(cancellationToken).ConfigureAwait(false); // marked reminded first: a reminder is sent once
        }

        foreach (var (flipped, taught, pupils) in due)
        {
            await reminders.SendAsync(school.Department, flipped, taught, (await catalog.FindAsync(school.Department, flipped.Course, cancellationToken).ConfigureAwait(false))?.Title ?? "",
                pupils, ReminderKind.Reminder, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminders of the flipped sessions of school {School} failed at this run; the other schools were reminded.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string school);
}
