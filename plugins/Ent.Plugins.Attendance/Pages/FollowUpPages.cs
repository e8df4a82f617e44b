using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Alerts;
using Ent.Plugins.Attendance.Declarations;
using Ent.Plugins.Attendance.FollowUp;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Attendance.Pages;

/// <summary>The CPE's day: who is absent or late and where each absence stands, the roll calls begun and not taken, the families' declarations to review, the alerts.</summary>
internal sealed class FollowUpPage(IAttendanceFollowUp followUp, AttendanceText text, IOrganisationDirectory directory, AttendanceNames names) : EntPage<NoRouteValues>
{
    public const string Route = "attendance/follow-up";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        if (context.School is not { } school)
        {
            return PageResult.NotFound();
        }

        var day = AttendanceText.DayOf(context) ?? context.Today;
        var today = await followUp.DayAsync(context.Actor, school.Id, day, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Day = AttendanceText.Day(day, language),
            Iso = AttendanceText.Iso(day),
            Action = context.Link(Route),
            Previous = context.Link($"{Route}?day={AttendanceText.Iso(day.AddDays(-1))}"),
            Next = context.Link($"{Route}?day={AttendanceText.Iso(day.AddDays(1))}"),
            Absences = today.Absences.Select(a => new
            {
                a.Name,
                Class = a.ClassName ?? "—",
                Time = $"{AttendanceText.Time(a.Start)}–{AttendanceText.Time(a.End)}",
                Kind = text.Kind(a.Kind, language) + (a.Kind == Statuses.AttendanceEffect.Late ? $" ({a.Minutes} min)" : string.Empty),
                Reason = text.Reason(a.Reason, language),
                State = text.State(a.State, language),
                StateCode = a.State.ToString().ToLowerInvariant(),
                Href = context.Link(JustifyPage.Link(a.Pupil, a.Date)),
            }).ToArray(),
            NotTaken = today.NotTaken.Select(s => new
            {
                Time = $"{AttendanceText.Time(s.Start)}–{AttendanceText.Time(s.End)}",
                Audience = directory.NameOf(s.Audience),
                Subject = s.Subject.Name,
                Teacher = names.FullName(s.Teacher),
                Href = context.Link(RollCallPage.Link(s.School, s.Date, s.Id)),
            }).ToArray(),
            Declarations = today.Declarations.Select(d => new
            {
                Name = names.NameOf(d.Pupil),
                Dates = text.T(language, "pages.declaration.dates", AttendanceText.ShortDay(d.From), AttendanceText.Time(d.FromTime), AttendanceText.ShortDay(d.To), AttendanceText.Time(d.ToTime)),
                Reason = text.Reason(d.Reason, language),
                State = text.Declaration(d.State, language),
                Proof = d.ProofName is not null,
                Href = context.Link(DeclarationReviewPage.Link(d.Pupil, d.Id)),
            }).ToArray(),
            Alerts = today.Alerts.Select(a => AlertRow(context, a, language)).ToArray(),
            Indicator = context.Holds(AttendanceCapabilities.ViewIndicator) ? context.Link(IndicatorPage.Route) : null,
            Thresholds = context.Link(ThresholdsPage.Route),
        };
        return PageResult.View("attendance/pages/follow-up", model, text.T(language, "pages.follow-up.title"));
    }

    private object AlertRow(PageContext context, Alert a, string language) => new
    {
        a.Name,
        Class = a.ClassName ?? "—",
        Month = AttendanceText.Month(a.Key.Month, language),
        Kind = text.AlertKindOf(a.Key.Kind, language),
        Count = text.T(language, "pages.alert.count", a.Count, a.Threshold),
        State = text.Alert(a.State, language),
        Href = context.Link(AlertPage.Link(a.Key)),
    };
}

/// <summary>A pupil and a day: the route of the justification page.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Date">The day.</param>
internal sealed record PupilDayRoute(PersonId Pupil, DateOnly Date);

/// <summary>A justification as posted: the reason and whether the school has its proof.</summary>
internal sealed record JustifyForm(string Reason, bool ProofReceived);

/// <summary>A pupil's absences of a day, and the CPE's justification of them (a reason, and whether the proof is in).</summary>
internal sealed class JustifyPage(IAttendanceFollowUp followUp, AttendanceText text, AttendanceRules rules) : EntPage<PupilDayRoute, JustifyForm>
{
    public static string Link(PersonId pupil, DateOnly date) => $"attendance/follow-up/pupils/{pupil.Value}/{AttendanceText.Iso(date)}";

