using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Core.Tests.Organisation;

public sealed class OrganisationUnitTests
{
    [Fact]
    public void A_person_is_displayed_as_french_school_documents_print_names()
    {
        Assert.Equal("Lina BENALI", new Person(PersonId.New(), DepartmentId.New(), "Lina", "Benali").DisplayName);
    }

    [Fact]
    public void A_blank_name_is_refused_naming_what_is_blank()
    {
        var error = Assert.Throws<ArgumentException>(() => new SchoolClass(ClassId.New(), SchoolId.New(), AcademicYearId.New(), " "));

        Assert.Contains("class name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifiers_of_different_kinds_never_compare_equal_even_with_the_same_value()
    {
        var value = Guid.NewGuid();

        Assert.NotEqual<object>(new SchoolId(value), new ClassId(value));
    }

    [Theory]
    [InlineData(201, true)]
    [InlineData(200, false)]
    public void A_name_longer_than_the_directory_keeps_is_refused_naming_its_length(int length, bool refused)
    {
        var name = new string('é', length);

        var error = Record.Exception(() => new Person(PersonId.New(), DepartmentId.New(), name, "Martin"));

        Assert.Equal(refused, error is ArgumentException);
        if (refused)
        {
            Assert.Contains($"{length} characters; at most {OrganisationLimits.MaxNameLength}", error!.Message, StringComparison.Ordinal);
        }
    }
}
