using System.Collections.Immutable;
using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.Sdk.Pages;

namespace Ent.Plugins.PersonalisedLearning.Pages;

/// <summary>
/// What the skill-map editor posts: the action (<c>add-skill</c>, <c>add-prerequisite</c>, <c>link</c>, <c>unlink</c>, <c>add-range</c>,
/// <c>threshold</c>, <c>fit</c>, <c>link-assessment</c>) and the fields it uses; percentages are whole numbers from 0 to 100.
/// </summary>
internal sealed record SkillMapForm(
    string Action, string? Name, string? Socle, IReadOnlyDictionary<string, string> Skills, Guid? Skill, Guid? Prerequisite,
    ActivityId? Activity, string? Role, string? Choice, Guid? GateSkill, ActivityId? GateActivity, decimal? GateMin, decimal? Pass,
    ActivityId? Target, decimal? Lower, decimal? Upper, decimal? Threshold, string? Scope, Guid? Assessment);

/// <summary>
/// A course's skill map, for its teachers: the school's skills drawn as a prerequisite graph, the forms to add skills and
/// prerequisites, to link activities (role, gate, choice set, pass score) and assessments, to add score ranges to a trigger, to set
/// the mastery threshold, and each skill's parameters with the data they were fitted from.
/// </summary>
internal sealed class SkillMapPage(ISkillMaps maps, LearningText text) : EntPage<CourseRoute, SkillMapForm>
{
    private const int BoxWidth = 170;
    private const int BoxHeight = 36;
    private const int ColumnGap = 60;
    private const int RowGap = 18;

    public static string Link(CourseId course) => $"learning/design/{course.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, CourseRoute route, CancellationToken cancellationToken)
    {
        var map = await maps.MapOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var titles = map.Activities.ToDictionary(a => a.Id, a => a.Title);
        var names = map.Skills.ToDictionary(s => s.Skill.Id, s => s.Skill.Name);
        var layout = Layout(map);
        var model = new
        {
            Course = map.CourseTitle,
            Threshold = LearningText.Percent(map.Plan.MasteryThreshold),
            Graph = new
            {
                Width = layout.Width,
                Height = layout.Height,
                Boxes = layout.Boxes.Select(b => new
                {
                    b.X,
                    b.Y,
                    TextX = b.X + BoxWidth / 2,
                    TextY = b.Y + 23,
                    Name = b.Socle ? text.T(language, "pages.design.socle-box", b.Name) : b.Name,
                    Short = b.Socle ? text.T(language, "pages.design.socle-box", b.Name) : b.Name.Length > 24 ? b.Name[..23] + "…" : b.Name,
                    b.InCourse,
                    b.Socle,
                }).ToArray(),
                Lines = layout.Lines.Select(l => new { l.X1, l.Y1, l.X2, l.Y2 }).ToArray(),
            },
            Skills = map.Skills.Select(s => new
            {
                Id = s.Skill.Id.Value,
                s.Skill.Name,
                s.Skill.Socle,
                s.InCourse,
                Needs = string.Join(", ", s.Skill.Prerequisites.Select(p => names.GetValueOrDefault(p, "?"))),
                Parameters = $"P(L0) {F(s.Skill.Parameters.Prior)} · P(T) {F(s.Skill.Parameters.Learn)} · P(G) {F(s.Skill.Parameters.Guess)} · P(S) {F(s.Skill.Parameters.Slip)}",
                Fitted = s.Fitted is { } f ? text.T(language, "pages.design.fitted", f.Pupils, f.Answers, text.T(language, $"scope.{f.Scope}"), f.At.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)) : text.T(language, "pages.design.default-parameters"),
            }).ToArray(),
            Links = map.Plan.Activities.Select(a => new
            {
                Id = a.Activity.Value,
                Title = titles.GetValueOrDefault(a.Activity, "?"),
                Role = text.T(language, $"role.{a.Role.ToString().ToLowerInvariant()}"),
                Skills = string.Join(", ", a.Skills.Select(s => names.GetValueOrDefault(s, "?"))),
                a.Choice,
                Gate = a.Gate is { } g
                    ? g.Skill is { } gs ? text.T(language, "pages.design.gate-mastery", names.GetValueOrDefault(gs, "?"), LearningText.Percent(g.Minimum)) : text.T(language, "pages.design.gate-score", titles.GetValueOrDefault(g.Activity!.Value, "?"), LearningText.Percent(g.Minimum))
                    : null,
                Ranges = a.Ranges.Select(r => text.T(language, "pages.design.range", LearningText.Percent(r.Lower), LearningText.Percent(r.Upper), string.Join(", ", r.Activities.Select(t => titles.GetValueOrDefault(t, "?"))))).ToArray(),
                Pass = LearningText.Percent(a.PassScore),
                Content = context.Link(ContentEditorPage.Link(route.Course, a.Activity)),
            }).ToArray(),
            Linked = map.Plan.Assessments.Select(a => new { a.Title, Skills = string.Join(", ", a.Skills.Select(s => names.GetValueOrDefault(s, "?"))), Pass = LearningText.Percent(a.PassScore) }).ToArray(),
            Activities = map.Activities.Select(a => new { Id = a.Id.Value, a.Title, Linked = map.Plan.LinkOf(a.Id) is not null, Content = context.Link(ContentEditorPage.Link(route.Course, a.Id)) }).ToArray(),
            Assessments = map.Assessments.Where(a => map.Plan.Assessments.All(l => l.Assessment != a.Id)).Select(a => new { a.Id, a.Title, a.Marks }).ToArray(),
            Roles = Enum.GetValues<ActivityRole>().Select(r => new { Value = r.ToString(), Name = text.T(language, $"role.{r.ToString().ToLowerInvariant()}") }).ToArray(),
            Socle = SocleComponents.Codes,
            Class = context.Link(ClassMapPage.Link(route.Course)),
            Report = context.Link(ReportPage.Link(route.Course)),
            Fit = context.Query.TryGetValue("fit", out var fit) ? fit : null,
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("learning/pages/design", model, text.T(language, "pages.design.title", map.CourseTitle));
    }

