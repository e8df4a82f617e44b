using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>A teacher's classes and courses in their school (the head of school's: every course), each to its assessments.</summary>
internal sealed class CoursesPage(IGradebook gradebook, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "grading/courses";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var courses = context.School is { } school ? await gradebook.CoursesMarkedByAsync(context.Actor, school.Id, cancellationToken).ConfigureAwait(false) : [];
        var model = new
        {
            Courses = courses.Select(c => new { c.Title, Subject = c.Subject.Name, Href = context.Link($"{Route}/{c.Id.Value}") }).ToArray(),
        };
        return PageResult.View("grading/pages/courses", model, strings.Get("grading", "pages.courses.title", context.Language));
    }
}
