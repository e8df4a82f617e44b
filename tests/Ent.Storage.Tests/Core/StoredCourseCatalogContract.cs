using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Storage.Core;
using Ent.Storage.Tests.Engines;
using Ent.TestSupport;

namespace Ent.Storage.Tests.Core;

/// <summary>Courses kept by a storage engine.</summary>
public abstract class StoredCourseCatalogContract : EngineContract
{
    private readonly TestWorld _world = new();

    private async Task<ICourseCatalog> OpenAsync() => new StoredCourseCatalog(await Engine.OpenRecordStoresAsync(CoreSchemas.Courses));

    [SkippableFact]
    public async Task A_course_is_read_back_whole_after_a_restart()
    {
        var course = _world.MathsCourse;
        await (await OpenAsync()).SaveAsync(_world.Department.Id, course);

        var read = await (await OpenAsync()).FindAsync(_world.Department.Id, course.Id);

        Assert.NotNull(read);
        Assert.Equal((course.Id, course.School, course.Audience, course.Subject, course.Title), (read.Id, read.School, read.Audience, read.Subject, read.Title));
        Assert.Equal(course.Activities.Select(a => (a.Id, a.Title, a.Kind)), read.Activities.Select(a => (a.Id, a.Title, a.Kind)));
        Assert.Equal(course.Sequences.Single().Id, read.Sequences.Single().Id);
    }

    [SkippableFact]
    public async Task Saving_again_replaces_the_course()
    {
        var catalog = await OpenAsync();
        var course = _world.MathsCourse;
        await catalog.SaveAsync(_world.Department.Id, course);
        var renamed = new Course(course.Id, course.School, course.Audience, course.Subject, "Fractions et décimaux", course.Sequences);

        await catalog.SaveAsync(_world.Department.Id, renamed);

        Assert.Equal("Fractions et décimaux", (await catalog.FindAsync(_world.Department.Id, course.Id))!.Title);
    }

    [SkippableFact]
    public async Task Several_courses_are_found_in_one_read_in_the_order_asked_and_none_of_another_department()
    {
        var catalog = await OpenAsync();
        var course = _world.MathsCourse;
        var french = new Course(CourseId.New(), course.School, course.Audience, new Subject("FRANC", "Français"), "Lecture", course.Sequences);
        await catalog.SaveAsync(_world.Department.Id, course);
        await catalog.SaveAsync(_world.Department.Id, french);
        var missing = CourseId.New();

        var found = await catalog.FindManyAsync(_world.Department.Id, [french.Id, missing, course.Id]);
        var elsewhere = await catalog.FindManyAsync(_world.OtherDepartment.Id, [course.Id]);

        Assert.Equal(["Lecture", null, course.Title], found.Select(c => c?.Title));
        Assert.Equal([null], elsewhere);
    }

    [SkippableFact]
    public async Task A_schools_courses_are_listed_in_one_read_and_no_other_schools_or_departments()
    {
        var catalog = await OpenAsync();
        var course = _world.MathsCourse;
        var french = new Course(CourseId.New(), course.School, course.Audience, new Subject("FRANC", "Français"), "Lecture", course.Sequences);
        var elsewhere = new Course(CourseId.New(), _world.OtherSchool.Id, course.Audience, course.Subject, "Ailleurs", course.Sequences);
        await catalog.SaveAsync(_world.Department.Id, course);
        await catalog.SaveAsync(_world.Department.Id, french);
        await catalog.SaveAsync(_world.Department.Id, elsewhere);

        var listed = await catalog.ListAsync(_world.Department.Id, course.School);

        Assert.Equal(new[] { course.Id.Value, french.Id.Value }.Order(), listed.Select(c => c.Id.Value).Order());
        Assert.Equal("Lecture", listed.Single(c => c.Id == french.Id).Title);
        Assert.Empty(await catalog.ListAsync(DepartmentId.New(), course.School));
    }

    [SkippableFact]
    public async Task Another_departments_course_is_not_found()
    {
        var catalog = await OpenAsync();
        await catalog.SaveAsync(_world.Department.Id, _world.MathsCourse);

        Assert.Null(await catalog.FindAsync(DepartmentId.New(), _world.MathsCourse.Id));
    }
}

public sealed class InMemoryCourseCatalogListTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task The_in_memory_catalog_lists_a_schools_courses_of_the_department_asked_about()
    {
        var catalog = new InMemoryCourseCatalog();
        await catalog.SaveAsync(_world.Department.Id, _world.MathsCourse);

        Assert.Equal([_world.MathsCourse.Id], (await catalog.ListAsync(_world.Department.Id, _world.School.Id)).Select(c => c.Id));
        Assert.Empty(await catalog.ListAsync(_world.Department.Id, _world.OtherSchool.Id));
        Assert.Empty(await catalog.ListAsync(DepartmentId.New(), _world.School.Id));
    }

    [Fact]
    public async Task A_course_saved_again_in_another_school_is_listed_there_only()
    {
        var catalog = new InMemoryCourseCatalog();
        await catalog.SaveAsync(_world.Department.Id, _world.MathsCourse);
        var maths = _world.MathsCourse;
        await catalog.SaveAsync(_world.Department.Id, new Course(maths.Id, _world.OtherSchool.Id, maths.Audience, maths.Subject, maths.Title, maths.Sequences));

        Assert.Empty(await catalog.ListAsync(_world.Department.Id, _world.School.Id));
        Assert.Equal([_world.MathsCourse.Id], (await catalog.ListAsync(_world.Department.Id, _world.OtherSchool.Id)).Select(c => c.Id));
    }
}

public sealed class SqliteStoredCourseCatalogTests : StoredCourseCatalogContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlStoredCourseCatalogTests : StoredCourseCatalogContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}
