using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Pages;

namespace Ent.Plugins.FlippedClassroom.Pages;

/// <summary>A teacher's timetable sessions of the next two weeks, each to flip or to open.</summary>
internal sealed class MySessionsPage(IFlippedSessions sessions, FlippedText text) : EntPage<NoRouteValues>
{
    public const string Route = "flipped/sessions";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var teaching = await sessions.TeachingAsync(context.Actor, context.Today, 14, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Sessions = teaching.Select(s => new
            {
                Day = FlippedText.Day(s.Session.Date, language),
                Start = FlippedText.Time(s.Session.Start, language),
                s.Audience,
                Course = s.CourseTitle,
                s.Title,
                Status = s.Title is null ? null : text.T(language, s.Published ? "pages.sessions.published" : "pages.sessions.draft"),
                Href = s.Course is not { } course ? null
                    : s.Title is null ? context.Link(SessionEditorPage.Link(s.Session.Date, s.Session.Id)) : context.Link(SessionPlanPage.Link(course, s.Session.Id)),
                Moved = s.Session.Moved,
            }).ToArray(),
        };
        return PageResult.View("flipped/pages/sessions", model, text.T(language, "pages.sessions.title"));
    }
}

/// <summary>A timetable session to flip or a flipped one to rewrite: the day it is taught and its id.</summary>
/// <param name="Date">The day it is taught.</param>
/// <param name="Session">The session.</param>
internal sealed record EditRoute(DateOnly Date, SessionId Session);

/// <summary>The session editor's fields: rows of resources, of the check's and the exit ticket's questions (<c>check[0.prompt]</c>…).</summary>
/// <param name="Title">The title.</param>
/// <param name="HoursBefore">Hours before class the check is due.</param>
/// <param name="ExitTicketDays">Days the exit ticket stays open.</param>
/// <param name="InClass">The activities in class, one per line.</param>
/// <param name="Homework">The homework.</param>
/// <param name="Resources">The resources' rows.</param>
/// <param name="Check">The check's rows.</param>
/// <param name="Exit">The exit ticket's rows.</param>
internal sealed record SessionForm(string? Title, int? HoursBefore, int? ExitTicketDays, string? InClass, string? Homework,
    IReadOnlyDictionary<string, string> Resources, IReadOnlyDictionary<string, string> Check, IReadOnlyDictionary<string, string> Exit);

/// <summary>
/// The session editor: before class, the resources (links or texts) and the readiness check with its deadline; in class, the
/// activities; after class, the exit ticket and the homework. Saving flips the session (or rewrites it) and opens its page.
/// </summary>
internal sealed class SessionEditorPage(IFlippedSessions sessions, Ent.Core.Timetable.ITimetables timetables, FlippedText text) : EntPage<EditRoute, SessionForm>
{
    public static string Link(DateOnly date, SessionId session) => $"flipped/edit/{date:yyyy-MM-dd}/{session.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, EditRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var taught = context.School is { } school ? timetables.Find(school.Id, route.Date, route.Session) : null;
        if (taught is null)
        {
            return PageResult.NotFound();
        }

