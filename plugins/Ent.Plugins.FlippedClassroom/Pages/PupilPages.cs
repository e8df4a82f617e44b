using System.Globalization;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Pages;

namespace Ent.Plugins.FlippedClassroom.Pages;

/// <summary>A pupil's "to prepare" list: the flipped sessions to prepare, the soonest due first, and the exit tickets still open.</summary>
internal sealed class ToPreparePage(IFlippedSessions sessions, ISchoolCalendar calendar, FlippedText text) : EntPage<NoRouteValues>
{
    public const string Route = "flipped/prepare";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var list = await sessions.ToPrepareAsync(context.Actor, context.Actor.Person, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Sessions = list.Select(s => new
            {
                Course = s.CourseTitle,
                s.Title,
                Day = FlippedText.Day(s.Taught.Date, language),
                Start = FlippedText.Time(s.Taught.Start, language),
                Due = FlippedText.When(s.Due, calendar.TimeZone, language),
                s.Answered,
                s.Questions,
                Done = s.Answered == s.Questions,
                s.ExitTicketOpen,
                Href = context.Link(PreparePage.Link(s.Course, s.Id)),
            }).ToArray(),
        };
        return PageResult.View("flipped/pages/to-prepare", model, text.T(language, "pages.to-prepare.title"));
    }
}

/// <summary>What a pupil posts: the part answered and an answer per question (<c>answers[question id]</c>).</summary>
/// <param name="Part"><c>readiness</c> or <c>exitticket</c>.</param>
/// <param name="Answers">The answers: an option's number from 0, a number, or a text.</param>
internal sealed record AnswersForm(string? Part, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// A flipped session as its pupil prepares it: the resources (opened through the ENT, which counts the time), the readiness check until
/// its deadline, then the results; once class has begun, the activities, the pupil's group, the exit ticket and the homework.
/// </summary>
internal sealed class PreparePage(IFlippedSessions sessions, ISchoolCalendar calendar, FlippedText text) : EntPage<SessionRoute, AnswersForm>
{
    public static string Link(CourseId course, SessionId session) => $"flipped/prepare/{course.Value}/{session.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, SessionRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var preparation = await sessions.PreparationAsync(context.Actor, route.Course, route.Session, context.Actor.Person, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Course = preparation.CourseTitle,
            preparation.Title,
            Day = preparation.Taught is { } taught ? FlippedText.Day(taught.Date, language) : null,
            Start = preparation.Taught is { } t ? FlippedText.Time(t.Start, language) : null,
            Due = preparation.Timing is { } timing ? FlippedText.When(timing.ReadinessDue, calendar.TimeZone, language) : null,
            ExitCloses = preparation.Timing is { } closes ? FlippedText.When(closes.ExitTicketCloses, calendar.TimeZone, language) : null,
            Phase = preparation.Phase is { } phase ? text.T(language, $"phase.{phase.ToString().ToLowerInvariant()}") : null,
            Resources = preparation.Resources.Select(r => new
            {
                r.Resource.Title,
                r.Resource.Minutes,
                Spent = r.Spent is { } spent ? FlippedText.Minutes(spent) : (int?)null,
                Href = context.Link(ResourcePage.Link(route.Course, route.Session, r.Resource.Id)),
            }).ToArray(),
            Check = Questions(preparation.Check, preparation.CheckOpen, context, language),
            preparation.CheckOpen,
            Answered = preparation.Check.Count(q => q.Given is not null),
            InClass = preparation.InClass,
            Group = preparation.Group.Where(p => p != context.Actor.Person).Select(text.Name).ToArray(),
            InGroup = preparation.Group.Length > 0,
            Exit = Questions(preparation.ExitTicket, preparation.ExitTicketOpen, context, language),
            preparation.ExitTicketOpen,
            preparation.Homework,
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("flipped/pages/prepare", model, text.T(language, "pages.prepare.title", preparation.Title));
    }

    public override async Task<PageResult> PostAsync(PageContext context, SessionRoute route, AnswersForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        if (!Enum.TryParse<CheckPart>(form.Part, ignoreCase: true, out var part) || !Enum.IsDefined(part))
        {
            return PageResult.Invalid(new FormError("part", text.T(language, "pages.prepare.bad-part", form.Part ?? "")));
        }

        var preparation = await sessions.PreparationAsync(context.Actor, route.Course, route.Session, context.Actor.Person, cancellationToken).ConfigureAwait(false);
        var questions = part == CheckPart.Readiness ? preparation.Check : preparation.ExitTicket;
        var answers = new List<Answer>();
        foreach (var question in questions)
        {
            if (!form.Answers.TryGetValue(question.Id.ToString(), out var given) || string.IsNullOrWhiteSpace(given))
            {
                continue; // left blank: not answered yet
            }

            given = given.Trim();
            switch (question.Kind)
            {
                case QuestionKind.Choice when int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var option):
                    answers.Add(new Answer(question.Id, Option: option));
                    break;
                case QuestionKind.Numeric when decimal.TryParse(given.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                    answers.Add(new Answer(question.Id, Number: number));
                    break;
                case QuestionKind.ShortText:
                    answers.Add(new Answer(question.Id, Text: given));
                    break;
                default:
                    return PageResult.Invalid(new FormError($"answers[{question.Id}]", text.T(language, "pages.prepare.bad-answer", given, question.Prompt)));
            }
        }

        if (answers.Count == 0)
        {
            return PageResult.Invalid(new FormError("answers", text.T(language, "pages.prepare.none")));
        }

        try
        {
            await sessions.AnswerAsync(context.Actor, route.Course, route.Session, context.Actor.Person, part, answers, cancellationToken).ConfigureAwait(false);
        }
        catch (CheckClosedException)
        {
            return PageResult.Invalid(new FormError("answers", text.T(language, part == CheckPart.Readiness ? "pages.prepare.closed" : "pages.prepare.exit-closed")));
        }

        return PageResult.Redirect(Link(route.Course, route.Session) + (part == CheckPart.Readiness ? "#check" : "#exit"));
    }

    private static object[] Questions(IEnumerable<QuestionToAnswer> questions, bool open, PageContext context, string language) =>
    [
        .. questions.Select((q, n) =>
        {
            var posted = context.Posted.GetValueOrDefault($"answers[{q.Id}]");
            var given = posted ?? q.Kind switch
            {
                QuestionKind.Choice => q.Given?.Option?.ToString(CultureInfo.InvariantCulture),
                QuestionKind.Numeric => q.Given?.Number?.ToString(FlippedText.Culture(language)),
                _ => q.Given?.Text,
            };
            return new
            {
                Id = q.Id.ToString(),
                Number = n + 1,
                Kind = q.Kind.ToString().ToLowerInvariant(),
                q.Prompt,
                Options = q.Options.Select((o, i) => new { Value = i, Text = o, Checked = given == i.ToString(CultureInfo.InvariantCulture) }).ToArray(),
                Given = given ?? "",
                Open = open,
                Result = q.Result?.ToString().ToLowerInvariant(),
                q.Correction,
                Shown = q.Kind == QuestionKind.Choice && q.Given?.Option is { } o && o < q.Options.Length ? q.Options[o] : given,
            };
        }),
    ];
}

