using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.FollowUp;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Attendance.Pages;

/// <summary>"My attendance": a pupil's own record; a parent's children, each to theirs (straight to it for an only child).</summary>
internal sealed class MyAttendancePage(IOrganisationDirectory directory, AttendanceText text, AttendanceNames names) : EntPage<NoRouteValues>
{
    public const string Route = "attendance/me";

    public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var children = directory.ChildrenOf(context.Actor.Person);
        if (children.Count == 0)
        {
            return Task.FromResult(PageResult.Redirect(PupilPage.Link(context.Actor.Person)));
        }

        if (children.Count == 1)
        {
            return Task.FromResult(PageResult.Redirect(PupilPage.Link(children[0])));
        }

        var model = new
        {
            Children = children.Select(c => new { Name = names.FullName(c), Href = context.Link(PupilPage.Link(c)) }).ToArray(),
        };
        return Task.FromResult(PageResult.View("attendance/pages/children", model, text.T(context.Language, "pages.me.title")));
    }
}

/// <summary>A pupil's route.</summary>
/// <param name="Pupil">The pupil.</param>
internal sealed record PupilRoute(PersonId Pupil);

/// <summary>
/// A pupil's record since the start of the school year, as the pupil, a parent, their teachers and the school see it: each
/// month's half-days, each absence and lateness with its reason and standing, the declarations made and what became of them.
/// </summary>
internal sealed class PupilPage(IAttendanceFollowUp followUp, IAbsenceDeclarations declarations, AttendanceText text, Ent.Core.Calendar.ISchoolCalendar calendar, IOrganisationDirectory directory)
    : EntPage<PupilRoute>
{
    public static string Link(PersonId pupil) => $"attendance/pupils/{pupil.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, PupilRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var school = directory.EnrolmentsOf(route.Pupil).Select(e => e.School).FirstOrDefault();
        var year = school == default ? null : calendar.YearOf(school, context.Today);
        var from = year?.Dates.Begin ?? context.Today.AddMonths(-10);
        var record = await followUp.PupilAsync(context.Actor, route.Pupil, from, context.Today, cancellationToken).ConfigureAwait(false);
        var declared = await declarations.OfPupilAsync(context.Actor, route.Pupil, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            record.Name,
            Months = record.Months.Select(m => new
            {
                Month = m.Month.ToString("MMMM yyyy", AttendanceText.Culture(language)),
                m.UnjustifiedHalfDays,
                m.AwaitingHalfDays,
                m.JustifiedHalfDays,
                m.Late,
                m.MissedSessions,
            }).ToArray(),
            Absences = record.Absences.Select(a => new
            {
                Day = AttendanceText.ShortDay(a.Date),
                Time = $"{AttendanceText.Time(a.Start)}–{AttendanceText.Time(a.End)}",
                Kind = text.Kind(a.Kind, language) + (a.Kind == Statuses.AttendanceEffect.Late ? $" ({a.Minutes} min)" : string.Empty),
                Reason = text.Reason(a.Reason, language),
                State = text.State(a.State, language),
                StateCode = a.State.ToString().ToLowerInvariant(),
            }).ToArray(),
            Declarations = declared.Select(d => new
            {
                Dates = text.T(language, "pages.declaration.dates", AttendanceText.ShortDay(d.From), AttendanceText.Time(d.FromTime), AttendanceText.ShortDay(d.To), AttendanceText.Time(d.ToTime)),
                Reason = text.Reason(d.Reason, language),
                State = text.Declaration(d.State, language),
                d.ReviewNote,
                Href = context.Link(DeclarationReviewPage.Link(d.Pupil, d.Id)),
            }).ToArray(),
            Declare = context.Holds(AttendanceCapabilities.Declare) ? context.Link(DeclarePage.Link(route.Pupil)) : null,
        };
        return PageResult.View("attendance/pages/pupil", model, text.T(language, "pages.pupil.title", record.Name));
    }
}

/// <summary>A declaration as a family or the staff types it; the proof is an optional file (PDF, JPEG or PNG).</summary>
internal sealed record DeclareForm([Required] string From, string? FromTime, [Required] string To, string? ToTime, [Required] string Reason, string? Comment, PostedFile? Proof);

/// <summary>The form to declare a pupil's absence: the days and hours, the reason (a family's among those offered to families), a comment, a proof.</summary>
internal sealed class DeclarePage(IAbsenceDeclarations declarations, AttendanceText text, AttendanceRules rules, AttendanceNames names) : EntPage<PupilRoute, DeclareForm>
{
    public static string Link(PersonId pupil) => $"attendance/pupils/{pupil.Value}/declare";

    public override async Task<PageResult> GetAsync(PageContext context, PupilRoute route, CancellationToken cancellationToken)
    {
        _ = await declarations.OfPupilAsync(context.Actor, route.Pupil, cancellationToken).ConfigureAwait(false); // the pupil's attendance is the viewer's to read, or the page is refused
        var language = context.Language;
        var staff = context.Holds(AttendanceCapabilities.FollowUp);
        var today = AttendanceText.Iso(context.Today);
        var model = new
        {
            Pupil = names.FullName(route.Pupil),
            From = context.Posted.GetValueOrDefault("from", today),
            FromTime = context.Posted.GetValueOrDefault("fromTime", "08:00"),
            To = context.Posted.GetValueOrDefault("to", today),
            ToTime = context.Posted.GetValueOrDefault("toTime", "18:00"),
            Comment = context.Posted.GetValueOrDefault("comment", string.Empty),
            Reasons = rules.Reasons.Where(r => staff || r.ForFamilies)
                .Select(r => new { Value = r.Code, Label = r.Label.For(AttendanceText.Culture(language)) + (r.NeedsProof ? " — " + text.T(language, "pages.declare.proof-needed") : string.Empty), Selected = context.Posted.GetValueOrDefault("reason") == r.Code })
                .ToArray(),
            MaxKb = Proof.MaxBytes / 1024,
            Back = context.Link(PupilPage.Link(route.Pupil)),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("attendance/pages/declare", model, text.T(language, "pages.declare.title", model.Pupil));
    }

    public override async Task<PageResult> PostAsync(PageContext context, PupilRoute route, DeclareForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var errors = new List<FormError>();
        DateOnly Day(string field, string value)
        {
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            errors.Add(new FormError(field, text.T(language, "pages.declare.bad-day", value)));
            return default;
        }

        TimeOnly Time(string field, string? value, TimeOnly otherwise)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return otherwise;
            }

            if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            errors.Add(new FormError(field, text.T(language, "pages.declare.bad-time", value)));
            return otherwise;
        }

        var draft = new DeclarationDraft(route.Pupil, Day("from", form.From), Time("fromTime", form.FromTime, TimeOnly.MinValue), Day("to", form.To), Time("toTime", form.ToTime, new TimeOnly(23, 59)),
            form.Reason, form.Comment, form.Proof is { } file ? new Proof(file.FileName, file.ContentType, file.Content) : null);
        if (errors.Count > 0)
        {
            return PageResult.Invalid([.. errors]);
        }

        await declarations.DeclareAsync(context.Actor, draft, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(PupilPage.Link(route.Pupil));
    }
}
