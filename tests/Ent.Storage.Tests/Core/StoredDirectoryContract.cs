using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Storage.Core;
using Ent.Storage.Engines;
using Ent.Storage.Tests.Engines;
using Ent.TestSupport;

namespace Ent.Storage.Tests.Core;

/// <summary>The directory kept by a storage engine: what was accepted is there after a restart, what was refused is nowhere.</summary>
public abstract class StoredDirectoryContract : EngineContract
{
    private async Task<StoredOrganisationDirectory> OpenAsync()
    {
        var directory = new StoredOrganisationDirectory(await Engine.OpenRecordStoresAsync(CoreSchemas.Directory));
        await directory.LoadAsync();
        return directory;
    }

    [SkippableFact]
    public async Task A_whole_world_is_read_back_after_a_restart()
    {
        var world = new TestWorld(await OpenAsync());

        var reopened = await OpenAsync();

        Assert.Equal(world.Department, reopened.FindDepartment(world.Department.Id));
        Assert.Equal(world.OtherDepartment, reopened.FindDepartment(world.OtherDepartment.Id));
        Assert.Equal([world.School, world.OtherSchool], reopened.SchoolsOf(world.Department.Id).OrderBy(s => s.Uai.Value));
        Assert.Equal(world.Class5B, reopened.FindClass(world.Class5B.Id));
        Assert.Equal([world.Class4A, world.Class5B], reopened.ClassesOf(world.School.Id).OrderBy(c => c.Name, StringComparer.Ordinal));
        Assert.Equal(world.LatinGroup, reopened.FindGroup(world.LatinGroup.Id));
        Assert.Equal([world.LatinGroup], reopened.GroupsOf(world.School.Id));
        Assert.Equal(world.Teacher, reopened.FindPerson(world.Teacher.Id));
        Assert.Equal(world.Directory.RolesOf(world.Head.Id), reopened.RolesOf(world.Head.Id));
        Assert.Equal(world.Directory.RolesOf(world.OtherDepartmentAdmin.Id), reopened.RolesOf(world.OtherDepartmentAdmin.Id));
        Assert.True(reopened.IsGuardianOf(world.Parent.Id, world.Learner.Id));
        Assert.Equal(world.Directory.EnrolmentsIn(world.Class5B.Id).OrderBy(e => e.Id.Value), reopened.EnrolmentsIn(world.Class5B.Id).OrderBy(e => e.Id.Value));
        Assert.Equal(world.Directory.EnrolmentsOf(world.Learner.Id), reopened.EnrolmentsOf(world.Learner.Id));
    }

    [SkippableFact]
    public async Task A_persons_external_id_is_read_back_and_finds_them_in_their_department_only()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        var signsIn = new Person(PersonId.New(), world.Department.Id, "Zoé", "Martin") { ExternalId = "educonnect:f1e2d3" };
        directory.Add(signsIn);

        var reopened = await OpenAsync();

