using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Core.Identifiers;

namespace Ent.Core.Tests.Organisation;

public sealed class InMemoryOrganisationDirectoryTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public void A_schools_groups_are_listed_with_it_and_not_with_another()
    {
        var option = new TeachingGroup(GroupId.New(), _world.OtherSchool.Id, _world.Year.Id, "3e Grec");
        _world.Directory.Add(option);

        Assert.Equal([_world.LatinGroup], _world.Directory.GroupsOf(_world.School.Id));
        Assert.Equal([option], _world.Directory.GroupsOf(_world.OtherSchool.Id));
    }

    [Fact]
    public void A_school_of_an_unknown_department_is_refused_naming_the_reference()
    {
        var orphan = new School(SchoolId.New(), DepartmentId.New(), Uai.Parse(TestWorld.UaiFor(931_0000)), "Orphelin");

        var error = Assert.Throws<UnknownReferenceException>(() => _world.Directory.Add(orphan));

        Assert.Equal("department", error.Kind);
        Assert.Null(_world.Directory.FindSchool(orphan.Id));
    }

    [Fact]
    public void A_duplicate_identifier_is_refused_and_the_stored_record_is_unchanged()
    {
        var renamed = _world.Class5B with { Name = "5e Z" };

        Assert.Throws<ArgumentException>(() => _world.Directory.Add(renamed));

        Assert.Equal("5e B", _world.Directory.FindClass(_world.Class5B.Id)!.Name);
    }

    [Fact]
    public void A_second_school_with_the_same_uai_is_refused()
    {
        var twin = new School(SchoolId.New(), _world.Department.Id, _world.School.Uai, "Jumeau");

        var error = Assert.Throws<ArgumentException>(() => _world.Directory.Add(twin));

        Assert.Contains(_world.School.Uai.Value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_in_another_department_than_the_persons_is_refused()
    {
        var assignment = new RoleAssignment(_world.Teacher.Id, Role.Teacher, AccessScope.OfDepartment(_world.OtherDepartment.Id), new DateRange(new(2026, 9, 1)));

        Assert.Throws<ArgumentException>(() => _world.Directory.Add(assignment));
        Assert.DoesNotContain(_world.Directory.RolesOf(_world.Teacher.Id), r => r.Scope.Department == _world.OtherDepartment.Id);
    }

    [Fact]
    public void A_role_scope_naming_a_class_of_another_school_is_refused()
    {
        var scope = new AccessScope(_world.Department.Id, _world.OtherSchool.Id, _world.Class5B.Id);

        Assert.Throws<ArgumentException>(() => _world.Directory.Add(new RoleAssignment(_world.Teacher.Id, Role.Teacher, scope, new DateRange(new(2026, 9, 1)))));
    }

    [Fact]
    public void An_enrolment_naming_another_school_than_its_classs_is_refused_naming_both_and_nothing_is_stored()
    {
        var enrolment = Enrolment.Restore(EnrolmentId.New(), _world.LearnerOf4A.Id, _world.OtherSchool.Id, _world.Class5B.Id, null, new DateRange(new(2026, 9, 1)));

        var error = Assert.Throws<ArgumentException>(() => _world.Directory.Add(enrolment));

        Assert.Contains(_world.OtherSchool.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(_world.School.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("5e B", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolment, _world.Directory.EnrolmentsIn(_world.Class5B.Id));
        Assert.DoesNotContain(enrolment, _world.Directory.EnrolmentsOf(_world.LearnerOf4A.Id));
    }

    [Fact]
    public void An_enrolment_naming_another_school_than_its_groups_is_refused()
    {
        var enrolment = Enrolment.Restore(EnrolmentId.New(), _world.LearnerOf4A.Id, _world.OtherSchool.Id, null, _world.LatinGroup.Id, new DateRange(new(2026, 9, 1)));

        Assert.Throws<ArgumentException>(() => _world.Directory.Add(enrolment));
        Assert.DoesNotContain(enrolment, _world.Directory.EnrolmentsIn(_world.LatinGroup.Id));
    }

    [Fact]
    public void Guardianship_across_departments_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _world.Directory.Add(new Guardianship(_world.OtherDepartmentAdmin.Id, _world.Learner.Id)));
        Assert.False(_world.Directory.IsGuardianOf(_world.OtherDepartmentAdmin.Id, _world.Learner.Id));
    }

    [Fact]
    public void Lists_the_schools_of_one_department_only()
    {
        Assert.Equal(["Collège Jean Jaurès", "Collège Louise Michel"], _world.Directory.SchoolsOf(_world.Department.Id).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Empty(_world.Directory.SchoolsOf(_world.OtherDepartment.Id));
    }

    [Fact]
    public void Lists_the_classes_of_one_school_only()
    {
        Assert.Equal(["4e A", "5e B"], _world.Directory.ClassesOf(_world.School.Id).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Empty(_world.Directory.ClassesOf(_world.OtherSchool.Id));
    }
}
