using System.Security.Cryptography;
using System.Text;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// The directory in the host's storage engine (<see cref="CoreSchemas.Directory"/>). It is read from memory
/// (access checks read roles on every call) and loaded in full when the host starts; each addition is
/// checked, then written to the store, then applied, so that what is in memory is always on disk.
/// Additions wait for the write (on PostgreSQL they block a thread for one round trip): the directory is
/// written by importers and administrators, read by everyone.
/// </summary>
internal sealed class StoredOrganisationDirectory : IOrganisationDirectory
{
    private readonly IRecordStore _store;
    private readonly Journal _journal;
    private InMemoryOrganisationDirectory _memory;

    /// <summary>Creates the directory; call <see cref="LoadAsync"/> once the store is migrated.</summary>
    /// <param name="stores">The record stores.</param>
    public StoredOrganisationDirectory(IRecordStores stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        _store = stores.For(CoreSchemas.Directory);
        _journal = new Journal(_store);
        _memory = new InMemoryOrganisationDirectory(_journal);
    }

    private static TableDefinition Table(string name) => CoreSchemas.Directory.Table(name);

    /// <summary>Loads the stored directory, every department, into memory. Called by the host at start.</summary>
    /// <param name="cancellationToken">Cancels the loading.</param>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var scanner = (IRecordScanner)_store;
        var loaded = new InMemoryOrganisationDirectory(_journal);
        _journal.Paused = true; // what is read back is already stored
        async Task Each(string table, Action<DepartmentId, Record> add)
        {
            foreach (var (department, record) in await scanner.ScanAsync(Table(table), cancellationToken).ConfigureAwait(false))
            {
                add(department, record);
            }
        }

        try
        {
            await Each("departments", (_, r) => loaded.Add(new Department(new DepartmentId(r.GetId("id")), r.GetText("code"), r.GetText("name")))).ConfigureAwait(false);
            await Each("schools", (d, r) => loaded.Add(new School(new SchoolId(r.GetId("id")), d, Uai.Parse(r.GetText("uai")), r.GetText("name")) { Address = r.Get<string?>("address") })).ConfigureAwait(false);
            await Each("classes", (_, r) => loaded.Add(new SchoolClass(new ClassId(r.GetId("id")), new SchoolId(r.GetId("school")), new AcademicYearId(r.GetId("year")), r.GetText("name")))).ConfigureAwait(false);
            await Each("groups", (_, r) => loaded.Add(new TeachingGroup(new GroupId(r.GetId("id")), new SchoolId(r.GetId("school")), new AcademicYearId(r.GetId("year")), r.GetText("name")))).ConfigureAwait(false);
            await Each("people", (d, r) => loaded.Add(new Person(new PersonId(r.GetId("id")), d, r.GetText("given_name"), r.GetText("family_name")) { ExternalId = r.Get<string?>("external_id") })).ConfigureAwait(false);
            await Each("roles", (d, r) => loaded.Add(new RoleAssignment(new PersonId(r.GetId("person")), (Role)r.GetInteger("role"),
                new AccessScope(d, Optional(r, "school", g => new SchoolId(g)), Optional(r, "class", g => new ClassId(g)), Optional(r, "group_id", g => new GroupId(g)), Optional(r, "course", g => new CourseId(g))),
                Validity(r)))).ConfigureAwait(false);
            await Each("guardianships", (_, r) => loaded.Add(new Guardianship(new PersonId(r.GetId("guardian")), new PersonId(r.GetId("learner"))))).ConfigureAwait(false);
            await Each("enrolments", (_, r) => loaded.Add(Enrolment.Restore(new EnrolmentId(r.GetId("id")), new PersonId(r.GetId("learner")), new SchoolId(r.GetId("school")),
                Optional(r, "class", g => new ClassId(g)), Optional(r, "group_id", g => new GroupId(g)), Validity(r)))).ConfigureAwait(false);
        }
        finally
        {
            _journal.Paused = false;
        }

