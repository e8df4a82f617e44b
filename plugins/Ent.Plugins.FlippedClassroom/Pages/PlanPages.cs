using System.Collections.Immutable;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.FlippedClassroom.Plans;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Pages;

namespace Ent.Plugins.FlippedClassroom.Pages;

/// <summary>What the session page posts: an action and its fields.</summary>
/// <param name="Action"><c>publish</c>, <c>remind</c>, <c>mark</c>, <c>groups</c> or <c>remove</c>.</param>
/// <param name="Pupil">For a mark: the pupil.</param>
/// <param name="Question">For a mark: the question.</param>
/// <param name="Part">For a mark: <c>readiness</c> or <c>exitticket</c>.</param>
/// <param name="Right">For a mark: <c>yes</c> or <c>no</c>.</param>
/// <param name="Mode">For groups: <c>homogeneous</c> or <c>mixed</c>.</param>
/// <param name="Size">For groups: their size.</param>
/// <param name="Apart">For groups: pairs to keep apart, <c>apart[0.first]</c> and <c>apart[0.second]</c>.</param>
/// <param name="Together">For groups: pairs to keep together.</param>
internal sealed record PlanForm(string? Action, PersonId? Pupil, Guid? Question, string? Part, string? Right, string? Mode, int? Size,
    IReadOnlyDictionary<string, string> Apart, IReadOnlyDictionary<string, string> Together);

/// <summary>
/// The teacher's page of a flipped session: its timing and phase, publishing and reminding, the class's readiness (who prepared, the
/// distribution, the questions from the most missed with peer instruction's suggestions), the short answers to mark, the groups with
/// the teacher's constraints, and after class the exit ticket.
/// </summary>
internal sealed class SessionPlanPage(IFlippedSessions sessions, ISchoolCalendar calendar, FlippedText text) : EntPage<SessionRoute, PlanForm>
{
    /// <summary>How many pairs of each kind the groups form offers.</summary>
    private const int PairRows = 3;

    public static string Link(CourseId course, SessionId session) => $"flipped/sessions/{course.Value}/{session.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, SessionRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var plan = await sessions.PlanAsync(context.Actor, route.Course, route.Session, cancellationToken).ConfigureAwait(false);
        var session = plan.Session;
        var groups = session.Groups;
        var pupils = plan.Pupils.Select(p => new { Id = p.Readiness.Pupil.Value, p.Name }).ToArray();
        var model = new
        {
            Header = PlanViews.Header(session, calendar.TimeZone, text, language),
            session.Content.Title,
            Published = session.Published is not null,
            CanPublish = session.Published is null && session.Phase == SessionPhase.Before,
            CanRemind = session.Published is not null && session.Phase == SessionPhase.Before,
            Reminded = session.RemindedAt is { } at ? FlippedText.When(at, calendar.TimeZone, language) : null,
            Edit = session.Taught is { } taught ? context.Link(SessionEditorPage.Link(taught.Date, session.Id)) : null,
            Live = context.Link(LivePage.Link(route.Course, route.Session)),
            Print = context.Link(GroupsPrintPage.Link(route.Course, route.Session)),
            Readiness = PlanViews.Readiness(plan.Readiness, plan.Pupils, text, language),
            ToMark = plan.ShortAnswers.Select(a => new
            {
                Pupil = a.Pupil.Value,
                a.Name,
                Question = a.Question.Id,
                a.Question.Prompt,
                a.Text,
                Part = a.Part.ToString().ToLowerInvariant(),
                PartLabel = text.T(language, a.Part == CheckPart.Readiness ? "pages.plan.check" : "pages.plan.exit"),
                Mark = a.Mark switch { true => text.T(language, "pages.plan.right"), false => text.T(language, "pages.plan.wrong-mark"), null => null },
            }).ToArray(),
            InClass = session.Content.InClass,
            Groups = PlanViews.Groups(groups, plan.Names, text, language),
            GroupsNote = PlanViews.GroupsNote(groups, plan.Names, text, language),
            Mode = groups?.Choice.Mode.ToString().ToLowerInvariant() ?? "mixed",
            Size = groups?.Choice.Size ?? 4,
            Pupils = pupils,
            Apart = Pairs(groups?.Choice.Apart ?? []),
            Together = Pairs(groups?.Choice.Together ?? []),
            Exit = session.Content.ExitTicket.IsEmpty ? null : PlanViews.Readiness(plan.ExitTicket, [], text, language),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("flipped/pages/plan", model, text.T(language, "pages.plan.title", session.Content.Title));
    }

