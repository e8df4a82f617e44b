using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Plugins.Attendance.RollCalls;
using Ent.Plugins.Attendance.Statuses;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Attendance.Pages;

/// <summary>A teacher's sessions of a day (today unless <c>?day=</c> says otherwise), the one under way first, each to its roll call.</summary>
internal sealed class RollCallsPage(IRollCalls rollCalls, AttendanceText text, TimeProvider time)
    : EntPage<NoRouteValues>
{
    public const string Route = "attendance/roll-call";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var day = AttendanceText.DayOf(context) ?? context.Today;
        var sessions = await rollCalls.SessionsOfAsync(context.Actor, day, cancellationToken).ConfigureAwait(false);
        var now = text.Now(time);
        var model = new
        {
            Day = AttendanceText.Day(day, language),
            Previous = context.Link($"{Route}?day={AttendanceText.Iso(day.AddDays(-1))}"),
            Next = context.Link($"{Route}?day={AttendanceText.Iso(day.AddDays(1))}"),
            Sessions = sessions
                .OrderByDescending(s => day == context.Today && s.Session.Start <= now && now < s.Session.End)
                .ThenBy(s => s.Session.Start)
                .Select(s => new
                {
                    Time = $"{AttendanceText.Time(s.Session.Start)}–{AttendanceText.Time(s.Session.End)}",
                    s.Audience,
                    Subject = s.Session.Subject.Name,
                    s.Session.Room,
                    s.Taken,
                    Current = day == context.Today && s.Session.Start <= now && now < s.Session.End,
                    Replaced = s.Session.Replaced,
                    Href = context.Link(RollCallPage.Link(s.Session.School, s.Session.Date, s.Session.Id)),
                }).ToArray(),
            FollowUp = context.Holds(AttendanceCapabilities.FollowUp) ? context.Link(FollowUpPage.Route) : null,
        };
        return PageResult.View("attendance/pages/roll-calls", model, text.T(language, "pages.roll-calls.title"));
    }
}

/// <summary>A roll call's route: the school, the day the session is taught, the session.</summary>
/// <param name="School">The school.</param>
/// <param name="Date">The day.</param>
/// <param name="Session">The session.</param>
internal sealed record RollCallRoute(SchoolId School, DateOnly Date, SessionId Session);

/// <summary>A roll call as posted: each pupil's status (<c>status[&lt;pupil&gt;]</c>), minutes late and time left, the revision seen, why it is corrected.</summary>
internal sealed record RollCallForm(IReadOnlyDictionary<string, string> Status, IReadOnlyDictionary<string, string> Minutes, IReadOnlyDictionary<string, string> Left, string? Revision, string? Why);

