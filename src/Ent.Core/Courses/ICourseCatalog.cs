using System.Collections.Concurrent;
using Ent.Core.Identifiers;

namespace Ent.Core.Courses;

/// <summary>Where courses are kept, department by department. Trusted infrastructure: services that expose courses check rights.</summary>
public interface ICourseCatalog
{
    /// <summary>Adds a course, or replaces the one with its id.</summary>
    /// <param name="department">The department of the course's school.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the save before it is written.</param>
    Task SaveAsync(DepartmentId department, Course course, CancellationToken cancellationToken = default);

    /// <summary>Finds a course of a department.</summary>
    /// <param name="department">The department asked about: a course of another department is not found.</param>
    /// <param name="id">Its identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<Course?> FindAsync(DepartmentId department, CourseId id, CancellationToken cancellationToken = default);

    /// <summary>Finds several courses of a department in one read (a class's report cards name each of its courses).</summary>
    /// <param name="department">The department asked about: a course of another department is not found.</param>
    /// <param name="ids">Their identifiers.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per identifier, in their order: the course, or null.</returns>
    Task<IReadOnlyList<Course?>> FindManyAsync(DepartmentId department, IReadOnlyList<CourseId> ids, CancellationToken cancellationToken = default);

    /// <summary>The courses of a school, in one read (a school's term close or report cards need all of them).</summary>
    /// <param name="department">The department of the school.</param>
    /// <param name="school">The school.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Course>> ListAsync(DepartmentId department, SchoolId school, CancellationToken cancellationToken = default);
}

/// <summary>A thread-safe course catalog held in memory.</summary>
public sealed class InMemoryCourseCatalog : ICourseCatalog
{
    private readonly ConcurrentDictionary<(DepartmentId, CourseId), Course> _courses = new();
    private readonly ConcurrentDictionary<(DepartmentId, SchoolId), ConcurrentDictionary<CourseId, Course>> _bySchool = new();
    private readonly Lock _saving = new();

    /// <inheritdoc />
    public Task SaveAsync(DepartmentId department, Course course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        lock (_saving)
        {
            if (_courses.TryGetValue((department, course.Id), out var earlier) && earlier.School != course.School)
            {
                _bySchool[(department, earlier.School)].TryRemove(course.Id, out _);
            }

            _courses[(department, course.Id)] = course;
            _bySchool.GetOrAdd((department, course.School), _ => new())[course.Id] = course;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Course?> FindAsync(DepartmentId department, CourseId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_courses.GetValueOrDefault((department, id)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Course?>> FindManyAsync(DepartmentId department, IReadOnlyList<CourseId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Task.FromResult<IReadOnlyList<Course?>>([.. ids.Select(id => _courses.GetValueOrDefault((department, id)))]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Course>> ListAsync(DepartmentId department, SchoolId school, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Course>>(_bySchool.TryGetValue((department, school), out var courses) ? [.. courses.Values.OrderBy(c => c.Id.Value)] : []);
}
