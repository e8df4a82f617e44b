using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Tests.Access;

public sealed class AccessScopeTests
{
    private static readonly DepartmentId Department = DepartmentId.New();
    private static readonly SchoolId School = SchoolId.New();
    private static readonly ClassId Class = ClassId.New();

    [Fact]
    public void A_school_scope_contains_its_classes_and_their_courses()
    {
        var school = AccessScope.OfSchool(Department, School);

        Assert.True(school.Contains(AccessScope.OfClass(Department, School, Class)));
        Assert.True(school.Contains(AccessScope.OfClass(Department, School, Class).WithCourse(CourseId.New())));
    }

    [Fact]
    public void A_class_scope_does_not_contain_another_class_nor_its_school()
    {
        var @class = AccessScope.OfClass(Department, School, Class);

        Assert.False(@class.Contains(AccessScope.OfClass(Department, School, ClassId.New())));
        Assert.False(@class.Contains(AccessScope.OfSchool(Department, School)));
    }

    [Fact]
    public void A_department_scope_contains_nothing_of_another_department()
    {
        Assert.False(AccessScope.OfDepartment(Department).Contains(AccessScope.OfSchool(DepartmentId.New(), School)));
    }
}