    public override async Task<PageResult> PostAsync(PageContext context, SessionRoute route, PlanForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        switch (form.Action)
        {
            case "publish":
                await sessions.PublishAsync(context.Actor, route.Course, route.Session, cancellationToken).ConfigureAwait(false);
                break;
            case "remind":
                await sessions.RemindAsync(context.Actor, route.Course, route.Session, cancellationToken).ConfigureAwait(false);
                break;
            case "mark" when form.Pupil is { } pupil && form.Question is { } question && Enum.TryParse<CheckPart>(form.Part, ignoreCase: true, out var part):
                await sessions.MarkAsync(context.Actor, route.Course, route.Session, part, pupil, question, form.Right == "yes", cancellationToken).ConfigureAwait(false);
                break;
            case "groups":
                if (!Enum.TryParse<GroupingMode>(form.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
                {
                    return PageResult.Invalid(new FormError("mode", text.T(language, "pages.plan.bad-mode", form.Mode ?? "")));
                }

                await sessions.GroupAsync(context.Actor, route.Course, route.Session, new GroupingChoice(mode, form.Size ?? 0, ReadPairs(form.Apart), ReadPairs(form.Together)), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case "remove":
                await sessions.RemoveAsync(context.Actor, route.Course, route.Session, cancellationToken).ConfigureAwait(false);
                return PageResult.Redirect(MySessionsPage.Route);
            default:
                return PageResult.Invalid(new FormError("action", text.T(language, "pages.plan.bad-action", form.Action ?? "")));
        }

        return PageResult.Redirect(Link(route.Course, route.Session));
    }

    private static object[] Pairs(ImmutableArray<PupilPair> pairs) =>
        [.. pairs.Select((p, i) => new { Index = i, First = (Guid?)p.First.Value, Second = (Guid?)p.Second.Value })
            .Concat(Enumerable.Range(pairs.Length, Math.Max(1, PairRows - pairs.Length)).Select(i => new { Index = i, First = (Guid?)null, Second = (Guid?)null }))];

    private static ImmutableArray<PupilPair> ReadPairs(IReadOnlyDictionary<string, string> fields) =>
    [
        .. fields.Keys.Select(k => k.Split('.', 2)[0]).Distinct()
            .Select(row => (First: fields.GetValueOrDefault($"{row}.first"), Second: fields.GetValueOrDefault($"{row}.second")))
            .Where(p => Guid.TryParse(p.First, out _) && Guid.TryParse(p.Second, out _))
            .Select(p => new PupilPair(new PersonId(Guid.Parse(p.First!)), new PersonId(Guid.Parse(p.Second!)))),
    ];
}

/// <summary>
/// The session's readiness as it comes in, for the teacher's screen before and during class: read-only; when the teacher turns it on
/// (<c>?auto=on</c>; off unless asked, so that nothing moves under a reader who did not ask for it), it loads again every 30 seconds with
/// no script, so that the answers arriving show without a click.
/// </summary>
internal sealed class LivePage(IFlippedSessions sessions, ISchoolCalendar calendar, FlippedText text) : EntPage<SessionRoute>
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    public static string Link(CourseId course, SessionId session) => $"flipped/sessions/{course.Value}/{session.Value}/live";

    public override async Task<PageResult> GetAsync(PageContext context, SessionRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var plan = await sessions.PlanAsync(context.Actor, route.Course, route.Session, cancellationToken).ConfigureAwait(false);
        var auto = context.Query.GetValueOrDefault("auto") == "on" && plan.Session.Phase is SessionPhase.Before or SessionPhase.During;
        var model = new
        {
            Header = PlanViews.Header(plan.Session, calendar.TimeZone, text, language),
            plan.Session.Content.Title,
            Readiness = PlanViews.Readiness(plan.Readiness, plan.Pupils, text, language),
            Back = context.Link(SessionPlanPage.Link(route.Course, route.Session)),
            Seconds = (int)RefreshEvery.TotalSeconds,
            Auto = auto,
            Automatic = context.Link(Link(route.Course, route.Session) + "?auto=on"),
            Manual = context.Link(Link(route.Course, route.Session)),
        };
        var title = text.T(language, "pages.live.title", plan.Session.Content.Title);
        return auto ? PageResult.View("flipped/pages/live", model, title, RefreshEvery) : PageResult.View("flipped/pages/live", model, title);
    }
}

/// <summary>The session's groups, to print: one box per group, with each pupil's name.</summary>
internal sealed class GroupsPrintPage(IFlippedSessions sessions, ISchoolCalendar calendar, FlippedText text) : EntPage<SessionRoute>
{
    public static string Link(CourseId course, SessionId session) => $"flipped/sessions/{course.Value}/{session.Value}/groups";

    public override async Task<PageResult> GetAsync(PageContext context, SessionRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var plan = await sessions.PlanAsync(context.Actor, route.Course, route.Session, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Header = PlanViews.Header(plan.Session, calendar.TimeZone, text, language),
            plan.Session.Content.Title,
            Groups = PlanViews.Groups(plan.Session.Groups, plan.Names, text, language),
            GroupsNote = PlanViews.GroupsNote(plan.Session.Groups, plan.Names, text, language),
            Activities = plan.Session.Content.InClass,
            Back = context.Link(SessionPlanPage.Link(route.Course, route.Session)),
        };
        return PageResult.View("flipped/pages/groups", model, text.T(language, "pages.groups.title", plan.Session.Content.Title));
    }
}

/// <summary>What the session pages show alike: the header, the readiness, the groups.</summary>
internal static class PlanViews
{
    private const int BarWidth = 300;

    public static object Header(FlippedSession session, TimeZoneInfo zone, FlippedText text, string language) => new
    {
        Course = session.CourseTitle,
        session.Audience,
        Day = session.Taught is { } taught ? FlippedText.Day(taught.Date, language) : null,
        Start = session.Taught is { } t ? FlippedText.Time(t.Start, language) : null,
        Moved = session.Taught?.Moved == true,
        Cancelled = session.Taught is null,
        Due = session.Timing is { } timing ? FlippedText.When(timing.ReadinessDue, zone, language) : null,
        Phase = session.Phase is { } phase ? text.T(language, $"phase.{phase.ToString().ToLowerInvariant()}") : null,
    };

    public static object Readiness(ReadinessSummary summary, ImmutableArray<NamedReadiness> pupils, FlippedText text, string language)
    {
        var prepared = summary.Prepared.Count();
        var most = Math.Max(1, summary.Distribution.Max());
        string[] quarters = ["0–25 %", "25–50 %", "50–75 %", "75–100 %"];
        return new
        {
            Prepared = prepared,
            Total = summary.Pupils.Length,
            NotPrepared = pupils.Where(p => !p.Readiness.Prepared).Select(p => p.Name).ToArray(),
            Pupils = pupils.Select(p => new
            {
                p.Name,
                p.Readiness.Prepared,
                Score = p.Readiness.Score is { } score ? FlippedText.Percent(score) : (int?)null,
                p.Readiness.Answered,
                Minutes = p.Readiness.TimeOnResources is { } spent ? FlippedText.Minutes(spent) : (int?)null,
                ToMark = p.ToMark.Length,
            }).ToArray(),
            Bars = summary.Distribution.Select((count, i) => new { Label = quarters[i], Count = count, Y = 10 + i * 34, Width = count * BarWidth / most, TextX = 120 + count * BarWidth / most + 8 }).ToArray(),
            Questions = summary.Questions.Select(q => new
            {
                q.Question.Prompt,
                q.Answered,
                q.Right,
                q.ToMark,
                Marked = q.Answered - q.ToMark,
                Share = FlippedText.Percent(q.ShareRight),
                Wrong = q.MostChosenWrong,
                q.MostChosenWrongCount,
                Suggestion = q.Answered - q.ToMark == 0 ? null : text.T(language, $"suggestion.{q.Suggestion.ToString().ToLowerInvariant()}"),
                Kind = q.Suggestion.ToString().ToLowerInvariant(),
            }).ToArray(),
        };
    }

    public static object[] Groups(SessionGroups? groups, IReadOnlyDictionary<PersonId, string> names, FlippedText text, string language) =>
        groups is null ? [] :
        [
            .. groups.Groups.Select((g, i) => new
            {
                Number = i + 1,
                Pupils = g.Select(p => NameOf(p, names, text)).ToArray(),
            }),
        ];

    /// <summary>What the groups were made from, and the constraints they could not meet.</summary>
    public static object? GroupsNote(SessionGroups? groups, IReadOnlyDictionary<PersonId, string> names, FlippedText text, string language) => groups is null ? null : new
    {
        Basis = text.T(language, $"basis.{groups.Basis.ToString().ToLowerInvariant()}"),
        Unmet = groups.Unmet.Select(p => text.T(language, "pages.plan.unmet", NameOf(p.First, names, text), NameOf(p.Second, names, text))).ToArray(),
    };

    private static string NameOf(PersonId pupil, IReadOnlyDictionary<PersonId, string> names, FlippedText text) => names.TryGetValue(pupil, out var name) ? name : text.Name(pupil);
}
