using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Sdk.Pages;

namespace Ent.Plugins.PersonalisedLearning.Pages;

/// <summary>A teacher's courses in their school (the head of school's: every course), each to its class map, its skill map and its accessibility report.</summary>
internal sealed class CoursesPage(ICourseCatalog catalog, IAccessControl access, IOrganisationDirectory directory, LearningText text) : EntPage<NoRouteValues>
{
    public const string Route = "learning/courses";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var courses = context.School is { } school && school.Department == context.Actor.Department
            ? (await catalog.ListAsync(context.Actor.Department, school.Id, cancellationToken).ConfigureAwait(false))
                .Where(c => access.Evaluate(context.Actor, LearningCapabilities.ViewClass, directory.ScopeOf(c)).Allowed)
                .OrderBy(c => c.Title, StringComparer.CurrentCulture).ToArray()
            : [];
        var model = new
        {
            Courses = courses.Select(c => new
            {
                c.Title,
                Subject = c.Subject.Name,
                Class = context.Link(ClassMapPage.Link(c.Id)),
                Design = context.Link(SkillMapPage.Link(c.Id)),
                Report = context.Link(ReportPage.Link(c.Id)),
            }).ToArray(),
        };
        return PageResult.View("learning/pages/courses", model, text.T(context.Language, "pages.courses.title"));
    }
}

/// <summary>A course's route.</summary>
/// <param name="Course">The course.</param>
internal sealed record CourseRoute(CourseId Course);

/// <summary>A teacher's decision as posted from the class map: the activity, the kind, the reason, and the pupils ticked or a group.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Kind">pin, skip or assign.</param>
/// <param name="Reason">Why.</param>
/// <param name="Pupils">The pupils ticked, as <c>pupils[id]</c>.</param>
/// <param name="Group">A group, or empty.</param>
/// <param name="Undo">A decision to take back, as <c>pupil:activity</c>, or empty.</param>
internal sealed record DecisionForm(ActivityId? Activity, string? Kind, string? Reason, IReadOnlyDictionary<string, string> Pupils, GroupId? Group, string? Undo);

/// <summary>
/// A class's mastery map in a course: an SVG heatmap of skills by pupils (with the same figures as a table), who is stuck where, the
/// groups suggested for the next lesson, and the teacher's decisions (pin, skip, assign for pupils or a group, with their reason).
/// </summary>
internal sealed class ClassMapPage(ILearningPaths paths, ISkillMaps maps, IOrganisationDirectory directory, LearningText text) : EntPage<CourseRoute, DecisionForm>
{
    private const int Left = 170;
    private const int Top = 120;
    private const int Cell = 64;
    private const int Row = 28;

    public static string Link(CourseId course) => $"learning/classes/{course.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, CourseRoute route, CancellationToken cancellationToken)
    {
        var map = await paths.ClassOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false);
        var canDecide = context.Holds(LearningCapabilities.Design);
        var design = canDecide ? await maps.MapOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false) : null;
        var decisions = canDecide ? await paths.DecisionsOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false) : [];
        var language = context.Language;
        var titles = design?.Activities.ToDictionary(a => a.Id, a => a.Title) ?? [];
        var model = new
        {
            Course = map.CourseTitle,
            Threshold = LearningText.Percent(map.Threshold),
            Width = Left + map.Skills.Length * Cell + 10,
            Height = Top + map.Pupils.Length * Row + 10,
            Columns = map.Skills.Select((s, i) => new { s.Name, X = Left + i * Cell + Cell / 2, Short = s.Name.Length > 14 ? s.Name[..13] + "…" : s.Name }).ToArray(),
            Rows = map.Pupils.Select((p, r) => new
            {
                p.Name,
                Y = Top + r * Row,
                TextY = Top + r * Row + 18,
                Href = context.Link(PupilPathPage.Link(route.Course, p.Pupil)),
                Cells = p.Mastery.Select((m, c) => new
                {
                    X = Left + c * Cell,
                    TextX = Left + c * Cell + Cell / 2,
                    Percent = LearningText.Percent(m),
                    Fill = Colour(m, map.Threshold, p.Answers[c]),
                    Dark = m >= 0.6 && p.Answers[c] > 0,
                    Answers = p.Answers[c],
                    Skill = map.Skills[c].Name,
                }).ToArray(),
                Next = p.Next is { } next && titles.TryGetValue(next, out var title) ? title : null,
            }).ToArray(),
            Stuck = map.Stuck.Select(s => new { s.Name, Skill = s.SkillName, Percent = LearningText.Percent(s.Mastery), s.Answers }).ToArray(),
            Groups = map.Groups.Select(g => new
            {
                Title = g.Activity is null ? text.T(language, "pages.class.finished") : g.Title,
                Pupils = string.Join(", ", g.Pupils.Select(text.Name)),
                g.Pupils.Length,
            }).ToArray(),
            CanDecide = canDecide,
            Activities = (design?.Plan.Activities ?? []).Select(a => new { Id = a.Activity.Value, Title = titles.GetValueOrDefault(a.Activity, a.Activity.Value.ToString()) }).ToArray(),
            Pupils = map.Pupils.Select(p => new { Id = p.Pupil.Value, p.Name }).ToArray(),
            SchoolGroups = context.School is { } school ? directory.GroupsOf(school.Id).Select(g => new { Id = g.Id.Value, g.Name }).ToArray() : [],
            Decisions = decisions.Select(d => new
            {
                Pupil = d.PupilName,
                Activity = d.ActivityTitle,
                Kind = text.T(language, $"decision.{d.Kind.ToString().ToLowerInvariant()}"),
                d.Reason,
                Undo = $"{d.Pupil.Value}:{d.Activity.Value}",
            }).ToArray(),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("learning/pages/class", model, text.T(language, "pages.class.title", map.CourseTitle));
    }

    public override async Task<PageResult> PostAsync(PageContext context, CourseRoute route, DecisionForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        if (form.Undo is { Length: > 0 } undo)
        {
            var parts = undo.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var pupil) || !Guid.TryParse(parts[1], out var activity))
            {
                return PageResult.Invalid(new FormError("undo", text.T(language, "pages.class.bad-undo", undo)));
            }

            await paths.UndecideAsync(context.Actor, route.Course, new ActivityId(activity), new PersonId(pupil), cancellationToken).ConfigureAwait(false);
            return PageResult.Redirect(Link(route.Course));
        }

        if (form.Activity is not { } chosen || !Enum.TryParse<OverrideKind>(form.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return PageResult.Invalid(new FormError("kind", text.T(language, "pages.class.bad-decision", form.Kind ?? string.Empty)));
        }

        var pupils = form.Pupils.Keys.Select(k => Guid.TryParse(k, out var id) ? new PersonId(id) : (PersonId?)null).OfType<PersonId>().ToArray();
        await paths.DecideAsync(context.Actor, route.Course, new PathDecision(chosen, kind, form.Reason ?? string.Empty, [.. pupils], form.Group), cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(Link(route.Course));
    }

    /// <summary>The cell's colour: grey without answers, then from red to green as mastery rises, dark green from the threshold.</summary>
    private static string Colour(double mastery, double threshold, int answers) =>
        answers == 0 ? "#e6e6e6"
        : mastery >= threshold ? "#1b6e3a"
        : mastery >= 0.8 ? "#3f9a5a"
        : mastery >= 0.6 ? "#8fbf5a"
        : mastery >= 0.4 ? "#f2c14e"
        : mastery >= 0.2 ? "#f08a4b"
        : "#d9534f";
}