        var teaching = await sessions.TeachingAsync(context.Actor, route.Date, 1, cancellationToken).ConfigureAwait(false);
        var mine = teaching.FirstOrDefault(s => s.Session.Id == route.Session);
        var flipped = mine?.Course is { } course ? await sessions.FindAsync(context.Actor, course, route.Session, cancellationToken).ConfigureAwait(false) : null;
        var draft = flipped?.Content ?? new FlippedSessionDraft("", [], [], 12, [], [], 3, null);
        var posted = context.Posted;
        var shownAgain = posted.Count > 0;
        var model = new
        {
            Course = mine?.CourseTitle ?? taught.Subject.Name,
            Audience = mine?.Audience,
            Day = FlippedText.Day(taught.Date, language),
            Start = FlippedText.Time(taught.Start, language),
            Title = shownAgain ? posted.GetValueOrDefault("title", "") : draft.Title,
            HoursBefore = shownAgain ? posted.GetValueOrDefault("hoursBefore", "") : draft.HoursBefore.ToString(CultureInfo.InvariantCulture),
            ExitTicketDays = shownAgain ? posted.GetValueOrDefault("exitTicketDays", "") : draft.ExitTicketDays.ToString(CultureInfo.InvariantCulture),
            InClass = shownAgain ? posted.GetValueOrDefault("inClass", "") : string.Join("\n", draft.InClass),
            Homework = shownAgain ? posted.GetValueOrDefault("homework", "") : draft.Homework ?? "",
            Resources = shownAgain ? DraftRows.PostedResources(posted) : DraftRows.Resources(draft.Resources),
            Check = shownAgain ? DraftRows.PostedQuestions(posted, "check") : DraftRows.Questions(draft.Check, draft.Check.IsEmpty ? 3 : DraftRows.Spare),
            Exit = shownAgain ? DraftRows.PostedQuestions(posted, "exit") : DraftRows.Questions(draft.ExitTicket),
            Back = flipped is null ? context.Link(MySessionsPage.Route) : context.Link(SessionPlanPage.Link(flipped.Course, flipped.Id)),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("flipped/pages/editor", model, text.T(language, "pages.editor.title", model.Course, model.Day));
    }

    public override async Task<PageResult> PostAsync(PageContext context, EditRoute route, SessionForm form, CancellationToken cancellationToken)
    {
        if (context.School is not { } school)
        {
            return PageResult.NotFound();
        }

        var draft = new FlippedSessionDraft(form.Title ?? "", DraftRows.ReadResources(form.Resources), DraftRows.ReadQuestions(form.Check), form.HoursBefore ?? 0,
            DraftRows.Lines(form.InClass), DraftRows.ReadQuestions(form.Exit), form.ExitTicketDays ?? 0, form.Homework);
        var saved = await sessions.SaveAsync(context.Actor, school.Id, route.Date, route.Session, draft, cancellationToken: cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(SessionPlanPage.Link(saved.Course, saved.Id));
    }
}

/// <summary>A flipped session's route: its course and its timetable session.</summary>
/// <param name="Course">The course.</param>
/// <param name="Session">The timetable session.</param>
internal sealed record SessionRoute(CourseId Course, SessionId Session);

/// <summary>The head of school's readiness dashboard: the school's flipped sessions of a week (<c>?day=</c> one of its days; this week by default), each with its readiness.</summary>
internal sealed class WeekPage(IFlippedSessions sessions, FlippedText text) : EntPage<NoRouteValues>
{
    public const string Route = "flipped/week";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        if (context.School is not { } school)
        {
            return PageResult.NotFound();
        }

        var language = context.Language;
        var day = context.Query.TryGetValue("day", out var asked) && DateOnly.TryParseExact(asked, "yyyy-MM-dd", out var chosen) ? chosen : context.Today;
        var week = await sessions.WeekAsync(context.Actor, school.Id, day, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Monday = FlippedText.Day(week.Monday, language),
            Previous = context.Link($"{Route}?day={week.Monday.AddDays(-7):yyyy-MM-dd}"),
            Next = context.Link($"{Route}?day={week.Monday.AddDays(7):yyyy-MM-dd}"),
            Sessions = week.Sessions.Select(s => new
            {
                Day = FlippedText.Day(s.Taught.Date, language),
                Start = FlippedText.Time(s.Taught.Start, language),
                Course = s.CourseTitle,
                s.Audience,
                s.Title,
                s.Pupils,
                s.Prepared,
                Share = s.Pupils == 0 ? 0 : FlippedText.Percent((double)s.Prepared / s.Pupils),
                Mean = s.MeanScore is { } mean ? FlippedText.Percent(mean) : (int?)null,
                s.ToExplain,
            }).ToArray(),
        };
        return PageResult.View("flipped/pages/week", model, text.T(language, "pages.week.title", model.Monday));
    }
}
