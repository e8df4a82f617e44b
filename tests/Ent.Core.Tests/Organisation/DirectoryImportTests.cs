using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Tests.Organisation;

/// <summary>A batch of additions (a year's export, a generated department) goes into the directory all or nothing.</summary>
public sealed class DirectoryImportTests
{
    private readonly TestWorld _world = new();
    private static readonly DateRange Year = new(new(2026, 9, 1), new(2027, 7, 4));

    private DirectoryImport NewClassWithPupil(out SchoolClass @class, out Person pupil)
    {
        @class = new SchoolClass(ClassId.New(), _world.School.Id, _world.Year.Id, "6e C");
        pupil = new Person(PersonId.New(), _world.Department.Id, "Aya", "Traoré");
        return new DirectoryImport(_world.Department.Id)
        {
            Classes = [@class],
            People = [pupil],
            Roles = [new RoleAssignment(pupil.Id, Role.Learner, AccessScope.OfClass(_world.Department.Id, _world.School.Id, @class.Id), Year)],
            Guardianships = [new Guardianship(_world.Parent.Id, pupil.Id)],
            Enrolments = [Enrolment.InClass(pupil.Id, @class, Year)],
        };
    }

    [Fact]
    public void An_import_adds_each_kind_in_order_so_that_an_addition_may_name_one_before_it()
    {
        var import = NewClassWithPupil(out var @class, out var pupil);

        var result = _world.Directory.Import(import);

        Assert.Equal(new DirectoryImportResult(5, 0), result);
        Assert.Equal(@class, _world.Directory.FindClass(@class.Id));
        Assert.Equal(pupil.Id, Assert.Single(_world.Directory.EnrolmentsIn(@class.Id)).Learner);
        Assert.Contains(pupil.Id, _world.Directory.ChildrenOf(_world.Parent.Id));
        Assert.Contains(@class, _world.Directory.ClassesOf(_world.School.Id));
    }

    [Fact]
    public void A_refused_addition_names_its_kind_position_and_reason_and_nothing_of_the_batch_is_added()
    {
        var import = NewClassWithPupil(out var @class, out var pupil);
        var unknownClass = new SchoolClass(ClassId.New(), _world.School.Id, _world.Year.Id, "3e Z");
        var broken = import with { Enrolments = [.. import.Enrolments, Enrolment.InClass(pupil.Id, unknownClass, Year)] };

        var error = Assert.Throws<ArgumentException>(() => _world.Directory.Import(broken));

        Assert.StartsWith("The import's enrolment 2 (", error.Message, StringComparison.Ordinal);
        Assert.Contains(unknownClass.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", error.Message, StringComparison.Ordinal);
        Assert.Null(_world.Directory.FindClass(@class.Id));
        Assert.Null(_world.Directory.FindPerson(pupil.Id));
        Assert.DoesNotContain(pupil.Id, _world.Directory.ChildrenOf(_world.Parent.Id));
        Assert.DoesNotContain(_world.Directory.ClassesOf(_world.School.Id), c => c.Id == @class.Id);
        Assert.Empty(_world.Directory.EnrolmentsOf(pupil.Id));
    }

    [Fact]
    public void An_addition_of_another_department_than_the_batchs_is_refused_and_nothing_is_added()
    {
        var import = NewClassWithPupil(out var @class, out _);
        var stranger = new Person(PersonId.New(), _world.OtherDepartment.Id, "Autre", "Département");

        var error = Assert.Throws<ArgumentException>(() => _world.Directory.Import(import with { People = [.. import.People, stranger] }));

        Assert.Contains($"belongs to department {_world.OtherDepartment.Id.Value}", error.Message, StringComparison.Ordinal);
        Assert.Null(_world.Directory.FindClass(@class.Id));
        Assert.Null(_world.Directory.FindPerson(stranger.Id));
    }

    [Fact]
    public void A_role_or_guardianship_already_held_changes_nothing_and_is_counted_as_unchanged()
    {
        var held = _world.Directory.RolesOf(_world.Teacher.Id)[0];

        var result = _world.Directory.Import(new DirectoryImport(_world.Department.Id)
        {
            Roles = [held],
            Guardianships = [new Guardianship(_world.Parent.Id, _world.Learner.Id)],
        });

        Assert.Equal(new DirectoryImportResult(0, 2), result);
        Assert.Single(_world.Directory.RolesOf(_world.Teacher.Id), held);
    }

    [Fact]
    public void A_journal_that_fails_on_the_batch_leaves_the_directory_as_it_was()
    {
        var directory = new InMemoryOrganisationDirectory(new FailingBatchJournal());
        directory.Add(_world.Department);
        directory.Add(_world.School);
        var @class = new SchoolClass(ClassId.New(), _world.School.Id, _world.Year.Id, "6e C");

        Assert.Throws<IOException>(() => directory.Import(new DirectoryImport(_world.Department.Id) { Classes = [@class] }));

        Assert.Null(directory.FindClass(@class.Id));
        Assert.Empty(directory.ClassesOf(_world.School.Id));
    }

    /// <summary>Accepts single additions, then fails when a batch is to be written (a lost connection, say).</summary>
    private sealed class FailingBatchJournal : IDirectoryJournal
    {
        public void Added(Department department)
        {
        }

        public void Added(School school)
        {
        }

        public void Added(DepartmentId department, SchoolClass @class)
        {
        }

        public void Added(DepartmentId department, TeachingGroup group)
        {
        }

        public void Added(Person person)
        {
        }

        public void Added(RoleAssignment assignment)
        {
        }

        public void Added(DepartmentId department, Guardianship guardianship)
        {
        }

        public void Added(DepartmentId department, Enrolment enrolment)
        {
        }

        public void Batch(DepartmentId department, Action additions)
        {
            additions();
            throw new IOException("The store went away before the batch was written.");
        }
    }
}
