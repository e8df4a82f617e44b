using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>
/// The department's directory: organisation units, people, roles, guardianships and enrolments.
/// This is trusted infrastructure, used by importers, by seeding and by Ent's own services: it does
/// not check rights. Application code and plugins go through <see cref="IRoster"/>, which does.
/// </summary>
public interface IOrganisationDirectory
{
    /// <summary>Adds a department.</summary>
    /// <param name="department">The department.</param>
    void Add(Department department);

    /// <summary>Adds a school to an existing department.</summary>
    /// <param name="school">The school.</param>
    void Add(School school);

    /// <summary>Adds a class to an existing school.</summary>
    /// <param name="class">The class.</param>
    void Add(SchoolClass @class);

    /// <summary>Adds a group to an existing school.</summary>
    /// <param name="group">The group.</param>
    void Add(TeachingGroup group);

    /// <summary>Adds a person to an existing department.</summary>
    /// <param name="person">The person.</param>
    void Add(Person person);

    /// <summary>Adds a role assignment for an existing person, in the person's department.</summary>
    /// <param name="assignment">The assignment.</param>
    void Add(RoleAssignment assignment);

    /// <summary>Records that a person is a learner's legal guardian; both in the same department.</summary>
    /// <param name="guardianship">The relation.</param>
    void Add(Guardianship guardianship);

    /// <summary>Adds an enrolment of an existing learner in an existing class or group.</summary>
    /// <param name="enrolment">The enrolment.</param>
    void Add(Enrolment enrolment);

    /// <summary>
    /// Adds a batch to one department, all or nothing: each addition is checked as by the <c>Add</c> methods (and must
    /// belong to the batch's department); if one is refused, nothing of the batch is added, and a durable directory
    /// writes the batch in one transaction.
    /// </summary>
    /// <param name="import">The additions.</param>
    /// <returns>How many additions were applied and how many changed nothing.</returns>
    /// <exception cref="ArgumentException">An addition was refused; the message names its kind, position and content, and why. Nothing was added.</exception>
    /// <exception cref="UnknownReferenceException">The batch's department is not in the directory.</exception>
    DirectoryImportResult Import(DirectoryImport import);

    /// <summary>Finds a department.</summary>
    /// <param name="id">Its identifier.</param>
    Department? FindDepartment(DepartmentId id);

    /// <summary>Finds a school.</summary>
    /// <param name="id">Its identifier.</param>
    School? FindSchool(SchoolId id);

    /// <summary>Finds a school by its UAI (unique nationally), as views and imports name schools.</summary>
    /// <param name="uai">Its UAI.</param>
    School? FindSchool(Uai uai);

    /// <summary>Finds a class.</summary>
    /// <param name="id">Its identifier.</param>
    SchoolClass? FindClass(ClassId id);

    /// <summary>Finds a group.</summary>
    /// <param name="id">Its identifier.</param>
    TeachingGroup? FindGroup(GroupId id);

    /// <summary>Finds a person.</summary>
    /// <param name="id">Its identifier.</param>
    Person? FindPerson(PersonId id);

    /// <summary>Finds a person of a department by their identifier at the department's identity provider.</summary>
    /// <param name="department">The department.</param>
    /// <param name="externalId">The identity provider's subject, compared exactly.</param>
    Person? FindPersonByExternalId(DepartmentId department, string externalId);

    /// <summary>The schools of a department.</summary>
    /// <param name="department">The department.</param>
    IReadOnlyList<School> SchoolsOf(DepartmentId department);

    /// <summary>Every department in the directory (a host's recurring work goes over their schools).</summary>
    IReadOnlyList<Department> Departments();

    /// <summary>The classes of a school, whatever their year.</summary>
    /// <param name="school">The school.</param>
    IReadOnlyList<SchoolClass> ClassesOf(SchoolId school);

    /// <summary>The teaching groups of a school (options, language groups, half-classes), whatever their year.</summary>
    /// <param name="school">The school.</param>
    IReadOnlyList<TeachingGroup> GroupsOf(SchoolId school);

    /// <summary>The role assignments of a person, whatever their dates.</summary>
    /// <param name="person">The person.</param>
    IReadOnlyList<RoleAssignment> RolesOf(PersonId person);

    /// <summary>The role assignments held in a school (in it, its classes, groups or courses), whatever their dates, in the order they were added.</summary>
    /// <param name="school">The school.</param>
    IReadOnlyList<RoleAssignment> RolesIn(SchoolId school);

    /// <summary>Whether a person is a learner's legal guardian.</summary>
    /// <param name="guardian">The presumed guardian.</param>
    /// <param name="learner">The learner.</param>
    bool IsGuardianOf(PersonId guardian, PersonId learner);

    /// <summary>The learners whose legal guardian a person is, ordered by id.</summary>
    /// <param name="guardian">The guardian.</param>
    IReadOnlyList<PersonId> ChildrenOf(PersonId guardian);

    /// <summary>A learner's legal guardians, ordered by id: whom a school tells of the learner's absences.</summary>
    /// <param name="learner">The learner.</param>
    IReadOnlyList<PersonId> GuardiansOf(PersonId learner);

    /// <summary>The enrolments of a learner, whatever their dates.</summary>
    /// <param name="learner">The learner.</param>
    IReadOnlyList<Enrolment> EnrolmentsOf(PersonId learner);

    /// <summary>The enrolments in a class, whatever their dates.</summary>
    /// <param name="class">The class.</param>
    IReadOnlyList<Enrolment> EnrolmentsIn(ClassId @class);

    /// <summary>The enrolments in a group, whatever their dates.</summary>
    /// <param name="group">The group.</param>
    IReadOnlyList<Enrolment> EnrolmentsIn(GroupId group);
}