/// <summary>
/// A session's roll call, made for a phone: every pupil of the class or group that day, present unless one tap says otherwise
/// (absent, late with the minutes, left early with the time, exempt, off-site, the department's own), those the school knew to be
/// absent already marked so; saved in one action, corrected later with a reason.
/// </summary>
internal sealed class RollCallPage(IRollCalls rollCalls, AttendanceText text, AttendanceNames names) : EntPage<RollCallRoute, RollCallForm>
{
    public static string Link(SchoolId school, DateOnly date, SessionId session) => $"attendance/roll-call/{school.Value}/{AttendanceText.Iso(date)}/{session.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, RollCallRoute route, CancellationToken cancellationToken)
    {
        var sheet = await rollCalls.SheetAsync(context.Actor, route.School, route.Date, route.Session, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var taken = sheet.Taken;
        var model = new
        {
            Heading = text.T(language, "pages.roll-call.heading", sheet.Session.Subject.Name, sheet.Audience),
            Schedule = text.T(language, "pages.roll-call.when", AttendanceText.Day(sheet.Session.Date, language), AttendanceText.Time(sheet.Session.Start), AttendanceText.Time(sheet.Session.End)),
            sheet.Session.Room,
            Taken = taken is null ? null : text.T(language, "pages.roll-call.taken", names.FullName(taken.TakenBy), AttendanceText.Time(TimeOnly.FromDateTime(text.Local(taken.TakenAt))), taken.Revision),
            Revision = taken?.Revision.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            AskWhy = taken is not null,
            Why = context.Posted.GetValueOrDefault("why", string.Empty),
            Count = sheet.Lines.Count,
            Lines = sheet.Lines.Select(line =>
            {
                var id = line.Pupil.Value.ToString();
                var status = context.Posted.TryGetValue($"status[{id}]", out var posted) ? posted : line.Mark.Status;
                return new
                {
                    line.Name,
                    Id = id,
                    Known = line.KnownAbsence is null ? null : text.T(language, "pages.roll-call.known", text.Reason(line.KnownAbsence, language)),
                    Field = $"status[{id}]",
                    Options = sheet.Statuses.Select(s => new { Value = s.Code, Label = s.Label.For(AttendanceText.Culture(language)), Checked = s.Code == status, Id = $"s-{id}-{s.Code}" }).ToArray(),
                    MinutesField = $"minutes[{id}]",
                    Minutes = context.Posted.TryGetValue($"minutes[{id}]", out var minutes) ? minutes : line.Mark.LateMinutes?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    LeftField = $"left[{id}]",
                    Left = context.Posted.TryGetValue($"left[{id}]", out var left) ? left : line.Mark.LeftAt is { } at ? AttendanceText.Time(at) : string.Empty,
                    Error = context.ErrorOf($"status[{id}]"),
                };
            }).ToArray(),
            Corrections = sheet.Corrections.Select(c => text.T(language, "pages.roll-call.correction", names.FullName(c.Pupil), text.Status(c.Before.Split(' ')[0], language), text.Status(c.After.Split(' ')[0], language),
                names.FullName(c.Actor), text.Local(c.At).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture), c.Why ?? "—")).ToArray(),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
            Back = context.Link(RollCallsPage.Route + $"?day={AttendanceText.Iso(route.Date)}"),
        };
        return PageResult.View("attendance/pages/roll-call", model, text.T(language, "pages.roll-call.title", sheet.Audience));
    }

    public override async Task<PageResult> PostAsync(PageContext context, RollCallRoute route, RollCallForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var marks = new List<PupilAttendance>();
        var errors = new List<FormError>();
        foreach (var (key, status) in form.Status)
        {
            if (!Guid.TryParse(key, out var id))
            {
                errors.Add(new FormError(null, text.T(language, "pages.roll-call.unknown-pupil", key)));
                continue;
            }

            if (status == AttendanceStatus.Present.Code)
            {
                continue;
            }

            int? minutes = null;
            TimeOnly? left = null;
            if (status == AttendanceStatus.Late.Code)
            {
                if (!int.TryParse(form.Minutes.GetValueOrDefault(key), NumberStyles.None, CultureInfo.InvariantCulture, out var typed))
                {
                    errors.Add(new FormError($"status[{key}]", text.T(language, "pages.roll-call.minutes", names.FullName(new PersonId(id)))));
                    continue;
                }

                minutes = typed;
            }
            else if (status == AttendanceStatus.LeftEarly.Code)
            {
                if (!TimeOnly.TryParseExact(form.Left.GetValueOrDefault(key), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed))
                {
                    errors.Add(new FormError($"status[{key}]", text.T(language, "pages.roll-call.left", names.FullName(new PersonId(id)))));
                    continue;
                }

                left = typed;
            }

            marks.Add(new PupilAttendance(new PersonId(id), status, minutes, left));
        }

        if (errors.Count > 0)
        {
            return PageResult.Invalid([.. errors]);
        }

        int? revision = int.TryParse(form.Revision, NumberStyles.None, CultureInfo.InvariantCulture, out var seen) ? seen : null;
        try
        {
            await rollCalls.SaveAsync(context.Actor, new RollCallSubmission(route.School, route.Date, route.Session, marks, revision, form.Why), cancellationToken).ConfigureAwait(false);
        }
        catch (RollCallConflictException conflict)
        {
            return PageResult.Invalid(new FormError(null, text.T(language, "pages.roll-call.conflict", names.FullName(conflict.Current.ChangedBy),
                AttendanceText.Time(TimeOnly.FromDateTime(text.Local(conflict.Current.ChangedAt))))));
        }

        return PageResult.Redirect(Link(route.School, route.Date, route.Session));
    }
}
