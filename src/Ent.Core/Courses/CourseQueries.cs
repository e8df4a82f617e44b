using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Courses;

/// <summary>Questions asked of the course catalog together with the directory.</summary>
public static class CourseQueries
{
    /// <summary>
    /// The courses a pupil follows on a day: the courses of their schools taught to a class or group they are enrolled in that day
    /// (an enrolment without an end is open), by title.
    /// </summary>
    /// <param name="catalog">The course catalog.</param>
    /// <param name="directory">The directory.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="day">The day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Their courses; none when the pupil is not in the directory or enrolled nowhere that day.</returns>
    public static async Task<IReadOnlyList<Course>> CoursesOfAsync(this ICourseCatalog catalog, IOrganisationDirectory directory, PersonId pupil, DateOnly day,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(directory);
        var enrolments = directory.EnrolmentsOf(pupil).Where(e => e.Validity.Contains(day)).ToArray();
        if (directory.FindPerson(pupil) is not { } person || enrolments.Length == 0)
        {
            return [];
        }

        var courses = new List<Course>();
        foreach (var school in enrolments.Select(e => e.School).Distinct())
        {
            courses.AddRange((await catalog.ListAsync(person.Department, school, cancellationToken).ConfigureAwait(false))
                .Where(c => enrolments.Any(e => (e.Class is { } @class && c.Audience.Class == @class) || (e.Group is { } group && c.Audience.Group == group))));
        }

        return [.. courses.OrderBy(c => c.Title, StringComparer.CurrentCulture)];
    }
}