        Assert.Equal(signsIn, reopened.FindPerson(signsIn.Id));
        Assert.Equal(signsIn.Id, reopened.FindPersonByExternalId(world.Department.Id, "educonnect:f1e2d3")?.Id);
        Assert.Null(reopened.FindPersonByExternalId(world.OtherDepartment.Id, "educonnect:f1e2d3"));
        Assert.Null(reopened.FindPersonByExternalId(world.Department.Id, "EDUCONNECT:F1E2D3")); // compared exactly
        Assert.Throws<ArgumentException>(() => reopened.Add(new Person(PersonId.New(), world.Department.Id, "Autre", "Personne") { ExternalId = "educonnect:f1e2d3" }));
    }

    [SkippableFact]
    public async Task A_schools_postal_address_is_read_back()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        var school = new School(SchoolId.New(), world.Department.Id, Uai.Parse("0931234L"), "Collège Olympe de Gouges") { Address = "3 place de l'Exemple, 93000 Bobigny" };
        directory.Add(school);

        var reopened = await OpenAsync();

        Assert.Equal("3 place de l'Exemple, 93000 Bobigny", reopened.FindSchool(school.Id)!.Address);
        Assert.Null(reopened.FindSchool(world.School.Id)!.Address);
    }

    [SkippableFact]
    public async Task A_refused_addition_is_neither_in_memory_nor_stored()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        var stranger = new Person(PersonId.New(), DepartmentId.New(), "Nobody", "Known");

        Assert.Throws<UnknownReferenceException>(() => directory.Add(stranger));
        Assert.Throws<ArgumentException>(() => directory.Add(world.Teacher));

        var reopened = await OpenAsync();
        Assert.Null(reopened.FindPerson(stranger.Id));
        Assert.Equal(world.Teacher, reopened.FindPerson(world.Teacher.Id));
    }

    [SkippableFact]
    public async Task A_value_the_store_refuses_leaves_the_directory_unchanged()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        // Built with 'with', which skips the record's own check: the store checks again before writing.
        var longName = new Person(PersonId.New(), world.Department.Id, "Léa", "Martin") with { GivenName = new string('a', 201) };

        var error = Assert.Throws<ArgumentException>(() => directory.Add(longName));

        Assert.Contains("core.directory/people.given_name", error.Message, StringComparison.Ordinal);
        Assert.Null(directory.FindPerson(longName.Id));
        Assert.Null((await OpenAsync()).FindPerson(longName.Id));
    }

    [SkippableFact]
    public async Task An_import_is_read_back_after_a_restart()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        var year = new DateRange(new(2026, 9, 1), new(2027, 7, 4));
        var @class = new SchoolClass(ClassId.New(), world.School.Id, world.Year.Id, "6e C");
        var pupils = Enumerable.Range(1, 30).Select(i => new Person(PersonId.New(), world.Department.Id, $"Élève {i}", "Import")).ToArray();

        directory.Import(new DirectoryImport(world.Department.Id)
        {
            Classes = [@class],
            People = pupils,
            Enrolments = [.. pupils.Select(p => Enrolment.InClass(p.Id, @class, year))],
        });

        var reopened = await OpenAsync();
        Assert.Equal(@class, reopened.FindClass(@class.Id));
        Assert.Equal(pupils.Select(p => p.Id.Value).Order(), reopened.EnrolmentsIn(@class.Id).Select(e => e.Learner.Value).Order());
    }

    [SkippableFact]
    public async Task An_import_with_a_value_the_store_refuses_leaves_nothing_in_memory_or_stored()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        var @class = new SchoolClass(ClassId.New(), world.School.Id, world.Year.Id, "6e C");
        var fine = new Person(PersonId.New(), world.Department.Id, "Aya", "Traoré");
        var longName = new Person(PersonId.New(), world.Department.Id, "Léa", "Martin") with { GivenName = new string('a', 201) };

        var error = Assert.Throws<ArgumentException>(() => directory.Import(new DirectoryImport(world.Department.Id) { Classes = [@class], People = [fine, longName] }));

        Assert.Contains("person 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("core.directory/people.given_name", error.Message, StringComparison.Ordinal);
        Assert.Null(directory.FindClass(@class.Id));
        Assert.Null(directory.FindPerson(fine.Id));
        var reopened = await OpenAsync();
        Assert.Null(reopened.FindClass(@class.Id));
        Assert.Null(reopened.FindPerson(fine.Id));
    }

    [SkippableFact]
    public async Task The_same_role_added_twice_is_kept_once()
    {
        var directory = await OpenAsync();
        var world = new TestWorld(directory);
        var again = directory.RolesOf(world.Teacher.Id).Single();

        directory.Add(again);

        Assert.Single(directory.RolesOf(world.Teacher.Id));
        Assert.Single((await OpenAsync()).RolesOf(world.Teacher.Id));
    }

    [SkippableFact]
    public async Task Each_entry_is_stored_under_its_own_department()
    {
        var stores = await Engine.OpenRecordStoresAsync(CoreSchemas.Directory);
        var directory = new StoredOrganisationDirectory(stores);
        await directory.LoadAsync();
        var world = new TestWorld(directory);
        var store = stores.For(CoreSchemas.Directory);
        var people = CoreSchemas.Directory.Table("people");

        Assert.NotNull(await store.FindAsync(world.OtherDepartment.Id, people.Key(world.OtherDepartmentAdmin.Id.Value)));
        Assert.Null(await store.FindAsync(world.Department.Id, people.Key(world.OtherDepartmentAdmin.Id.Value)));
        Assert.Equal(9, (await store.QueryAsync(world.Department.Id, RecordQuery.From(people))).Count);
    }
}

public sealed class SqliteStoredDirectoryTests : StoredDirectoryContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlStoredDirectoryTests : StoredDirectoryContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}

public sealed class InMemoryStoredDirectoryTests : StoredDirectoryContract
{
    protected override StorageEngine CreateEngine() => new InMemoryEngine();
}
