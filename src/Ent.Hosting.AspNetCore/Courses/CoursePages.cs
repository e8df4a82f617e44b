using System.ComponentModel.DataAnnotations;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Content;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;

namespace Ent.Hosting.AspNetCore.Courses;

/// <summary>The viewer's courses in their school: a pupil's class's, a teacher's own (those whose scope they reach).</summary>
internal sealed class MyCoursesPage(ICourseCatalog catalog, IOrganisationDirectory directory, IAccessControl access, ILocalizedStrings strings) : EntPage<NoRouteValues>
{
    public const string Route = "courses";

    public override async Task<PageResult> GetAsync(PageContext context, NoRouteValues route, CancellationToken cancellationToken)
    {
        var courses = context.School is { } school ? await catalog.ListAsync(context.Actor.Department, school.Id, cancellationToken).ConfigureAwait(false) : [];
        var model = new
        {
            Courses = courses
                .Where(c => access.Evaluate(context.Actor, Capabilities.ViewCourses, directory.ScopeOf(c)).Allowed)
                .OrderBy(c => c.Subject.Name, StringComparer.CurrentCulture).ThenBy(c => c.Title, StringComparer.CurrentCulture)
                .Select(c => new { c.Title, Subject = c.Subject.Name, Href = context.Link($"{Route}/{c.Id.Value}") })
                .ToArray(),
        };
        return PageResult.View("ent/courses/list", model, strings.Get("ent", "courses.title", context.Language));
    }
}

/// <summary>A course's route.</summary>
/// <param name="Course">The course.</param>
internal sealed record CourseRoute(CourseId Course);

/// <summary>A sequence's content as its teacher writes it.</summary>
/// <param name="Sequence">The sequence.</param>
/// <param name="Content">Its content in Markdown.</param>
internal sealed record SequenceContentForm(Guid Sequence, [StringLength(Sequence.MaxContentLength)] string? Content);

/// <summary>
/// A course: its sequences, their content (Markdown, rendered through the safe pipeline) and their activities; its teachers
/// edit a sequence's content there and see the accessibility warnings of what they wrote.
/// </summary>
internal sealed class CoursePage(ICourseCatalog catalog, IOrganisationDirectory directory, IAccessControl access, IMarkdownRenderer markdown, ILocalizedStrings strings)
    : EntPage<CourseRoute, SequenceContentForm>
{
    public override async Task<PageResult> GetAsync(PageContext context, CourseRoute route, CancellationToken cancellationToken)
    {
        var course = await FindAsync(context, route, Capabilities.ViewCourses, cancellationToken).ConfigureAwait(false);
        if (course is null)
        {
            return PageResult.NotFound();
        }

        var edits = access.Evaluate(context.Actor, Capabilities.ManageCourses, directory.ScopeOf(course)).Allowed;
        var model = new
        {
            course.Title,
            Subject = course.Subject.Name,
            CanEdit = edits,
            Errors = context.Errors.Select(e => e.Message).ToArray(),
            Sequences = course.Sequences.Select(s => new
            {
                Id = s.Id.Value,
                s.Title,
                s.Content,
                Draft = context.Posted.TryGetValue("sequence", out var posted) && posted == s.Id.Value.ToString() ? context.Posted.GetValueOrDefault("content") : s.Content,
                Warnings = edits && s.Content is { Length: > 0 } content ? Warnings(content) : [],
                Activities = s.Activities.Select(a => new { a.Title, a.Kind }).ToArray(),
            }).ToArray(),
            Back = context.Link(MyCoursesPage.Route),
        };
        return PageResult.View("ent/courses/course", model, course.Title);
    }

    public override async Task<PageResult> PostAsync(PageContext context, CourseRoute route, SequenceContentForm form, CancellationToken cancellationToken)
    {
        var course = await FindAsync(context, route, Capabilities.ManageCourses, cancellationToken).ConfigureAwait(false);
        if (course is null)
        {
            return PageResult.NotFound();
        }

        if (course.Sequences.FirstOrDefault(s => s.Id.Value == form.Sequence) is not { } sequence)
        {
            return PageResult.Invalid(new FormError("sequence", strings.Get("ent", "courses.no-sequence", context.Language, form.Sequence)));
        }

        if (form.Content is { Length: > 0 } text)
        {
            markdown.Render(text); // a content the pipeline refuses (too long, too deep) is refused here, naming its limit
        }

        var edited = new Course(course.Id, course.School, course.Audience, course.Subject, course.Title,
            [.. course.Sequences.Select(s => s == sequence ? s with { Content = string.IsNullOrWhiteSpace(form.Content) ? null : form.Content } : s)]);
        await catalog.SaveAsync(context.Actor.Department, edited, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect($"{MyCoursesPage.Route}/{route.Course.Value}");
    }

    /// <summary>The course, once the viewer is known to hold the capability on it (refused otherwise, as its services refuse).</summary>
    private async Task<Course?> FindAsync(PageContext context, CourseRoute route, Capability capability, CancellationToken cancellationToken)
    {
        var course = await catalog.FindAsync(context.Actor.Department, route.Course, cancellationToken).ConfigureAwait(false);
        if (course is not null)
        {
            access.Demand(context.Actor, capability, directory.ScopeOf(course));
        }

        return course;
    }

    private string[] Warnings(string content)
    {
        try
        {
            return [.. markdown.Render(content).Warnings.Select(w => $"{w.Line}: {w.Message}")];
        }
        catch (ContentLimitException exception)
        {
            return [exception.Message];
        }
    }
}
