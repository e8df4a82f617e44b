using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>An assessment's route.</summary>
/// <param name="Course">The course.</param>
/// <param name="Assessment">The assessment.</param>
internal sealed record AssessmentRoute(CourseId Course, Guid Assessment);

/// <summary>The marks typed in an assessment's sheet, by pupil id, and whether to publish them.</summary>
/// <param name="Marks">Each pupil's mark as typed (<c>marks[&lt;pupil id&gt;]</c>).</param>
/// <param name="Was">Each pupil's mark as the sheet showed it (<c>was[&lt;pupil id&gt;]</c>): only the marks the teacher changed are saved.</param>
/// <param name="Publish">Whether to publish the marks to pupils and parents.</param>
/// <param name="Reason">Why a mark changes (needed in a closed period).</param>
internal sealed record MarksForm(IReadOnlyDictionary<string, string> Marks, IReadOnlyDictionary<string, string> Was, bool Publish, string? Reason);

/// <summary>The gradebook of an assessment: each pupil's mark or code to type, and the class's average, lowest and highest.</summary>
internal sealed class GradebookPage(IGradebook gradebook, ILocalizedStrings strings) : EntPage<AssessmentRoute, MarksForm>
{
    public override async Task<PageResult> GetAsync(PageContext context, AssessmentRoute route, CancellationToken cancellationToken)
    {
        var sheet = await gradebook.SheetOfAsync(context.Actor, route.Course, route.Assessment, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var model = new
        {
            sheet.Assessment.Title,
            Date = MarkInput.Day(sheet.Assessment.Date),
            sheet.Assessment.Scale,
            sheet.Assessment.Published,
            sheet.Closed,
            Pupils = sheet.Pupils.Select(p =>
            {
                var field = $"marks[{p.Pupil.Value}]";
                return new
                {
                    p.Name,
                    Field = field,
                    WasField = $"was[{p.Pupil.Value}]",
                    Was = context.Posted.TryGetValue($"was[{p.Pupil.Value}]", out var shown) ? shown : MarkInput.Show(p.Mark, language),
                    Id = $"mark-{p.Pupil.Value}",
                    Value = context.Posted.TryGetValue(field, out var typed) ? typed : MarkInput.Show(p.Mark, language),
                    Error = context.ErrorOf(field),
                    History = context.Link($"grading/history/{route.Course.Value}/{p.Pupil.Value}"),
                };
            }).ToArray(),
            Average = MarkInput.Number(sheet.Statistics.Average, language),
            Minimum = MarkInput.Number(sheet.Statistics.Minimum, language),
            Maximum = MarkInput.Number(sheet.Statistics.Maximum, language),
            sheet.Statistics.Count,
            Codes = string.Join(", ", MarkInput.CodeTexts),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
            Back = context.Link($"{CoursesPage.Route}/{route.Course.Value}"),
        };
        return PageResult.View("grading/pages/gradebook", model, $"{sheet.Assessment.Title} — {strings.Get("grading", "pages.gradebook.title", language)}");
    }

    public override async Task<PageResult> PostAsync(PageContext context, AssessmentRoute route, MarksForm form, CancellationToken cancellationToken)
    {
        var sheet = await gradebook.SheetOfAsync(context.Actor, route.Course, route.Assessment, cancellationToken).ConfigureAwait(false);
        var marks = new Dictionary<PersonId, Mark?>();
        var errors = new List<FormError>();
        foreach (var (key, typed) in form.Marks)
        {
            var line = Guid.TryParse(key, out var id) ? sheet.Pupils.FirstOrDefault(p => p.Pupil.Value == id) : null;
            if (line is null)
            {
                errors.Add(new FormError(null, strings.Get("grading", "pages.gradebook.unknown-pupil", context.Language, key)));
                continue;
            }

            if (!MarkInput.TryParse(typed, sheet.Assessment.Scale, out var mark))
            {
                errors.Add(new FormError($"marks[{key}]", strings.Get("grading", "pages.gradebook.bad-mark", context.Language, typed, line.Name, sheet.Assessment.Scale)));
                continue;
            }

            Mark? shown = null;
            var knownBefore = form.Was.TryGetValue(key, out var shownText) && MarkInput.TryParse(shownText, sheet.Assessment.Scale, out shown);
            if (knownBefore && shown == mark)
            {
                continue; // not changed here: whatever another teacher saved meanwhile stays
            }

            if (knownBefore && shown != line.Mark)
            {
                // Changed here, and by someone else since the sheet was shown: neither is overwritten without the teacher seeing it.
                errors.Add(new FormError($"marks[{key}]", strings.Get("grading", "pages.gradebook.changed-meanwhile", context.Language, line.Name, MarkInput.Show(line.Mark, context.Language))));
                continue;
            }

            marks[line.Pupil] = mark;
        }

        if (errors.Count > 0)
        {
            return PageResult.Invalid([.. errors]); // nothing recorded: all or nothing
        }

        await gradebook.RecordMarksAsync(context.Actor, route.Course, route.Assessment, marks, string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason, cancellationToken).ConfigureAwait(false);
        if (form.Publish && !sheet.Assessment.Published)
        {
            await gradebook.PublishAsync(context.Actor, route.Course, route.Assessment, cancellationToken).ConfigureAwait(false);
        }

        return PageResult.Redirect($"{CoursesPage.Route}/{route.Course.Value}/assessments/{route.Assessment}");
    }
}
