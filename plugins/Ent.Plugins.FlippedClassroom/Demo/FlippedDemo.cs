using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Demo;
using Ent.Sdk.Localization;

namespace Ent.Plugins.FlippedClassroom.Demo;

/// <summary>
/// The flipped-classroom demonstration, on the demo class's fractions course: the next session of the course whose readiness check can
/// still be answered is flipped (a video and a text to study, a check of three questions due 12 hours before, activities in class, an
/// exit ticket), published to the pupils, answered by them as they would (the first at ease, the second confusing equal fractions, each
/// with a short answer the teacher marks; the third not yet), and its groups made (from mastery where personalised learning is on).
/// Built once for the coming two weeks: a course with a flipped session ahead is left as it is.
/// </summary>
internal sealed class FlippedDemo(IFlippedSessions sessions, ISchoolCalendar calendar, TimeProvider time, ILocalizedStrings strings) : IDemoContributor
{
    /// <summary>
    /// Each pupil's answers: the option chosen for the first question, the number for the second, the short text, and the teacher's
    /// mark of it; the third has not prepared yet (the teacher sees it before class; their family is not told).
    /// </summary>
    private static readonly (int Option, decimal Number, string Text, bool Right)?[] Scripts =
    [
        (1, 6, "Le dénominateur dit en combien de parts égales on partage l'unité.", true),
        (0, 5, "C'est le nombre du haut.", false),
        null,
    ];

    public async Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var teacher = context.TeacherActor;
        var course = context.Course;
        var language = context.Language;
        var ahead = (await sessions.TeachingAsync(teacher, calendar.Today, 14, cancellationToken).ConfigureAwait(false)).Where(s => s.Course == course.Id).ToArray();
        if (ahead.FirstOrDefault(s => s.Title is not null) is { } flippedAlready)
        {
            return new DemoContribution(strings.Get("flipped", "demo.already", language, flippedAlready.Title, course.Title), []);
        }

        var now = time.GetUtcNow();
        var draft = Draft();
        var chosen = ahead.FirstOrDefault(s => SessionTiming.Of(s.Session, draft.HoursBefore, draft.ExitTicketDays, calendar.TimeZone).ReadinessDue > now.AddHours(1));
        if (chosen is null)
        {
            return new DemoContribution(strings.Get("flipped", "demo.no-session", language, course.Title), []);
        }

        var flipped = await sessions.SaveAsync(teacher, chosen.Session.School, chosen.Session.Date, chosen.Session.Id, draft, course.Id, cancellationToken).ConfigureAwait(false);
        var told = await sessions.PublishAsync(teacher, course.Id, flipped.Id, cancellationToken).ConfigureAwait(false);
        var check = flipped.Content.Check;
        for (var p = 0; p < context.Learners.Count; p++)
        {
            var pupil = context.Learners[p];
            if (Scripts[p % Scripts.Length] is not { } script)
            {
                continue;
            }

            var (option, number, text, right) = script;

            var actor = new Actor(pupil.Id, pupil.Department);
            foreach (var resource in flipped.Content.Resources)
            {
                await sessions.OpenResourceAsync(actor, course.Id, flipped.Id, pupil.Id, resource.Id, cancellationToken).ConfigureAwait(false);
                await sessions.ResourceDoneAsync(actor, course.Id, flipped.Id, pupil.Id, resource.Id, cancellationToken).ConfigureAwait(false);
            }

            await sessions.AnswerAsync(actor, course.Id, flipped.Id, pupil.Id, CheckPart.Readiness,
                [new Answer(check[0].Id, Option: option), new Answer(check[1].Id, Number: number), new Answer(check[2].Id, Text: text)], cancellationToken).ConfigureAwait(false);
            await sessions.MarkAsync(teacher, course.Id, flipped.Id, CheckPart.Readiness, pupil.Id, check[2].Id, right, cancellationToken).ConfigureAwait(false);
        }

        var groups = await sessions.GroupAsync(teacher, course.Id, flipped.Id, new GroupingChoice(GroupingMode.Mixed, 2, [], []), cancellationToken).ConfigureAwait(false);
        var plan = await sessions.PlanAsync(teacher, course.Id, flipped.Id, cancellationToken).ConfigureAwait(false);
        var missed = plan.Readiness.Questions[0];
        return new DemoContribution(strings.Get("flipped", "demo.built", language, flipped.Content.Title, course.Title,
            Pages.FlippedText.Day(chosen.Session.Date, language), Pages.FlippedText.Time(chosen.Session.Start, language), told,
            plan.Readiness.Prepared.Count(), plan.Readiness.Pupils.Length, missed.Question.Prompt, Pages.FlippedText.Percent(missed.ShareRight),
            strings.Get("flipped", $"suggestion.{missed.Suggestion.ToString().ToLowerInvariant()}", language),
            groups.Groups.Length, strings.Get("flipped", $"basis.{groups.Basis.ToString().ToLowerInvariant()}", language)), []);
    }

    private static FlippedSessionDraft Draft() => new(
        "Les fractions égales",
        [
            Resource.Link("Vidéo : des fractions égales", "https://fr.wikipedia.org/wiki/Fraction_(math%C3%A9matiques)", 8),
            Resource.Written("Fiche : deux écritures d'une même fraction",
                "Deux fractions sont **égales** quand on passe de l'une à l'autre en multipliant (ou divisant) le numérateur et le dénominateur par un même nombre.\n\nExemple : 1/2 = 2/4 = 3/6.", 5),
        ],
        [
            Question.Choice("Quelle fraction est égale à 1/2 ?", 1, "2/3", "3/6", "1/3"),
            Question.Numeric("Combien font les 3/4 de 8 ?", 6),
            Question.ShortText("Explique avec tes mots ce que dit le dénominateur."),
        ],
        12,
        ["Vote à main levée sur la question 1, puis discussion en binômes et nouveau vote", "Atelier en groupes : comparer des fractions", "Mise en commun au tableau"],
        ImmutableArray.Create(Question.Choice("Les fractions 2/3 et 4/6 sont-elles égales ?", 0, "Oui", "Non", "Je ne sais pas")),
        3,
        "Exercices 4 et 5 page 52.");
}
