using Ent.Core.Identifiers;

namespace Ent.Plugins.Attendance.Declarations;

/// <summary>Where a declaration of absence stands.</summary>
public enum DeclarationState
{
    /// <summary>Declared by the family; the CPE has not reviewed it.</summary>
    Pending,

    /// <summary>The CPE asked the family for more (a proof, a clearer reason).</summary>
    MoreRequested,

    /// <summary>Accepted: the absences it covers have its reason (justified when the reason is legitimate).</summary>
    Accepted,

    /// <summary>Refused: the absences it covers stay unjustified.</summary>
    Refused,
}

/// <summary>
/// A pupil's absence declared ahead or after the fact: by a parent (pending until the CPE reviews it) or by the school's staff
/// (accepted at once: a phone call, a pupil known absent for the whole day). It pre-fills the roll calls it covers.
/// </summary>
internal sealed record DeclarationDocument(
    PersonId Pupil, Guid Id, SchoolId School, DateOnly FromDate, TimeOnly FromTime, DateOnly ToDate, TimeOnly ToTime, string Reason, string? Comment,
    string? ProofName, PersonId DeclaredBy, DateTimeOffset DeclaredAt, DeclarationState State, PersonId? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewNote)
{
    /// <summary>Whether it covers a time of a day.</summary>
    public bool Covers(DateOnly day, TimeOnly start, TimeOnly end) =>
        (day > FromDate || (day == FromDate && end > FromTime)) && (day < ToDate || (day == ToDate && start < ToTime));
}

/// <summary>A proof attached to a declaration (a certificate, a convocation): its file as sent.</summary>
internal sealed record ProofDocument(PersonId Pupil, Guid Declaration, string FileName, string ContentType, byte[] Content);

/// <summary>One day a declaration covers, with its hours that day, so that a roll call finds the day's known absences of its school in one read.</summary>
internal sealed record KnownAbsenceDocument(SchoolId School, DateOnly Date, PersonId Pupil, Guid Declaration, TimeOnly From, TimeOnly Until, string Reason, DeclarationState State);
