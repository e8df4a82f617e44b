using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>
/// A thread-safe directory held in memory. It enforces referential integrity and tenancy (a school,
/// person or role always belongs to an existing department, never across two), and refuses a
/// duplicate identifier without changing what it holds; adding an identical role assignment or
/// guardianship again changes nothing. With an <see cref="IDirectoryJournal"/>, each accepted addition is
/// written there before it is applied, which is how storage engines make the directory durable.
/// </summary>
/// <param name="journal">Where accepted additions are written first, if anywhere.</param>
public sealed class InMemoryOrganisationDirectory(IDirectoryJournal? journal = null) : IOrganisationDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DepartmentId, Department> _departments = [];
    private readonly Dictionary<SchoolId, School> _schools = [];
    private readonly Dictionary<Uai, School> _schoolsByUai = [];
    private readonly Dictionary<ClassId, SchoolClass> _classes = [];
    private readonly Dictionary<GroupId, TeachingGroup> _groups = [];
    private readonly Dictionary<PersonId, Person> _people = [];
    private readonly Dictionary<PersonId, List<RoleAssignment>> _roles = [];
    private readonly Dictionary<SchoolId, List<RoleAssignment>> _rolesBySchool = [];
    private readonly HashSet<Guardianship> _guardianships = [];
    private readonly Dictionary<(DepartmentId, string), PersonId> _byExternalId = [];
    private readonly Dictionary<PersonId, List<Enrolment>> _enrolmentsByLearner = [];
    private readonly Dictionary<Guid, List<Enrolment>> _enrolmentsByCohort = [];

    /// <inheritdoc />
    public void Add(Department department)
    {
        ArgumentNullException.ThrowIfNull(department);
        lock (_gate)
        {
            CheckUnique(_departments, department.Id, "department");
            journal?.Added(department);
            _departments.Add(department.Id, department);
        }
    }

    /// <inheritdoc />
    public void Add(School school)
    {
        ArgumentNullException.ThrowIfNull(school);
        lock (_gate)
        {
            Require(_departments, school.Department, "department");
            if (_schoolsByUai.ContainsKey(school.Uai))
            {
                throw new ArgumentException($"A school with UAI {school.Uai} is already in the directory.", nameof(school));
            }

            CheckUnique(_schools, school.Id, "school");
            journal?.Added(school);
            _schools.Add(school.Id, school);
            _schoolsByUai.Add(school.Uai, school);
        }
    }

    /// <inheritdoc />
    public void Add(SchoolClass @class)
    {
        ArgumentNullException.ThrowIfNull(@class);
        lock (_gate)
        {
            var school = Require(_schools, @class.School, "school");
            CheckUnique(_classes, @class.Id, "class");
            journal?.Added(school.Department, @class);
            _classes.Add(@class.Id, @class);
        }
    }

    /// <inheritdoc />
    public void Add(TeachingGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_gate)
        {
            var school = Require(_schools, group.School, "school");
            CheckUnique(_groups, group.Id, "group");
            journal?.Added(school.Department, group);
            _groups.Add(group.Id, group);
        }
    }

    /// <inheritdoc />
    public void Add(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        lock (_gate)
        {
            Require(_departments, person.Department, "department");
            CheckUnique(_people, person.Id, "person");
            if (person.ExternalId is { } external && _byExternalId.TryGetValue((person.Department, external), out var holder))
            {
                throw new ArgumentException($"The external id '{external}' is person {holder.Value}'s already in department {person.Department.Value}; person {person.Id.Value} cannot have it too.", nameof(person));
            }

            journal?.Added(person);
            _people.Add(person.Id, person);
            if (person.ExternalId is { } id)
            {
                _byExternalId.Add((person.Department, id), person.Id);
            }
        }
    }

    /// <inheritdoc />
    public void Add(RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lock (_gate)
        {
            var person = Require(_people, assignment.Person, "person");
            if (person.Department != assignment.Scope.Department)
            {
                throw new ArgumentException($"Person {person.Id.Value} belongs to department {person.Department.Value} and cannot hold a role in {assignment.Scope}.", nameof(assignment));
            }

            RequireScope(assignment.Scope);
            var roles = List(_roles, assignment.Person);
            if (!roles.Contains(assignment))
            {
                journal?.Added(assignment);
                roles.Add(assignment);
                if (assignment.Scope.School is { } school)
                {
                    List(_rolesBySchool, school).Add(assignment);
                }
            }
        }
    }

    /// <inheritdoc />
    public void Add(Guardianship guardianship)
    {
        ArgumentNullException.ThrowIfNull(guardianship);
        lock (_gate)
        {
            var guardian = Require(_people, guardianship.Guardian, "person");
            var learner = Require(_people, guardianship.Learner, "person");
            if (guardian.Department != learner.Department)
            {
                throw new ArgumentException($"Guardian {guardian.Id.Value} and learner {learner.Id.Value} belong to different departments.", nameof(guardianship));
            }

            if (!_guardianships.Contains(guardianship))
            {
                journal?.Added(guardian.Department, guardianship);
                _guardianships.Add(guardianship);
            }
        }
    }

    /// <inheritdoc />
    public void Add(Enrolment enrolment)
    {
        static void RequireSameSchool(Enrolment enrolment, SchoolId cohortSchool, string cohort)
        {
            if (cohortSchool != enrolment.School)
            {
                throw new ArgumentException(
                    $"Enrolment {enrolment.Id.Value} names school {enrolment.School.Value}, but {cohort} belongs to school {cohortSchool.Value}.", nameof(enrolment));
            }
        }

        ArgumentNullException.ThrowIfNull(enrolment);
        lock (_gate)
        {
            var learner = Require(_people, enrolment.Learner, "person");
            var school = Require(_schools, enrolment.School, "school");
            if (learner.Department != school.Department)
            {
                throw new ArgumentException($"Learner {learner.Id.Value} belongs to another department than school {school.Uai}.", nameof(enrolment));
            }

            Guid cohort;
            if (enrolment.Class is { } classId)
            {
                var @class = Require(_classes, classId, "class");
                RequireSameSchool(enrolment, @class.School, $"class {@class.Name}");
                cohort = classId.Value;
            }
            else
            {
                var groupId = enrolment.Group!.Value;
                var group = Require(_groups, groupId, "group");
                RequireSameSchool(enrolment, group.School, $"group {group.Name}");
                cohort = groupId.Value;
            }

            var enrolments = List(_enrolmentsByLearner, enrolment.Learner);
            if (enrolments.Any(e => e.Id == enrolment.Id))
            {
                throw new ArgumentException($"An enrolment with id {enrolment.Id.Value} is already in the directory.", nameof(enrolment));
            }

            journal?.Added(learner.Department, enrolment);
            enrolments.Add(enrolment);
            List(_enrolmentsByCohort, cohort).Add(enrolment);
        }
    }

    /// <inheritdoc />
    public Department? FindDepartment(DepartmentId id) => Find(_departments, id);

    /// <inheritdoc />
    public School? FindSchool(SchoolId id) => Find(_schools, id);

    /// <inheritdoc />
    public School? FindSchool(Uai uai) => Find(_schoolsByUai, uai);

    /// <inheritdoc />
    public SchoolClass? FindClass(ClassId id) => Find(_classes, id);

    /// <inheritdoc />
    public TeachingGroup? FindGroup(GroupId id) => Find(_groups, id);

    /// <inheritdoc />
    public Person? FindPerson(PersonId id) => Find(_people, id);

    /// <inheritdoc />
    public IReadOnlyList<School> SchoolsOf(DepartmentId department)
    {
        lock (_gate)
        {
            return _schools.Values.Where(s => s.Department == department).ToArray();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SchoolClass> ClassesOf(SchoolId school)
    {
        lock (_gate)
        {
            return _classes.Values.Where(c => c.School == school).ToArray();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<RoleAssignment> RolesOf(PersonId person) => Snapshot(_roles, person);

    /// <inheritdoc />
    public IReadOnlyList<RoleAssignment> RolesIn(SchoolId school) => Snapshot(_rolesBySchool, school);

    /// <inheritdoc />
    public bool IsGuardianOf(PersonId guardian, PersonId learner)
    {
        lock (_gate)
        {
            return _guardianships.Contains(new Guardianship(guardian, learner));
        }
    }

    /// <inheritdoc />
    public Person? FindPersonByExternalId(DepartmentId department, string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        lock (_gate)
        {
            return _byExternalId.TryGetValue((department, externalId), out var id) ? _people[id] : null;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonId> ChildrenOf(PersonId guardian)
    {
        lock (_gate)
        {
            return [.. _guardianships.Where(g => g.Guardian == guardian).Select(g => g.Learner).OrderBy(l => l.Value)];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Enrolment> EnrolmentsOf(PersonId learner) => Snapshot(_enrolmentsByLearner, learner);

    /// <inheritdoc />
    public IReadOnlyList<Enrolment> EnrolmentsIn(ClassId @class) => Snapshot(_enrolmentsByCohort, @class.Value);

    /// <inheritdoc />
    public IReadOnlyList<Enrolment> EnrolmentsIn(GroupId group) => Snapshot(_enrolmentsByCohort, group.Value);

    private void RequireScope(AccessScope scope)
    {
        Require(_departments, scope.Department, "department");
        if (scope.School is { } school && Require(_schools, school, "school").Department != scope.Department)
        {
            throw new ArgumentException($"School {school.Value} is not in department {scope.Department.Value}.", nameof(scope));
        }

        if (scope.Class is { } @class && Require(_classes, @class, "class").School != scope.School)
        {
            throw new ArgumentException($"Class {@class.Value} is not in school {scope.School?.Value}.", nameof(scope));
        }

        if (scope.Group is { } group && Require(_groups, group, "group").School != scope.School)
        {
            throw new ArgumentException($"Group {group.Value} is not in school {scope.School?.Value}.", nameof(scope));
        }
    }

    private TValue? Find<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
        where TValue : class
    {
        lock (_gate)
        {
            return map.GetValueOrDefault(key);
        }
    }

    private IReadOnlyList<TValue> Snapshot<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key)
        where TKey : notnull
    {
        lock (_gate)
        {
            return map.TryGetValue(key, out var list) ? list.ToArray() : [];
        }
    }

    private static List<TValue> List<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    private static TValue Require<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, string kind)
        where TKey : notnull =>
        map.TryGetValue(key, out var value) ? value : throw new UnknownReferenceException(kind, key);

    private static void CheckUnique<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, string kind)
        where TKey : notnull
    {
        if (map.ContainsKey(key))
        {
            throw new ArgumentException($"A {kind} with id {key} is already in the directory.", nameof(key));
        }
    }
}
