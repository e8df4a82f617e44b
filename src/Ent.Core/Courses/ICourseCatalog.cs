using System.Collections.Concurrent;
using Ent.Core.Identifiers;

namespace Ent.Core.Courses;

/// <summary>Where courses are kept. Trusted infrastructure: services that expose courses check rights.</summary>
public interface ICourseCatalog
{
    /// <summary>Adds or replaces a course.</summary>
    /// <param name="course">The course.</param>
    void Save(Course course);

    /// <summary>Finds a course.</summary>
    /// <param name="id">Its identifier.</param>
    Course? Find(CourseId id);
}

/// <summary>A thread-safe course catalog held in memory.</summary>
public sealed class InMemoryCourseCatalog : ICourseCatalog
{
    private readonly ConcurrentDictionary<CourseId, Course> _courses = new();

    /// <inheritdoc />
    public void Save(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        _courses[course.Id] = course;
    }

    /// <inheritdoc />
    public Course? Find(CourseId id) => _courses.GetValueOrDefault(id);
}
