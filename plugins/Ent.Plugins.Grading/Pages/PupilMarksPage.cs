using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>A pupil's route.</summary>
/// <param name="Pupil">The pupil.</param>
internal sealed record PupilRoute(PersonId Pupil);

/// <summary>
/// A pupil's marks in each course of their class, with the links to their report card and mark history: for the pupil, their
/// parents (published marks) and their teachers; anyone else is refused by the gradebook.
/// </summary>
internal sealed class PupilMarksPage(IGradebook gradebook, ICourseCatalog catalog, IOrganisationDirectory directory, ISchoolCalendar calendar, ILocalizedStrings strings) : EntPage<PupilRoute>
{
    public const string Route = "grading/pupils";

    public override async Task<PageResult> GetAsync(PageContext context, PupilRoute route, CancellationToken cancellationToken)
    {
        var pupil = directory.FindPerson(route.Pupil);
        var enrolment = directory.EnrolmentsOf(route.Pupil).FirstOrDefault(e => e.Class is not null && e.Validity.Contains(context.Today));
        if (pupil is null || pupil.Department != context.Actor.Department || enrolment is null)
        {
            return PageResult.NotFound();
        }

        var courses = (await catalog.ListAsync(context.Actor.Department, enrolment.School, cancellationToken).ConfigureAwait(false)).Where(c => c.Audience.Class == enrolment.Class).ToArray();
        var period = calendar.PeriodOf(enrolment.School, context.Today);
        var lines = new List<object>();
        foreach (var course in courses.OrderBy(c => c.Subject.Name, StringComparer.CurrentCulture))
        {
            var marks = await gradebook.MarksOfAsync(context.Actor, route.Pupil, course.Id, cancellationToken).ConfigureAwait(false); // refused if the viewer may not read them
            lines.Add(new
            {
                Subject = course.Subject.Name,
                course.Title,
                Marks = marks.Select(m => new
                {
                    m.Assessment.Title,
                    Date = MarkInput.Day(m.Assessment.Date),
                    Mark = MarkInput.Show(m.Mark, context.Language),
                    m.Assessment.Scale,
                    Coefficient = MarkInput.Number(m.Assessment.Coefficient, context.Language),
                }).ToArray(),
                History = context.Link($"grading/history/{course.Id.Value}/{route.Pupil.Value}"),
            });
        }

        var name = $"{pupil.GivenName} {pupil.FamilyName}";
        var model = new
        {
            Pupil = name,
            ClassName = directory.FindClass(enrolment.Class!.Value)?.Name,
            Courses = lines,
            ReportCard = period is null ? null : context.Link($"grading/report-cards/{enrolment.Class!.Value.Value}/{period.Id.Value}/{route.Pupil.Value}"),
            Period = period?.Name,
        };
        return PageResult.View("grading/pages/pupil", model, strings.Get("grading", "pages.pupil.title", context.Language, name));
    }
}

/// <summary>"My marks": a pupil's own page, or for a parent the list of their children, each to their marks.</summary>
internal sealed class MyMarksPage(IOrganisationDirectory directory, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "grading/marks";

    public override Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var own = directory.EnrolmentsOf(context.Actor.Person).Any(e => e.Validity.Contains(context.Today));
        var children = directory.ChildrenOf(context.Actor.Person);
        if (own && children.Count == 0)
        {
            return Task.FromResult(PageResult.Redirect($"{PupilMarksPage.Route}/{context.Actor.Person.Value}"));
        }

        var model = new
        {
            Children = children.Select(directory.FindPerson).OfType<Person>()
                .Select(c => new { Name = $"{c.GivenName} {c.FamilyName}", Href = context.Link($"{PupilMarksPage.Route}/{c.Id.Value}") }).ToArray(),
        };
        return Task.FromResult(PageResult.View("grading/pages/children", model, strings.Get("grading", "pages.children.title", context.Language)));
    }
}
