using Ent.Core.Identifiers;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>A report card's route: the class, the period and the pupil.</summary>
/// <param name="Class">The class.</param>
/// <param name="Period">The period.</param>
/// <param name="Pupil">The pupil.</param>
internal sealed record ReportCardRoute(ClassId Class, PeriodId Period, PersonId Pupil);

/// <summary>A pupil's report card for a period, as its readers may see it (pupils and parents: from published marks).</summary>
internal sealed class ReportCardPage(IReportCards cards, ILocalizedStrings strings) : EntPage<ReportCardRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, ReportCardRoute route, CancellationToken cancellationToken)
    {
        var card = await cards.ForPupilAsync(context.Actor, route.Pupil, route.Class, route.Period, cancellationToken).ConfigureAwait(false);
        var language = context.Language;
        var model = new
        {
            card.School,
            card.SchoolAddress,
            card.Uai,
            card.SchoolYear,
            card.Provisional,
            card.CouncilAppraisal,
            card.ClassName,
            card.Period,
            card.Pupil,
            Subjects = card.Subjects.Select(s => new
            {
                s.Subject,
                s.Teacher,
                Average = MarkInput.Number(s.Average, language),
                ClassAverage = MarkInput.Number(s.Class.Average, language),
                Minimum = MarkInput.Number(s.Class.Minimum, language),
                Maximum = MarkInput.Number(s.Class.Maximum, language),
                s.Comment,
            }).ToArray(),
            Overall = MarkInput.Number(card.Overall, language),
            ClassOverall = MarkInput.Number(card.ClassOverall.Average, language),
            Competencies = card.Competencies.Select(c => new { c.Component, c.Level }).ToArray(),
            card.Absences,
            card.Calculation,
            Issued = MarkInput.Day(card.IssuedOn),
            Back = context.Link($"{PupilMarksPage.Route}/{route.Pupil.Value}"),
        };
        return PageResult.View("grading/pages/report-card", model, strings.Get("grading", "title", language, card.Pupil, card.Period));
    }
}