    public override async Task<PageResult> PostAsync(PageContext context, CourseRoute route, SkillMapForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var actor = context.Actor;
        var ticked = form.Skills.Keys.Select(k => Guid.TryParse(k, out var id) ? new SkillId(id) : (SkillId?)null).OfType<SkillId>().ToImmutableArray();
        switch (form.Action)
        {
            case "add-skill":
                await maps.SaveSkillAsync(actor, route.Course, new SkillDraft(null, form.Name ?? string.Empty, ticked, form.Socle), cancellationToken).ConfigureAwait(false);
                break;
            case "add-prerequisite" when form.Skill is { } skill && form.Prerequisite is { } prerequisite:
            {
                var map = await maps.MapOfAsync(actor, route.Course, cancellationToken).ConfigureAwait(false);
                var stored = map.Skills.FirstOrDefault(s => s.Skill.Id.Value == skill)?.Skill ?? throw new ArgumentException(text.T(language, "pages.design.unknown-skill", skill));
                await maps.SaveSkillAsync(actor, route.Course, new SkillDraft(stored.Id, stored.Name, stored.Prerequisites.Add(new SkillId(prerequisite)), stored.Socle), cancellationToken).ConfigureAwait(false);
                break;
            }

            case "link" when form.Activity is { } activity:
            {
                var map = await maps.MapOfAsync(actor, route.Course, cancellationToken).ConfigureAwait(false);
                var plan = map.Plan;
                if (!Enum.TryParse<ActivityRole>(form.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                {
                    return PageResult.Invalid(new FormError("role", text.T(language, "pages.design.bad-role", form.Role ?? string.Empty)));
                }

                ActivityGate? gate = form.GateSkill is { } gs ? ActivityGate.OnMastery(new SkillId(gs), Share(form.GateMin ?? 80))
                    : form.GateActivity is { } ga ? ActivityGate.OnScore(ga, Share(form.GateMin ?? 50)) : null;
                var earlier = plan.LinkOf(activity);
                var link = new ActivityLink(activity, ticked, role, string.IsNullOrWhiteSpace(form.Choice) ? null : form.Choice.Trim(), gate, earlier?.Ranges ?? [], Share(form.Pass ?? 50));
                var activities = earlier is null ? plan.Activities.Add(link) : plan.Activities.Replace(earlier, link);
                await maps.SavePlanAsync(actor, plan with { Activities = Ordered(activities, map.Activities) }, cancellationToken).ConfigureAwait(false);
                break;
            }

            case "unlink" when form.Activity is { } activity:
            {
                var plan = (await maps.MapOfAsync(actor, route.Course, cancellationToken).ConfigureAwait(false)).Plan;
                await maps.SavePlanAsync(actor, plan with { Activities = plan.Activities.RemoveAll(a => a.Activity == activity) }, cancellationToken).ConfigureAwait(false);
                break;
            }

            case "add-range" when form.Activity is { } trigger && form.Target is { } target:
            {
                var plan = (await maps.MapOfAsync(actor, route.Course, cancellationToken).ConfigureAwait(false)).Plan;
                var link = plan.LinkOf(trigger) ?? throw new ArgumentException(text.T(language, "pages.design.not-linked"));
                var range = new ScoreRange(Share(form.Lower ?? 0), Share(form.Upper ?? 100), [target]);
                await maps.SavePlanAsync(actor, plan with { Activities = plan.Activities.Replace(link, link with { Ranges = link.Ranges.Add(range) }) }, cancellationToken).ConfigureAwait(false);
                break;
            }

            case "threshold" when form.Threshold is { } threshold:
            {
                var plan = (await maps.MapOfAsync(actor, route.Course, cancellationToken).ConfigureAwait(false)).Plan;
                await maps.SavePlanAsync(actor, plan with { MasteryThreshold = Share(threshold) }, cancellationToken).ConfigureAwait(false);
                break;
            }

            case "fit" when form.Skill is { } skill:
            {
                var fit = await maps.FitAsync(actor, route.Course, new SkillId(skill), form.Scope == "school" ? FitScope.School : FitScope.Class, cancellationToken).ConfigureAwait(false);
                return PageResult.Redirect($"{Link(route.Course)}?fit={Uri.EscapeDataString(text.T(language, "pages.design.fit-done", fit.Pupils, fit.Answers, fit.Iterations))}");
            }

            case "link-assessment" when form.Assessment is { } assessment:
            {
                var map = await maps.MapOfAsync(actor, route.Course, cancellationToken).ConfigureAwait(false);
                var title = map.Assessments.FirstOrDefault(a => a.Id == assessment)?.Title ?? throw new ArgumentException(text.T(language, "pages.design.unknown-assessment", assessment));
                await maps.SavePlanAsync(actor, map.Plan with { Assessments = map.Plan.Assessments.Add(new AssessmentLink(assessment, title, ticked, Share(form.Pass ?? 50))) }, cancellationToken).ConfigureAwait(false);
                break;
            }

            default:
                return PageResult.Invalid(new FormError("action", text.T(language, "pages.design.bad-action", form.Action)));
        }

        return PageResult.Redirect(Link(route.Course));
    }

    /// <summary>Links in the course's order, as the path engine breaks ties by it.</summary>
    private static ImmutableArray<ActivityLink> Ordered(ImmutableArray<ActivityLink> links, ImmutableArray<Ent.Core.Courses.Activity> order)
    {
        var position = order.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return [.. links.OrderBy(l => position.GetValueOrDefault(l.Activity, int.MaxValue))];
    }

    private static double Share(decimal percent) => (double)Math.Clamp(percent, -1, 1000) / 100;

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record Box(SkillId Id, string Name, bool InCourse, int X, int Y)
    {
        /// <summary>Whether the box is a component of the socle rather than a skill.</summary>
        public bool Socle { get; init; }
    }

    private sealed record Line(int X1, int Y1, int X2, int Y2);

    private sealed record GraphLayout(int Width, int Height, IReadOnlyList<Box> Boxes, IReadOnlyList<Line> Lines);

    /// <summary>The prerequisite graph in columns: each skill one column to the right of its furthest prerequisite.</summary>
    private static GraphLayout Layout(SkillMap map)
    {
        var depth = new Dictionary<SkillId, int>();
        foreach (var view in map.Skills) // each after its prerequisites
        {
            depth[view.Skill.Id] = view.Skill.Prerequisites.Length == 0 ? 0 : view.Skill.Prerequisites.Max(p => depth.GetValueOrDefault(p)) + 1;
        }

        var rows = new Dictionary<int, int>();
        var boxes = new List<Box>();
        foreach (var view in map.Skills)
        {
            var column = depth[view.Skill.Id];
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            boxes.Add(new Box(view.Skill.Id, view.Skill.Name, view.InCourse, 10 + column * (BoxWidth + ColumnGap), 10 + row * (BoxHeight + RowGap)));
        }

        var at = boxes.ToDictionary(b => b.Id);
        var lines = map.Skills.SelectMany(v => v.Skill.Prerequisites.Select(p => (From: at[p], To: at[v.Skill.Id])))
            .Select(l => new Line(l.From.X + BoxWidth, l.From.Y + BoxHeight / 2, l.To.X, l.To.Y + BoxHeight / 2)).ToList();

        // The socle's components at the top of the graph, on its right: each drawn from the skills that build towards it and that no
        // skill building towards it needs.
        var socleColumn = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        var components = map.Skills.Where(v => v.Skill.Socle is not null).GroupBy(v => v.Skill.Socle!).OrderBy(g => SocleComponents.Codes.IndexOf(g.Key)).ToList();
        for (var c = 0; c < components.Count; c++)
        {
            var box = new Box(new SkillId(Guid.Empty), components[c].Key, false, 10 + socleColumn * (BoxWidth + ColumnGap), 10 + c * (BoxHeight + RowGap)) { Socle = true };
            boxes.Add(box);
            var members = components[c].Select(v => v.Skill).ToList();
            foreach (var top in members.Where(m => !members.Any(o => o.Prerequisites.Contains(m.Id))))
            {
                var from = at[top.Id];
                lines.Add(new Line(from.X + BoxWidth, from.Y + BoxHeight / 2, box.X, box.Y + BoxHeight / 2));
            }
        }
        var width = boxes.Count == 0 ? 200 : boxes.Max(b => b.X) + BoxWidth + 10;
        var height = boxes.Count == 0 ? 60 : boxes.Max(b => b.Y) + BoxHeight + 10;
        return new GraphLayout(width, height, boxes, lines);
    }
}

/// <summary>An activity of a course.</summary>
/// <param name="Course">The course.</param>
/// <param name="Activity">The activity.</param>
internal sealed record ActivityRoute(CourseId Course, ActivityId Activity);

/// <summary>What the content editor posts: a representation to add (<c>add</c>), one to remove (<c>remove</c>), or the means accepted (<c>means</c>).</summary>
internal sealed record ContentForm(string Action, string? Kind, string? Text, string? Language, string? Url, PostedFile? File, string? Captions, Guid? Representation, IReadOnlyDictionary<string, string> Means);

/// <summary>An activity's content, for its teachers: its representations, the form to add one, the means of expression it accepts.</summary>
internal sealed class ContentEditorPage(IUniversalDesign design, LearningText text) : EntPage<ActivityRoute, ContentForm>
{
    public static string Link(CourseId course, ActivityId activity) => $"learning/design/{course.Value}/content/{activity.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, ActivityRoute route, CancellationToken cancellationToken)
    {
        var content = await design.ContentToEditAsync(context.Actor, route.Course, route.Activity, cancellationToken).ConfigureAwait(false);
        var report = await design.ReportOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var model = new
        {
            content.Title,
            Back = context.Link(SkillMapPage.Link(route.Course)),
            Representations = content.Representations.Select(r => new
            {
                r.Id,
                Name = text.T(language, $"kind.{r.Kind.ToString().ToLowerInvariant()}") + (r.Language is { } l ? $" ({l})" : string.Empty),
                Detail = r.Url ?? (r.Data is { } data ? $"{r.ContentType}, {data.Length / 1024 + 1} KiB" : r.Text is { } t ? (t.Length > 80 ? t[..79] + "…" : t) : string.Empty),
            }).ToArray(),
            Kinds = Enum.GetValues<RepresentationKind>().Select(k => new { Value = k.ToString(), Name = text.T(language, $"kind.{k.ToString().ToLowerInvariant()}") }).ToArray(),
            Means = Enum.GetValues<ExpressionMeans>().Select(m => new { Value = m.ToString(), Name = text.T(language, $"means.{m.ToString().ToLowerInvariant()}"), Accepted = content.Means.Contains(m) }).ToArray(),
            Missing = report.Missing.Where(m => m.Activity == route.Activity).Select(m => text.T(language, "pages.report.missing", Needs.Say(text, m.Need, language), m.Pupils)).ToArray(),
            MaxKb = Representation.MaxDataLength / 1024,
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("learning/pages/content-editor", model, text.T(language, "pages.content-editor.title", content.Title));
    }

    public override async Task<PageResult> PostAsync(PageContext context, ActivityRoute route, ContentForm form, CancellationToken cancellationToken)
    {
        var language = context.Language;
        switch (form.Action)
        {
            case "add":
                if (!Enum.TryParse<RepresentationKind>(form.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                {
                    return PageResult.Invalid(new FormError("kind", text.T(language, "pages.content-editor.bad-kind", form.Kind ?? string.Empty)));
                }

                await design.SaveRepresentationAsync(context.Actor, route.Course, route.Activity,
                    new RepresentationDraft(kind, form.Text, form.Language, form.Url, form.File?.Content, form.File?.ContentType, form.Captions), cancellationToken).ConfigureAwait(false);
                break;
            case "remove" when form.Representation is { } representation:
                await design.RemoveRepresentationAsync(context.Actor, route.Course, route.Activity, representation, cancellationToken).ConfigureAwait(false);
                break;
            case "means":
                var means = form.Means.Keys.Select(k => Enum.TryParse<ExpressionMeans>(k, ignoreCase: true, out var m) ? m : (ExpressionMeans?)null).OfType<ExpressionMeans>().ToArray();
                await design.SetMeansAsync(context.Actor, route.Course, route.Activity, means, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return PageResult.Invalid(new FormError("action", text.T(language, "pages.design.bad-action", form.Action)));
        }

        return PageResult.Redirect(Link(route.Course, route.Activity));
    }
}

/// <summary>A course's accessibility report, for its teachers: the alternatives its pupils need and its activities lack, the activities without content, the warnings on its Markdown.</summary>
internal sealed class ReportPage(IUniversalDesign design, LearningText text) : EntPage<CourseRoute>
{
    public static string Link(CourseId course) => $"learning/report/{course.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, CourseRoute route, CancellationToken cancellationToken)
    {
        var report = await design.ReportOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var model = new
        {
            Course = report.CourseTitle,
            Back = context.Link(SkillMapPage.Link(route.Course)),
            Missing = report.Missing.Select(m => new
            {
                m.Title,
                Need = Needs.Say(text, m.Need, language),
                m.Pupils,
                Href = context.Link(ContentEditorPage.Link(route.Course, m.Activity)),
            }).ToArray(),
            WithoutContent = report.WithoutContent.Length,
            Warnings = report.Warnings.Select(w => new { w.Where, w.Warning.Line, w.Warning.Message }).ToArray(),
        };
        return PageResult.View("learning/pages/report", model, text.T(language, "pages.report.title", report.CourseTitle));
    }
}

/// <summary>What a pupil needs that content lacks, in words.</summary>
internal static class Needs
{
    public static string Say(LearningText text, string need, string language) => need.StartsWith("translation:", StringComparison.Ordinal)
        ? text.T(language, "need.translation", need["translation:".Length..])
        : text.T(language, $"need.{need}");
}