        _memory = loaded;
    }

    /// <inheritdoc />
    public void Add(Department department) => _memory.Add(department);

    /// <inheritdoc />
    public void Add(School school) => _memory.Add(school);

    /// <inheritdoc />
    public void Add(SchoolClass @class) => _memory.Add(@class);

    /// <inheritdoc />
    public void Add(TeachingGroup group) => _memory.Add(group);

    /// <inheritdoc />
    public void Add(Person person) => _memory.Add(person);

    /// <inheritdoc />
    public void Add(RoleAssignment assignment) => _memory.Add(assignment);

    /// <inheritdoc />
    public void Add(Guardianship guardianship) => _memory.Add(guardianship);

    /// <inheritdoc />
    public void Add(Enrolment enrolment) => _memory.Add(enrolment);

    /// <inheritdoc />
    public DirectoryImportResult Import(DirectoryImport import) => _memory.Import(import);

    /// <inheritdoc />
    public Department? FindDepartment(DepartmentId id) => _memory.FindDepartment(id);

    /// <inheritdoc />
    public School? FindSchool(SchoolId id) => _memory.FindSchool(id);

    /// <inheritdoc />
    public School? FindSchool(Uai uai) => _memory.FindSchool(uai);

    /// <inheritdoc />
    public SchoolClass? FindClass(ClassId id) => _memory.FindClass(id);

    /// <inheritdoc />
    public TeachingGroup? FindGroup(GroupId id) => _memory.FindGroup(id);

    /// <inheritdoc />
    public Person? FindPerson(PersonId id) => _memory.FindPerson(id);

    /// <inheritdoc />
    public IReadOnlyList<School> SchoolsOf(DepartmentId department) => _memory.SchoolsOf(department);

    /// <inheritdoc />
    public IReadOnlyList<Department> Departments() => _memory.Departments();

    /// <inheritdoc />
    public IReadOnlyList<SchoolClass> ClassesOf(SchoolId school) => _memory.ClassesOf(school);

    /// <inheritdoc />
    public IReadOnlyList<TeachingGroup> GroupsOf(SchoolId school) => _memory.GroupsOf(school);

    /// <inheritdoc />
    public IReadOnlyList<RoleAssignment> RolesOf(PersonId person) => _memory.RolesOf(person);

    /// <inheritdoc />
    public bool IsGuardianOf(PersonId guardian, PersonId learner) => _memory.IsGuardianOf(guardian, learner);

    /// <inheritdoc />
    public IReadOnlyList<PersonId> ChildrenOf(PersonId guardian) => _memory.ChildrenOf(guardian);

    /// <inheritdoc />
    public IReadOnlyList<PersonId> GuardiansOf(PersonId learner) => _memory.GuardiansOf(learner);

    /// <inheritdoc />
    public IReadOnlyList<RoleAssignment> RolesIn(SchoolId school) => _memory.RolesIn(school);

    /// <inheritdoc />
    public Person? FindPersonByExternalId(DepartmentId department, string externalId) => _memory.FindPersonByExternalId(department, externalId);

    /// <inheritdoc />
    public IReadOnlyList<Enrolment> EnrolmentsOf(PersonId learner) => _memory.EnrolmentsOf(learner);

    /// <inheritdoc />
    public IReadOnlyList<Enrolment> EnrolmentsIn(ClassId @class) => _memory.EnrolmentsIn(@class);

    /// <inheritdoc />
    public IReadOnlyList<Enrolment> EnrolmentsIn(GroupId group) => _memory.EnrolmentsIn(group);

    private static T? Optional<T>(Record record, string column, Func<Guid, T> make)
        where T : struct => record.Get<Guid?>(column) is { } id ? make(id) : null;

    private static DateRange Validity(Record record) => new(record.Get<DateOnly>("valid_from"), record.Get<DateOnly?>("valid_until"));

    /// <summary>Writes each accepted addition to the store before the directory applies it.</summary>
    private sealed class Journal(IRecordStore store) : IDirectoryJournal
    {
        private RecordChanges? _batch;
        private DepartmentId _batchDepartment;

        public bool Paused { get; set; }

        /// <summary>An import's additions go into one change set, saved in one transaction once all are accepted.</summary>
        public void Batch(DepartmentId department, Action additions)
        {
            (_batch, _batchDepartment) = (new RecordChanges(), department);
            try
            {
                additions();
                if (!Paused && !_batch.IsEmpty)
                {
                    store.SaveAsync(department, _batch).GetAwaiter().GetResult();
                }
            }
            finally
            {
                _batch = null;
            }
        }

        public void Added(Department department) =>
            Insert(department.Id, Table("departments").NewRecord(department.Id.Value, department.Code, department.Name));

        public void Added(School school) =>
            Insert(school.Department, Table("schools").NewRecord(school.Id.Value, school.Uai.Value, school.Name, school.Address));

        public void Added(DepartmentId department, SchoolClass @class) =>
            Insert(department, Table("classes").NewRecord(@class.Id.Value, @class.School.Value, @class.Year.Value, @class.Name));

        public void Added(DepartmentId department, TeachingGroup group) =>
            Insert(department, Table("groups").NewRecord(group.Id.Value, group.School.Value, group.Year.Value, group.Name));

        public void Added(Person person) =>
            Insert(person.Department, Table("people").NewRecord(person.Id.Value, person.GivenName, person.FamilyName, person.ExternalId));

        public void Added(RoleAssignment assignment)
        {
            var scope = assignment.Scope;
            Insert(scope.Department, Table("roles").NewRecord(RoleId(assignment), assignment.Person.Value, (long)assignment.Role,
                scope.School?.Value, scope.Class?.Value, scope.Group?.Value, scope.Course?.Value, assignment.Validity.Begin, assignment.Validity.End));
        }

        public void Added(DepartmentId department, Guardianship guardianship) =>
            Insert(department, Table("guardianships").NewRecord(guardianship.Guardian.Value, guardianship.Learner.Value));

        public void Added(DepartmentId department, Enrolment enrolment) =>
            Insert(department, Table("enrolments").NewRecord(enrolment.Id.Value, enrolment.Learner.Value, enrolment.School.Value,
                enrolment.Class?.Value, enrolment.Group?.Value, enrolment.Validity.Begin, enrolment.Validity.End));

        // The directory's writes are synchronous by contract; the store completes them before the directory changes.
        private void Insert(DepartmentId department, Record record)
        {
            if (Paused)
            {
                return;
            }

            if (_batch is not null)
            {
                if (department != _batchDepartment)
                {
                    throw new ArgumentException($"An import into department {_batchDepartment.Value} cannot write to department {department.Value}.", nameof(department));
                }

                _batch.Insert(record);
                return;
            }

            store.SaveAsync(department, new RecordChanges().Insert(record)).GetAwaiter().GetResult();
        }

        /// <summary>A role assignment has no id of its own: its content names it, so that the same assignment is one row.</summary>
        private static Guid RoleId(RoleAssignment assignment)
        {
            var text = $"{assignment.Person.Value:N}|{(int)assignment.Role}|{assignment.Scope.Department.Value:N}|{assignment.Scope.School?.Value:N}|{assignment.Scope.Class?.Value:N}|{assignment.Scope.Group?.Value:N}|{assignment.Scope.Course?.Value:N}|{assignment.Validity}";
            return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
        }
    }
}
