using System.ComponentModel.DataAnnotations;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>A course's route: its id.</summary>
/// <param name="Course">The course.</param>
internal sealed record CourseRoute(CourseId Course);

/// <summary>A new assessment, as a teacher fills it in.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its date, inside a period of the school's year.</param>
/// <param name="Scale">Its scale (20 by default).</param>
/// <param name="Coefficient">Its coefficient (1 by default).</param>
internal sealed record NewAssessmentForm([Required, StringLength(200)] string Title, DateOnly Date, int Scale, decimal Coefficient);

/// <summary>A course's assessments with their class's figures, and the form to create one.</summary>
internal sealed class CoursePage(IGradebook gradebook, ICourseCatalog catalog, ISchoolCalendar calendar, ILocalizedStrings strings) : EntPage<CourseRoute, NewAssessmentForm>
{
    public override async Task<PageResult> GetAsync(PageContext context, CourseRoute route, CancellationToken cancellationToken)
    {
        var assessments = await gradebook.AssessmentsOfAsync(context.Actor, route.Course, cancellationToken).ConfigureAwait(false); // refused unless the viewer marks this course
        var course = (await catalog.FindAsync(context.Actor.Department, route.Course, cancellationToken).ConfigureAwait(false))!;
        var posted = context.Posted;
        var model = new
        {
            course.Title,
            Subject = course.Subject.Name,
            Assessments = assessments.Select(a => new
            {
                a.Title,
                Date = MarkInput.Day(a.Date),
                a.Scale,
                Coefficient = MarkInput.Number(a.Coefficient, context.Language),
                a.Published,
                Href = context.Link($"{CoursesPage.Route}/{route.Course.Value}/assessments/{a.Id}"),
            }).ToArray(),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
            Form = new
            {
                Title = posted.GetValueOrDefault("title", string.Empty),
                Date = posted.GetValueOrDefault("date", context.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                Scale = posted.GetValueOrDefault("scale", "20"),
                Coefficient = posted.GetValueOrDefault("coefficient", "1"),
            },
            Back = context.Link(CoursesPage.Route),
        };
        return PageResult.View("grading/pages/course", model, $"{course.Title} — {strings.Get("grading", "pages.course.title", context.Language)}");
    }

    public override async Task<PageResult> PostAsync(PageContext context, CourseRoute route, NewAssessmentForm form, CancellationToken cancellationToken)
    {
        var course = await catalog.FindAsync(context.Actor.Department, route.Course, cancellationToken).ConfigureAwait(false);
        if (course is null)
        {
            return PageResult.NotFound();
        }

        if (calendar.PeriodOf(course.School, form.Date) is not { } period)
        {
            return PageResult.Invalid(new FormError("date", strings.Get("grading", "pages.course.no-period", context.Language, MarkInput.Day(form.Date))));
        }

        var created = await gradebook.CreateAssessmentAsync(context.Actor, new AssessmentDraft(route.Course, period.Id, form.Title, form.Date, form.Scale, form.Coefficient), cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect($"{CoursesPage.Route}/{route.Course.Value}/assessments/{created.Id}");
    }
}
