using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>A class council's route: the class and the period.</summary>
/// <param name="Class">The class.</param>
/// <param name="Period">The period.</param>
internal sealed record CouncilRoute(ClassId Class, PeriodId Period);

/// <summary>What the head of school posts from the council's page: the council's appraisals, or the period's close.</summary>
/// <param name="Action"><c>appraisals</c> or <c>close</c>.</param>
/// <param name="Confirm">Ticked to confirm the close.</param>
/// <param name="Appraisals">Each pupil's appraisal (<c>appraisals[&lt;pupil id&gt;]</c>).</param>
internal sealed record CouncilForm(string Action, bool Confirm, IReadOnlyDictionary<string, string> Appraisals);

/// <summary>
/// The head of school's classes for each period of the year begun so far, the current one first: a period's councils are held
/// in the days after it ends, while the next has begun.
/// </summary>
internal sealed class CouncilsPage(IOrganisationDirectory directory, ISchoolCalendar calendar, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "grading/councils";

    public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var year = context.School is { } current ? calendar.YearOf(current.Id, context.Today) : null;
        var classes = context.School is null || year is null
            ? []
            : directory.ClassesOf(context.School.Id).Where(c => c.Year == year.Id).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToArray();
        var periods = year is null || classes.Length == 0
            ? []
            : year.Periods.Where(p => p.First <= context.Today).OrderByDescending(p => p.First)
                .Select(p => new { p.Name, Classes = classes.Select(c => new { c.Name, Href = context.Link($"{Route}/{c.Id.Value}/{p.Id.Value}") }).ToArray() })
                .ToArray();
        var model = new { Periods = periods };
        return Task.FromResult(PageResult.View("grading/pages/councils", model, strings.Get("grading", "pages.councils.title", context.Language)));
    }
}

/// <summary>A class council's summary (every pupil's averages, the class's figures) and the period's close.</summary>
internal sealed class CouncilPage(IReportCards cards, ISchoolCalendar calendar, IGradebook gradebook, ILocalizedStrings strings) : EntPage<CouncilRoute, CouncilForm>
{
    public override async Task<PageResult> GetAsync(PageContext context, CouncilRoute route, CancellationToken cancellationToken)
    {
        var summary = await cards.ClassCouncilAsync(context.Actor, route.Class, route.Period, cancellationToken).ConfigureAwait(false);
        var closed = await gradebook.IsClosedAsync(context.Actor, route.Class, route.Period, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var model = new
        {
            summary.ClassName,
            summary.Period,
            Closed = closed,
            CanClose = !closed && context.Holds(GradingCapabilities.ClosePeriods),
            Subjects = summary.Subjects.Select(s => new { s.Subject, Average = MarkInput.Number(s.Class.Average, language), Minimum = MarkInput.Number(s.Class.Minimum, language), Maximum = MarkInput.Number(s.Class.Maximum, language) }).ToArray(),
            Pupils = summary.Pupils.Select(p => new
            {
                p.Pupil,
                Card = context.Link($"grading/report-cards/{route.Class.Value}/{route.Period.Value}/{p.Id.Value}"),
                Averages = p.Averages.Select(a => MarkInput.Number(a, language)).ToArray(),
                Overall = MarkInput.Number(p.Overall, language),
                Field = $"appraisals[{p.Id.Value}]",
                Id = $"appraisal-{p.Id.Value}",
                Appraisal = context.Posted.GetValueOrDefault($"appraisals[{p.Id.Value}]", p.Appraisal ?? string.Empty),
            }).ToArray(),
            CanAppraise = context.Holds(GradingCapabilities.ClosePeriods),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
            Back = context.Link(CouncilsPage.Route),
        };
        return PageResult.View("grading/pages/council", model, strings.Get("grading", "pages.council.title", language, summary.ClassName, summary.Period));
    }

    public override async Task<PageResult> PostAsync(PageContext context, CouncilRoute route, CouncilForm form, CancellationToken cancellationToken)
    {
        if (form.Action == "appraisals")
        {
            foreach (var (key, text) in form.Appraisals)
            {
                if (!Guid.TryParse(key, out var pupil))
                {
                    return PageResult.Invalid(new FormError(null, strings.Get("grading", "pages.gradebook.unknown-pupil", context.Language, key)));
                }

                await gradebook.RecordCouncilAppraisalAsync(context.Actor, route.Class, route.Period, new PersonId(pupil), text, cancellationToken).ConfigureAwait(false);
            }

            return PageResult.Redirect($"{CouncilsPage.Route}/{route.Class.Value}/{route.Period.Value}");
        }

        if (!form.Confirm)
        {
            return PageResult.Invalid(new FormError("confirm", strings.Get("grading", "pages.council.confirm-needed", context.Language)));
        }

        calendar.Period(context.Actor.Department, route.Period);
        await gradebook.ClosePeriodAsync(context.Actor, route.Class, route.Period, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect($"{CouncilsPage.Route}/{route.Class.Value}/{route.Period.Value}");
    }
}
