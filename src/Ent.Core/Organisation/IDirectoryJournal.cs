using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>
/// Receives each addition the <see cref="InMemoryOrganisationDirectory"/> accepts, after its checks and
/// before it is applied: a durable store writes it there. If the journal throws, the directory is left
/// unchanged. Each method gets the department that owns the entry.
/// </summary>
public interface IDirectoryJournal
{
    /// <summary>A department was added.</summary>
    /// <param name="department">The department.</param>
    void Added(Department department);

    /// <summary>A school was added.</summary>
    /// <param name="school">The school.</param>
    void Added(School school);

    /// <summary>A class was added.</summary>
    /// <param name="department">Its school's department.</param>
    /// <param name="class">The class.</param>
    void Added(DepartmentId department, SchoolClass @class);

    /// <summary>A teaching group was added.</summary>
    /// <param name="department">Its school's department.</param>
    /// <param name="group">The group.</param>
    void Added(DepartmentId department, TeachingGroup group);

    /// <summary>A person was added.</summary>
    /// <param name="person">The person.</param>
    void Added(Person person);

    /// <summary>A role assignment was added (its scope names the department).</summary>
    /// <param name="assignment">The assignment.</param>
    void Added(RoleAssignment assignment);

    /// <summary>A guardianship was added.</summary>
    /// <param name="department">The department of the guardian and the learner.</param>
    /// <param name="guardianship">The guardianship.</param>
    void Added(DepartmentId department, Guardianship guardianship);

    /// <summary>An enrolment was added.</summary>
    /// <param name="department">The learner's department.</param>
    /// <param name="enrolment">The enrolment.</param>
    void Added(DepartmentId department, Enrolment enrolment);

    /// <summary>
    /// Writes the additions <paramref name="additions"/> makes (it calls the other members) as one, all or nothing, for
    /// <see cref="IOrganisationDirectory.Import"/>: if it throws, nothing of them is kept. By default, each is written as it comes.
    /// </summary>
    /// <param name="department">The department the additions belong to.</param>
    /// <param name="additions">Checks and applies the additions, calling this journal for each.</param>
    void Batch(DepartmentId department, Action additions)
    {
        ArgumentNullException.ThrowIfNull(additions);
        additions();
    }
}
