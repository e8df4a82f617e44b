using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>
/// A thread-safe directory held in memory. It enforces referential integrity and tenancy (a school,
/// person or role always belongs to an existing department, never across two), and refuses a
/// duplicate identifier without changing what it holds; adding an identical role assignment or
/// guardianship again changes nothing. An <see cref="Import"/> adds a batch all or nothing. With an <see cref="IDirectoryJournal"/>, each accepted addition is
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
    private readonly Dictionary<SchoolId, List<SchoolClass>> _classesBySchool = [];
    private readonly Dictionary<SchoolId, List<TeachingGroup>> _groupsBySchool = [];
    private readonly Dictionary<GroupId, TeachingGroup> _groups = [];
    private readonly Dictionary<PersonId, Person> _people = [];
    private readonly Dictionary<PersonId, List<RoleAssignment>> _roles = [];
    private readonly Dictionary<SchoolId, List<RoleAssignment>> _rolesBySchool = [];
    private readonly HashSet<Guardianship> _guardianships = [];
    private readonly Dictionary<PersonId, List<PersonId>> _childrenByGuardian = [];
    private readonly Dictionary<PersonId, List<PersonId>> _guardiansByLearner = [];
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
            AddSchool(school, null);
        }
    }

    /// <inheritdoc />
    public void Add(SchoolClass @class)
    {
        ArgumentNullException.ThrowIfNull(@class);
        lock (_gate)
        {
            AddClass(@class, null);
        }
    }

    /// <inheritdoc />
    public void Add(TeachingGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_gate)
        {
            AddGroup(group, null);
        }
    }

    /// <inheritdoc />
    public void Add(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        lock (_gate)
        {
            AddPerson(person, null);
        }
    }

    /// <inheritdoc />
    public void Add(RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lock (_gate)
        {
            AddRole(assignment, null);
        }
    }

    /// <inheritdoc />
    public void Add(Guardianship guardianship)
    {
        ArgumentNullException.ThrowIfNull(guardianship);
        lock (_gate)
        {
            AddGuardianship(guardianship, null);
        }
    }

    /// <inheritdoc />
    public void Add(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        lock (_gate)
        {
            AddEnrolment(enrolment, null);
        }
    }

    /// <inheritdoc />
    public DirectoryImportResult Import(DirectoryImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        lock (_gate)
        {
            Require(_departments, import.Department, "department");
            var undo = new List<Action>();
            var added = 0;
            void Each<T>(IReadOnlyList<T> items, string kind, Func<T, DepartmentId?> departmentOf, Func<T, List<Action>, bool> add)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i] ?? throw new ArgumentException($"The import's {kind} {i + 1} is missing (null). Nothing was imported.", nameof(import));
                    try
                    {
                        if (departmentOf(item) is { } department && department != import.Department)
                        {
                            throw new ArgumentException($"It belongs to department {department.Value}, not {import.Department.Value}.", nameof(import));
                        }

                        added += add(item, undo) ? 1 : 0;
                    }
                    catch (Exception exception) when (exception is ArgumentException or UnknownReferenceException)
                    {
                        throw new ArgumentException($"The import's {kind} {i + 1} ({item}) was refused: {exception.Message} Nothing was imported.", nameof(import), exception);
                    }
                }
            }

            void Apply()
            {
                Each(import.Schools, "school", s => s.Department, (s, u) => AddSchool(s, u));
                Each(import.Classes, "class", c => _schools.GetValueOrDefault(c.School)?.Department, (c, u) => AddClass(c, u));
                Each(import.Groups, "group", g => _schools.GetValueOrDefault(g.School)?.Department, (g, u) => AddGroup(g, u));
                Each(import.People, "person", p => p.Department, (p, u) => AddPerson(p, u));
                Each(import.Roles, "role assignment", r => r.Scope.Department, (r, u) => AddRole(r, u));
                Each(import.Guardianships, "guardianship", g => _people.GetValueOrDefault(g.Guardian)?.Department, (g, u) => AddGuardianship(g, u));
                Each(import.Enrolments, "enrolment", e => _people.GetValueOrDefault(e.Learner)?.Department, (e, u) => AddEnrolment(e, u));
            }

            try
            {
                if (journal is null)
                {
                    Apply();
                }
                else
                {
                    journal.Batch(import.Department, Apply);
                }
            }
            catch
            {
                // All or nothing: what the batch applied before the refusal (or before the journal failed) is taken back.
                for (var i = undo.Count - 1; i >= 0; i--)
                {
                    undo[i]();
                }

                throw;
            }

            return new DirectoryImportResult(added, import.Count - added);
        }
    }

    private bool AddSchool(School school, List<Action>? undo)
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
        undo?.Add(() =>
        {
            _schools.Remove(school.Id);
            _schoolsByUai.Remove(school.Uai);
        });
        return true;
    }

    private bool AddClass(SchoolClass @class, List<Action>? undo)
    {
        var school = Require(_schools, @class.School, "school");
        CheckUnique(_classes, @class.Id, "class");
        journal?.Added(school.Department, @class);
        _classes.Add(@class.Id, @class);
        List(_classesBySchool, @class.School).Add(@class);
        undo?.Add(() =>
        {
            _classes.Remove(@class.Id);
            _classesBySchool[@class.School].Remove(@class);
        });
        return true;
    }

    private bool AddGroup(TeachingGroup group, List<Action>? undo)
    {
        var school = Require(_schools, group.School, "school");
        CheckUnique(_groups, group.Id, "group");
        journal?.Added(school.Department, group);
        _groups.Add(group.Id, group);
        List(_groupsBySchool, group.School).Add(group);
        undo?.Add(() =>
        {
            _groups.Remove(group.Id);
            _groupsBySchool[group.School].Remove(group);
        });
        return true;
    }

    private bool AddPerson(Person person, List<Action>? undo)
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

        undo?.Add(() =>
        {
            _people.Remove(person.Id);
            if (person.ExternalId is { } held)
            {
                _byExternalId.Remove((person.Department, held));
            }
        });
        return true;
    }

    private bool AddRole(RoleAssignment assignment, List<Action>? undo)
    {
        var person = Require(_people, assignment.Person, "person");
        if (person.Department != assignment.Scope.Department)
        {
            throw new ArgumentException($"Person {person.Id.Value} belongs to department {person.Department.Value} and cannot hold a role in {assignment.Scope}.", nameof(assignment));
        }

        RequireScope(assignment.Scope);
        var roles = List(_roles, assignment.Person);
        if (roles.Contains(assignment))
        {
            return false;
        }

        journal?.Added(assignment);
        roles.Add(assignment);
        if (assignment.Scope.School is { } school)
        {
            List(_rolesBySchool, school).Add(assignment);
        }

        undo?.Add(() =>
        {
            roles.Remove(assignment);
            if (assignment.Scope.School is { } held)
            {
                _rolesBySchool[held].Remove(assignment);
            }
        });
        return true;
    }

    private bool AddGuardianship(Guardianship guardianship, List<Action>? undo)
    {
        var guardian = Require(_people, guardianship.Guardian, "person");
        var learner = Require(_people, guardianship.Learner, "person");
        if (guardian.Department != learner.Department)
        {
            throw new ArgumentException($"Guardian {guardian.Id.Value} and learner {learner.Id.Value} belong to different departments.", nameof(guardianship));
        }

        if (_guardianships.Contains(guardianship))
        {
            return false;
        }

        journal?.Added(guardian.Department, guardianship);
        _guardianships.Add(guardianship);
        var children = List(_childrenByGuardian, guardianship.Guardian);
        children.Add(guardianship.Learner);
        var guardians = List(_guardiansByLearner, guardianship.Learner);
        guardians.Add(guardianship.Guardian);
        undo?.Add(() =>
        {
            _guardianships.Remove(guardianship);
            children.Remove(guardianship.Learner);
            guardians.Remove(guardianship.Guardian);
        });
        return true;
    }

    private bool AddEnrolment(Enrolment enrolment, List<Action>? undo)
    {
        static void RequireSameSchool(Enrolment enrolment, SchoolId cohortSchool, string cohort)
        {
            if (cohortSchool != enrolment.School)
            {
                throw new ArgumentException(
                    $"Enrolment {enrolment.Id.Value} names school {enrolment.School.Value}, but {cohort} belongs to school {cohortSchool.Value}.", nameof(enrolment));
            }
        }

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
        var inCohort = List(_enrolmentsByCohort, cohort);
        inCohort.Add(enrolment);
        undo?.Add(() =>
        {
            enrolments.Remove(enrolment);
            inCohort.Remove(enrolment);
        });
        return true;
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
    public IReadOnlyList<Department> Departments()
    {
        lock (_gate)
        {
            return [.. _departments.Values];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<School> SchoolsOf(DepartmentId department)
    {
        lock (_gate)
        {
            return _schools.Values.Where(s => s.Department == department).ToArray();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SchoolClass> ClassesOf(SchoolId school) => Snapshot(_classesBySchool, school);

    /// <inheritdoc />
    public IReadOnlyList<TeachingGroup> GroupsOf(SchoolId school) => Snapshot(_groupsBySchool, school);

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
            return _childrenByGuardian.TryGetValue(guardian, out var children) ? [.. children.OrderBy(l => l.Value)] : [];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonId> GuardiansOf(PersonId learner)
    {
        lock (_gate)
        {
            return _guardiansByLearner.TryGetValue(learner, out var guardians) ? [.. guardians.OrderBy(g => g.Value)] : [];
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
