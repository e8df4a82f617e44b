using Ent.Core.Identifiers;
using Ent.Plugins.Grading.History;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>A mark history's route: the course and the pupil.</summary>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
internal sealed record HistoryRoute(CourseId Course, PersonId Pupil);

/// <summary>A pupil's mark history in a course: every change with who, when, before, after and why.</summary>
internal sealed class HistoryPage(IMarkHistoryView history, ILocalizedStrings strings) : EntPage<HistoryRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, HistoryRoute route, CancellationToken cancellationToken)
    {
        var page = await history.ForPupilAsync(context.Actor, route.Pupil, route.Course, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var culture = language == "en" ? System.Globalization.CultureInfo.GetCultureInfo("en-GB") : System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        var model = new
        {
            page.Pupil,
            page.Subject,
            page.Course,
            Changes = page.Changes.Select(c => new
            {
                c.Assessment,
                At = c.At.ToString("g", culture),
                c.By,
                Before = Show(c.Before, language),
                After = Show(c.After, language),
                c.Reason,
            }).ToArray(),
            Back = context.Link($"{PupilMarksPage.Route}/{route.Pupil.Value}"),
        };
        return PageResult.View("grading/pages/history", model, strings.Get("grading", "pages.history.title", language, page.Pupil, page.Course));
    }

    private static string Show(MarkValue? value, string language) =>
        value is null ? "—"
        : value.Code is { } code ? (Enum.TryParse<Marks.MarkCode>(code, out var known) ? MarkInput.Show(Marks.Mark.Coded(known), language) : code)
        : MarkInput.Number(value.Points, language);
}
