using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.Sdk.Pages;

namespace Ent.Plugins.PersonalisedLearning.Pages;

/// <summary>"My paths": a pupil's courses that have a path, each with what comes next; a parent's children, each with theirs.</summary>
internal sealed class MyPathsPage(PathService paths, ICourseCatalog catalog, IOrganisationDirectory directory, LearningText text) : EntPage<NoRouteValues>
{
    public const string Route = "learning/me";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var children = directory.ChildrenOf(context.Actor.Person);
        var pupils = children.Count > 0 ? children : [context.Actor.Person];
        var model = new List<object>();
        foreach (var pupil in pupils)
        {
            var courses = new List<object>();
            foreach (var course in await catalog.CoursesOfAsync(directory, pupil, context.Today, cancellationToken).ConfigureAwait(false))
            {
                if (await paths.PlannedPathOfAsync(context.Actor, course.Id, pupil, cancellationToken).ConfigureAwait(false) is { } path)
                {
                    courses.Add(new
                    {
                        course.Title,
                        Subject = course.Subject.Name,
                        Next = path.Next.FirstOrDefault()?.Title,
                        Mastered = path.Skills.Count(s => s.Mastered),
                        Skills = path.Skills.Length,
                        Href = context.Link(PupilPathPage.Link(course.Id, pupil)),
                    });
                }
            }

            model.Add(new { Name = text.Name(pupil), Courses = courses, Profile = context.Link(ProfilePage.Link(pupil)) });
        }

        return PageResult.View("learning/pages/me", new { Pupils = model, Parent = children.Count > 0 }, text.T(context.Language, "pages.me.title"));
    }
}

/// <summary>A pupil's path in a course.</summary>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
internal sealed record PathRoute(CourseId Course, PersonId Pupil);

/// <summary>A choice among equivalent activities.</summary>
/// <param name="Activity">The activity chosen.</param>
internal sealed record ChooseForm(ActivityId Activity);