/// <summary>A resource's route.</summary>
/// <param name="Course">The course.</param>
/// <param name="Session">The timetable session.</param>
/// <param name="Resource">The resource.</param>
internal sealed record ResourceRoute(CourseId Course, SessionId Session, Guid Resource);

/// <summary>The "done" button.</summary>
/// <param name="Done">Any value.</param>
internal sealed record DoneForm(string? Done);

/// <summary>
/// A resource as the pupil studies it: opening the page starts counting their time (the ENT's measure, shown to the teacher); a link
/// opens the video or page, a text is shown; "I am done" counts the time since, at most two hours at once.
/// </summary>
internal sealed class ResourcePage(IFlippedSessions sessions, FlippedText text) : EntPage<ResourceRoute, DoneForm>
{
    public static string Link(CourseId course, SessionId session, Guid resource) => $"flipped/prepare/{course.Value}/{session.Value}/resources/{resource}";

    public override async Task<PageResult> GetAsync(PageContext context, ResourceRoute route, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var resource = await sessions.OpenResourceAsync(context.Actor, route.Course, route.Session, context.Actor.Person, route.Resource, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            resource.Title,
            resource.Url,
            resource.Text,
            resource.Minutes,
            Back = context.Link(PreparePage.Link(route.Course, route.Session)),
        };
        return PageResult.View("flipped/pages/resource", model, text.T(language, "pages.resource.title", resource.Title));
    }

    public override async Task<PageResult> PostAsync(PageContext context, ResourceRoute route, DoneForm form, CancellationToken cancellationToken)
    {
        await sessions.ResourceDoneAsync(context.Actor, route.Course, route.Session, context.Actor.Person, route.Resource, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(PreparePage.Link(route.Course, route.Session) + "#resources");
    }
}
