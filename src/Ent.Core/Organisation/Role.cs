namespace Ent.Core.Organisation;

/// <summary>The roles a person holds in a scope.</summary>
public enum Role
{
    /// <summary>A pupil (élève).</summary>
    Learner,

    /// <summary>A teacher (enseignant).</summary>
    Teacher,

    /// <summary>A parent or legal guardian (responsable légal).</summary>
    Parent,

    /// <summary>A member of the school staff: vie scolaire, administration (personnel d'établissement).</summary>
    SchoolStaff,

    /// <summary>The head of school (chef d'établissement) or deputy.</summary>
    HeadOfSchool,

    /// <summary>An administrator of the department (the tenant).</summary>
    DepartmentAdmin,
}