/// <summary>
/// A pupil's path through a course, as the pupil, a parent, their teachers see it: what next and why, the choices among equivalent
/// activities, what is locked and what unlocks it, what is done, and their mastery of each skill as bars.
/// </summary>
internal sealed class PupilPathPage(ILearningPaths paths, LearningText text) : EntPage<PathRoute, ChooseForm>
{
    public static string Link(CourseId course, PersonId pupil) => $"learning/paths/{course.Value}/{pupil.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, PathRoute route, CancellationToken cancellationToken)
    {
        var path = await paths.PathOfAsync(context.Actor, route.Course, route.Pupil, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var canWork = context.Holds(LearningCapabilities.WorkPath);
        var model = new
        {
            Course = path.CourseTitle,
            Pupil = path.PupilName,
            Own = context.Actor.Person == route.Pupil,
            Threshold = LearningText.Percent(path.Threshold),
            Next = path.Next.Select((n, i) => new
            {
                n.Title,
                Why = LearningText.Say(n.Why, language),
                Reason = n.Reason.ToString().ToLowerInvariant(),
                First = i == 0,
                Href = context.Link(ContentPage.Link(route.Course, n.Activity, route.Pupil)),
                Alternatives = n.Alternatives.Select(a => new { Id = a.Activity.Value, a.Title }).ToArray(),
            }).ToArray(),
            CanChoose = canWork,
            Locked = path.Locked.Select(l => new { l.Title, Unlocks = l.Unlocks.Select(u => LearningText.Say(u, language)).ToArray() }).ToArray(),
            Done = path.Done.Select(d => new { d.Title, Score = d.Score is { } score ? LearningText.Percent(score) : (int?)null, Href = context.Link(ContentPage.Link(route.Course, d.Activity, route.Pupil)) }).ToArray(),
            Skills = path.Skills.Select((s, i) => new { s.Name, Percent = LearningText.Percent(s.Mastery), s.Mastered, s.Answers, Y = 8 + i * 34, Width = (int)Math.Round(s.Mastery * 300) }).ToArray(),
            Height = 16 + path.Skills.Length * 34,
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("learning/pages/path", model, text.T(language, "pages.path.title", path.CourseTitle, path.PupilName));
    }

    public override async Task<PageResult> PostAsync(PageContext context, PathRoute route, ChooseForm form, CancellationToken cancellationToken)
    {
        await paths.ChooseAsync(context.Actor, route.Course, form.Activity, route.Pupil, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(Link(route.Course, route.Pupil));
    }
}

/// <summary>An activity's content for a pupil.</summary>
/// <param name="Course">The course.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Pupil">The pupil.</param>
internal sealed record ContentRoute(CourseId Course, ActivityId Activity, PersonId Pupil);

/// <summary>Work handed in from the content page: the means, a written answer or a note, a file.</summary>
/// <param name="Means">Written, Audio, Photo or Drawing.</param>
/// <param name="Text">The written answer or the note.</param>
/// <param name="File">The recording, photo or drawing.</param>
internal sealed record SubmitForm(string Means, string? Text, PostedFile? File);

/// <summary>
/// An activity's content as the pupil gets it: the representation their profile selects (text, FALC, translation, audio, captioned
/// video), the others to switch to, the printable version, their display (dyslexia-friendly, larger text), and the work they hand in
/// by the means they choose among those the activity accepts.
/// </summary>
internal sealed class ContentPage(IUniversalDesign design, LearningText text) : EntPage<ContentRoute, SubmitForm>
{
    public static string Link(CourseId course, ActivityId activity, PersonId pupil) => $"learning/content/{course.Value}/{activity.Value}/{pupil.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, ContentRoute route, CancellationToken cancellationToken)
    {
        Guid? picked = context.Query.TryGetValue("r", out var r) && Guid.TryParse(r, out var id) ? id : null;
        var content = await design.ContentOfAsync(context.Actor, route.Course, route.Activity, route.Pupil, picked, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var link = Link(route.Course, route.Activity, route.Pupil);
        var shown = content.Shown;
        var model = new
        {
            content.Title,
            Back = context.Link(PupilPathPage.Link(route.Course, route.Pupil)),
            Kind = shown?.Kind.ToString().ToLowerInvariant(),
            KindName = shown is null ? null : text.T(language, $"kind.{shown.Kind.ToString().ToLowerInvariant()}"),
            shown?.Language,
            Body = shown?.Text, // rendered by the template's markdown function, through the shared safe pipeline
            Media = shown is { Kind: RepresentationKind.Audio or RepresentationKind.Video } ? shown.Url ?? context.Link($"{link}/file/{shown.Id}") : null,
            Captions = shown is { Kind: RepresentationKind.Video, Captions: not null } ? context.Link($"{link}/captions/{shown.Id}") : null,
            Printable = shown?.Kind == RepresentationKind.Printable,
            Others = content.Others.Select(o => new
            {
                Name = text.T(language, $"kind.{o.Kind.ToString().ToLowerInvariant()}") + (o.Language is { } l ? $" ({l})" : string.Empty),
                Href = context.Link($"{link}?r={o.Id}"),
                Lang = o.Language,
            }).ToArray(),
            Dyslexia = content.Profile.DyslexiaFriendly,
            Larger = content.Profile.LargerText,
            Means = content.Means.Select(m => new { Value = m.ToString(), Name = text.T(language, $"means.{m.ToString().ToLowerInvariant()}") }).ToArray(),
            CanSubmit = context.Holds(LearningCapabilities.WorkPath),
            Submissions = content.Submissions.Select(s => new
            {
                Means = text.T(language, $"means.{s.Means.ToString().ToLowerInvariant()}"),
                s.Text,
                File = s.ContentType is null ? null : context.Link($"learning/work/{route.Course.Value}/{route.Activity.Value}/{route.Pupil.Value}/{s.Id}"),
                At = s.At.ToString("dd/MM/yyyy HH:mm", LearningText.Culture(language)),
                Score = s.Score is { } score ? LearningText.Percent(score) : (int?)null,
                s.Comment,
            }).ToArray(),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("learning/pages/content", model, content.Title);
    }

    public override async Task<PageResult> PostAsync(PageContext context, ContentRoute route, SubmitForm form, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ExpressionMeans>(form.Means, ignoreCase: true, out var means) || !Enum.IsDefined(means))
        {
            return PageResult.Invalid(new FormError("means", text.T(context.Language, "pages.content.bad-means", form.Means)));
        }

        await design.SubmitAsync(context.Actor, route.Course, route.Activity, route.Pupil, new SubmissionDraft(means, form.Text, form.File?.Content, form.File?.ContentType), cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(Link(route.Course, route.Activity, route.Pupil));
    }
}

/// <summary>A representation's file or captions.</summary>
/// <param name="Course">The course.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Pupil">The pupil it is shown to.</param>
/// <param name="Representation">The representation.</param>
internal sealed record RepresentationRoute(CourseId Course, ActivityId Activity, PersonId Pupil, Guid Representation);

/// <summary>An audio or video file kept with an activity's content, served to those who may read the pupil's content.</summary>
internal sealed class RepresentationFilePage(IUniversalDesign design) : EntPage<RepresentationRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, RepresentationRoute route, CancellationToken cancellationToken)
    {
        var shown = (await design.ContentOfAsync(context.Actor, route.Course, route.Activity, route.Pupil, route.Representation, cancellationToken).ConfigureAwait(false)).Shown;
        return shown is { Data: { } data, ContentType: { } type } ? PageResult.File(type, data, $"media-{route.Representation:N}{Extension(type)}") : PageResult.NotFound();
    }

    private static string Extension(string type) => type switch
    {
        "audio/mpeg" => ".mp3",
        "audio/ogg" => ".ogg",
        "audio/webm" or "video/webm" => ".webm",
        "audio/wav" => ".wav",
        _ => ".mp4",
    };
}

/// <summary>A video's captions, in WebVTT, for its track element.</summary>
internal sealed class CaptionsPage(IUniversalDesign design) : EntPage<RepresentationRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, RepresentationRoute route, CancellationToken cancellationToken)
    {
        var shown = (await design.ContentOfAsync(context.Actor, route.Course, route.Activity, route.Pupil, route.Representation, cancellationToken).ConfigureAwait(false)).Shown;
        return shown?.Captions is { } captions ? PageResult.File("text/vtt", captions, $"captions-{route.Representation:N}.vtt") : PageResult.NotFound();
    }
}

/// <summary>A piece of work handed in.</summary>
/// <param name="Course">The course.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Submission">The work.</param>
internal sealed record SubmissionRoute(CourseId Course, ActivityId Activity, PersonId Pupil, Guid Submission);

/// <summary>The file of a piece of work (a recording, a photo, a drawing), for the pupil, a parent and their teachers.</summary>
internal sealed class SubmissionFilePage(IUniversalDesign design) : EntPage<SubmissionRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, SubmissionRoute route, CancellationToken cancellationToken)
    {
        var work = await design.SubmissionAsync(context.Actor, route.Course, route.Activity, route.Pupil, route.Submission, cancellationToken).ConfigureAwait(false);
        return work is { Data: { } data, ContentType: { } type } ? PageResult.File(type, data, $"work-{route.Submission:N}") : PageResult.NotFound();
    }
}