    public override async Task<PageResult> GetAsync(PageContext context, PupilDayRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var record = await followUp.PupilAsync(context.Actor, route.Pupil, route.Date, route.Date, cancellationToken).ConfigureAwait(false);
        var chosen = context.Posted.GetValueOrDefault("reason") ?? record.Absences.Select(a => a.Reason).FirstOrDefault(r => r is not null);
        var model = new
        {
            Heading = text.T(language, "pages.justify.heading", record.Name, AttendanceText.Day(route.Date, language)),
            Absences = record.Absences.Select(a => new
            {
                Time = $"{AttendanceText.Time(a.Start)}–{AttendanceText.Time(a.End)}",
                Kind = text.Kind(a.Kind, language),
                Reason = text.Reason(a.Reason, language),
                State = text.State(a.State, language),
            }).ToArray(),
            Reasons = rules.Reasons.Select(r => new { Value = r.Code, Label = r.Label.For(AttendanceText.Culture(language)), Selected = r.Code == chosen, Proof = r.NeedsProof }).ToArray(),
            Record = context.Link(PupilPage.Link(route.Pupil)),
            Back = context.Link($"{FollowUpPage.Route}?day={AttendanceText.Iso(route.Date)}"),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("attendance/pages/justify", model, text.T(language, "pages.justify.title", record.Name));
    }

    public override async Task<PageResult> PostAsync(PageContext context, PupilDayRoute route, JustifyForm form, CancellationToken cancellationToken)
    {
        await followUp.JustifyAsync(context.Actor, route.Pupil, (route.Date, TimeOnly.MinValue), (route.Date, TimeOnly.MaxValue), form.Reason, form.ProofReceived, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect($"{FollowUpPage.Route}?day={AttendanceText.Iso(route.Date)}");
    }
}

/// <summary>A declaration's route.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Declaration">The declaration.</param>
internal sealed record DeclarationRoute(PersonId Pupil, Guid Declaration);

/// <summary>A review as posted: the decision (<c>accepted</c>, <c>refused</c>, <c>more-requested</c>) and the note to the family.</summary>
internal sealed record ReviewForm(string Decision, string? Note);

/// <summary>A family's declaration as the CPE reviews it: its dates, reason, comment and proof, and the decision with a note.</summary>
internal sealed class DeclarationReviewPage(IAbsenceDeclarations declarations, AttendanceText text, AttendanceNames names) : EntPage<DeclarationRoute, ReviewForm>
{
    public static string Link(PersonId pupil, Guid declaration) => $"attendance/declarations/{pupil.Value}/{declaration}";

    public override async Task<PageResult> GetAsync(PageContext context, DeclarationRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var found = (await declarations.OfPupilAsync(context.Actor, route.Pupil, cancellationToken).ConfigureAwait(false)).FirstOrDefault(d => d.Id == route.Declaration);
        if (found is null)
        {
            return PageResult.NotFound();
        }

        var model = new
        {
            Pupil = names.FullName(found.Pupil),
            Dates = text.T(language, "pages.declaration.dates", AttendanceText.ShortDay(found.From), AttendanceText.Time(found.FromTime), AttendanceText.ShortDay(found.To), AttendanceText.Time(found.ToTime)),
            Reason = text.Reason(found.Reason, language),
            found.Comment,
            DeclaredBy = names.FullName(found.DeclaredBy),
            DeclaredAt = text.Local(found.DeclaredAt).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            State = text.Declaration(found.State, language),
            found.ReviewNote,
            Proof = found.ProofName is null ? null : new { Name = found.ProofName, Href = context.Link($"{Link(route.Pupil, route.Declaration)}/proof") },
            CanReview = context.Holds(AttendanceCapabilities.FollowUp),
            Note = context.Posted.GetValueOrDefault("note", string.Empty),
            Back = context.Link(context.Holds(AttendanceCapabilities.FollowUp) ? FollowUpPage.Route : PupilPage.Link(route.Pupil)),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("attendance/pages/declaration", model, text.T(language, "pages.declaration.title", model.Pupil));
    }

    public override async Task<PageResult> PostAsync(PageContext context, DeclarationRoute route, ReviewForm form, CancellationToken cancellationToken)
    {
        var decision = form.Decision switch
        {
            "accepted" => DeclarationState.Accepted,
            "refused" => DeclarationState.Refused,
            "more-requested" => DeclarationState.MoreRequested,
            _ => (DeclarationState?)null,
        };
        if (decision is null)
        {
            return PageResult.Invalid(new FormError("decision", text.T(context.Language, "pages.declaration.bad-decision", form.Decision)));
        }

        await declarations.ReviewAsync(context.Actor, route.Pupil, route.Declaration, decision.Value, form.Note, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(FollowUpPage.Route);
    }
}

/// <summary>A declaration's proof, as the family sent it, to download.</summary>
internal sealed class ProofPage(IAbsenceDeclarations declarations) : EntPage<DeclarationRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, DeclarationRoute route, CancellationToken cancellationToken)
    {
        var proof = await declarations.ProofAsync(context.Actor, route.Pupil, route.Declaration, cancellationToken).ConfigureAwait(false);
        if (proof is null)
        {
            return PageResult.NotFound();
        }

        var extension = proof.ContentType switch { "application/pdf" => "pdf", "image/png" => "png", _ => "jpg" };
        return PageResult.File(proof.ContentType, proof.Content, $"justificatif-{route.Declaration:N}.{extension}");
    }
}

/// <summary>An alert's route.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Month">The month, <c>yyyyMM</c>.</param>
/// <param name="Kind">The kind's code (<c>absences</c>, <c>lateness</c>).</param>
internal sealed record AlertRoute(PersonId Pupil, int Month, string Kind);

/// <summary>What is done with an alert: <c>sent</c> with the channel, or <c>close</c> with a note.</summary>
internal sealed record AlertForm(string Action, string? Channel, string? Note);

/// <summary>An alert as the CPE deals with it: the letter to the family (to print), its sending recorded, the alert closed with a note.</summary>
internal sealed class AlertPage(AlertService alerts, AttendanceText text) : EntPage<AlertRoute, AlertForm>
{
    public static string Link(AlertKey key) => $"attendance/alerts/{key.Pupil.Value}/{key.Month.ToString(CultureInfo.InvariantCulture)}/{key.Kind.ToString().ToLowerInvariant()}";

    public override async Task<PageResult> GetAsync(PageContext context, AlertRoute route, CancellationToken cancellationToken)
    {
        if (context.School is not { } school || KindOf(route.Kind) is not { } kind)
        {
            return PageResult.NotFound();
        }

        var language = context.Language;
        var key = new AlertKey(school.Id, route.Pupil, route.Month, kind);
        var alert = (await alerts.OfSchoolAsync(context.Actor, school.Id, includeClosed: true, cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.Key == key);
        if (alert is null)
        {
            return PageResult.NotFound();
        }

        var (letter, _) = await alerts.LetterModelAsync(context.Actor, key, language, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            letter.School, letter.Uai, letter.SchoolAddress, letter.Pupil, letter.ClassName, letter.Guardians, letter.Month, letter.Date, letter.Kind, letter.Count, letter.Threshold,
            Heading = text.T(language, "pages.alert.heading", alert.Name, AttendanceText.Month(route.Month, language)),
            State = text.Alert(alert.State, language),
            Sent = alert.LetterSentAt is { } at ? text.T(language, "pages.alert.sent", text.Local(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), alert.LetterChannel) : null,
            alert.Note,
            Open = alert.State != AlertState.Closed,
            Back = context.Link(FollowUpPage.Route),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("attendance/pages/alert", model, text.T(language, "pages.alert.title", alert.Name));
    }

    public override async Task<PageResult> PostAsync(PageContext context, AlertRoute route, AlertForm form, CancellationToken cancellationToken)
    {
        if (context.School is not { } school || KindOf(route.Kind) is not { } kind)
        {
            return PageResult.NotFound();
        }

        var key = new AlertKey(school.Id, route.Pupil, route.Month, kind);
        switch (form.Action)
        {
            case "sent":
                await alerts.RecordLetterSentAsync(context.Actor, key, form.Channel ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            case "close":
                await alerts.CloseAsync(context.Actor, key, form.Note ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return PageResult.Invalid(new FormError("action", text.T(context.Language, "pages.alert.bad-action", form.Action)));
        }

        return PageResult.Redirect(Link(key));
    }

    private static AlertKind? KindOf(string kind) => kind switch { "absences" => AlertKind.Absences, "lateness" => AlertKind.Lateness, _ => null };
}
