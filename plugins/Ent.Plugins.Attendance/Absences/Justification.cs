namespace Ent.Plugins.Attendance.Absences;

/// <summary>Where an absence or a lateness stands.</summary>
public enum Justification
{
    /// <summary>No reason, or one that is not legitimate: it counts towards the legal threshold.</summary>
    Unjustified,

    /// <summary>A reason is given and the school is waiting (for the CPE's review, or a proof): it still counts until justified.</summary>
    Awaiting,

    /// <summary>A legitimate reason accepted by the school.</summary>
    Justified,
}
