using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>
/// Additions to one department's directory taken as one (the year's export from the school information system, a
/// generated department): <see cref="IOrganisationDirectory.Import"/> adds them all or none, in the order of the
/// properties (schools, classes, groups, people, roles, guardianships, enrolments), so that each may name those before it.
/// </summary>
/// <param name="Department">The department everything belongs to; it must be in the directory already.</param>
public sealed record DirectoryImport(DepartmentId Department)
{
    /// <summary>Schools of the department.</summary>
    public IReadOnlyList<School> Schools { get; init; } = [];

    /// <summary>Classes of the department's schools.</summary>
    public IReadOnlyList<SchoolClass> Classes { get; init; } = [];

    /// <summary>Teaching groups of the department's schools.</summary>
    public IReadOnlyList<TeachingGroup> Groups { get; init; } = [];

    /// <summary>People of the department.</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    /// <summary>Role assignments in the department; one already held changes nothing.</summary>
    public IReadOnlyList<RoleAssignment> Roles { get; init; } = [];

    /// <summary>Guardianships between people of the department; one already recorded changes nothing.</summary>
    public IReadOnlyList<Guardianship> Guardianships { get; init; } = [];

    /// <summary>Enrolments of the department's learners.</summary>
    public IReadOnlyList<Enrolment> Enrolments { get; init; } = [];

    /// <summary>How many additions the import holds.</summary>
    public int Count => Schools.Count + Classes.Count + Groups.Count + People.Count + Roles.Count + Guardianships.Count + Enrolments.Count;
}

/// <summary>What an import changed.</summary>
/// <param name="Added">Additions applied.</param>
/// <param name="Unchanged">Role assignments and guardianships that were already there, which changed nothing.</param>
public sealed record DirectoryImportResult(int Added, int Unchanged);
