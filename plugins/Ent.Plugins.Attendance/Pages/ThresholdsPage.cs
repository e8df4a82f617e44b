using Ent.Plugins.Attendance.FollowUp;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Attendance.Pages;

/// <summary>The thresholds as posted: half-days without a legitimate reason, and lateness, in a month.</summary>
/// <param name="HalfDays">From 1 to 62.</param>
/// <param name="Lateness">From 1 to 62.</param>
internal sealed record ThresholdsForm(int HalfDays, int Lateness);

/// <summary>The school's thresholds (its own, or the department's, the law's 4 half-days by default), set by its staff or head.</summary>
internal sealed class ThresholdsPage(IAttendanceFollowUp followUp, AttendanceText text) : EntPage<NoRouteValues, ThresholdsForm>
{
    public const string Route = "attendance/thresholds";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        if (context.School is not { } school)
        {
            return PageResult.NotFound();
        }

        var thresholds = await followUp.ThresholdsAsync(context.Actor, school.Id, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            HalfDays = context.Posted.GetValueOrDefault("halfDays", thresholds.HalfDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Lateness = context.Posted.GetValueOrDefault("lateness", thresholds.Lateness.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            thresholds.Own,
            National = AttendanceOptions.NationalAbsenceThreshold,
            Back = context.Link(FollowUpPage.Route),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("attendance/pages/thresholds", model, text.T(context.Language, "pages.thresholds.title"));
    }

    public override async Task<PageResult> PostAsync(PageContext context, NoRouteValues route, ThresholdsForm form, CancellationToken cancellationToken)
    {
        if (context.School is not { } school)
        {
            return PageResult.NotFound();
        }

        await followUp.SetThresholdsAsync(context.Actor, school.Id, new SchoolThresholds(form.HalfDays, form.Lateness), cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(Route);
    }
}
