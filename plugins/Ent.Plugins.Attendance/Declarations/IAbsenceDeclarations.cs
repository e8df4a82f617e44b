using Ent.Core.Access;
using Ent.Core.Identifiers;

namespace Ent.Plugins.Attendance.Declarations;

/// <summary>
/// Absences declared ahead or after the fact (a family's message in the morning, a phone call to the vie scolaire), and the CPE's
/// review of them. A declaration pre-fills the roll calls it covers and gives its reason to the absences they record; a family's
/// awaits the CPE (the absences await justification), the staff's is accepted at once. The platform checks every call's rights.
/// </summary>
public interface IAbsenceDeclarations
{
    /// <summary>Declares a pupil's absence.</summary>
    /// <param name="actor">A parent of the pupil, or the school's staff or head.</param>
    /// <param name="declaration">What is declared.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The declaration as kept.</returns>
    /// <exception cref="AccessDeniedException">The actor may not declare for this pupil.</exception>
    /// <exception cref="ArgumentException">The dates are reversed or too far apart, the pupil is in no class then, the reason is unknown (or not one families may give), the proof is too large or of another type; the message names it. Nothing is kept.</exception>
    Task<Declaration> DeclareAsync(Actor actor, DeclarationDraft declaration, CancellationToken cancellationToken = default);

    /// <summary>The CPE's decision on a declaration: accepted (its absences take its reason: justified when it is legitimate), refused (they stay unjustified), or more asked of the family.</summary>
    /// <param name="actor">The school's staff or head.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="declaration">The declaration's id.</param>
    /// <param name="decision">Accepted, refused or more requested.</param>
    /// <param name="note">A note for the family (required to refuse or ask for more).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The declaration as it stands now.</returns>
    /// <exception cref="AccessDeniedException">The actor may not review the school's declarations.</exception>
    /// <exception cref="ArgumentException">No such declaration, a decision of <see cref="DeclarationState.Pending"/>, or no note where one is needed; the message names it.</exception>
    Task<Declaration> ReviewAsync(Actor actor, PersonId pupil, Guid declaration, DeclarationState decision, string? note, CancellationToken cancellationToken = default);

    /// <summary>A pupil's declarations, newest first: their own, their children's for a parent, any for the school's staff.</summary>
    /// <param name="actor">Who reads them.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task<IReadOnlyList<Declaration>> OfPupilAsync(Actor actor, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>A declaration's proof, as the family sent it.</summary>
    /// <param name="actor">The school's staff or head, or whoever may read the pupil's attendance.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="declaration">The declaration's id.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The proof, or null when none was sent.</returns>
    Task<Proof?> ProofAsync(Actor actor, PersonId pupil, Guid declaration, CancellationToken cancellationToken = default);
}

/// <summary>An absence to declare, from one time of a day to another.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="From">The first day.</param>
/// <param name="FromTime">The time it begins that day (00:00 for the whole day).</param>
/// <param name="To">The last day.</param>
/// <param name="ToTime">The time it ends that day (23:59 for the whole day).</param>
/// <param name="Reason">The reason's code.</param>
/// <param name="Comment">What the family or the staff add, up to 500 characters.</param>
/// <param name="Proof">A proof (certificate, convocation), or null.</param>
public sealed record DeclarationDraft(PersonId Pupil, DateOnly From, TimeOnly FromTime, DateOnly To, TimeOnly ToTime, string Reason, string? Comment = null, Proof? Proof = null);

/// <summary>A proof attached to a declaration.</summary>
/// <param name="FileName">Its file's name.</param>
/// <param name="ContentType">PDF, JPEG or PNG.</param>
/// <param name="Content">Its bytes, up to <see cref="MaxBytes"/>.</param>
public sealed record Proof(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The largest proof kept, in bytes (a scanned page).</summary>
    public const int MaxBytes = 768 * 1024;

    /// <summary>The types of file kept.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = ["application/pdf", "image/jpeg", "image/png"];
}

/// <summary>A declaration as kept.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="School">The pupil's school.</param>
/// <param name="From">The first day.</param>
/// <param name="FromTime">The time it begins that day.</param>
/// <param name="To">The last day.</param>
/// <param name="ToTime">The time it ends that day.</param>
/// <param name="Reason">The reason's code.</param>
/// <param name="Comment">What was added.</param>
/// <param name="ProofName">The proof's file name, if one was sent.</param>
/// <param name="DeclaredBy">Who declared it.</param>
/// <param name="DeclaredAt">When.</param>
/// <param name="State">Where it stands.</param>
/// <param name="ReviewedBy">Who reviewed it last.</param>
/// <param name="ReviewedAt">When.</param>
/// <param name="ReviewNote">The note to the family.</param>
public sealed record Declaration(Guid Id, PersonId Pupil, SchoolId School, DateOnly From, TimeOnly FromTime, DateOnly To, TimeOnly ToTime, string Reason, string? Comment, string? ProofName,
    PersonId DeclaredBy, DateTimeOffset DeclaredAt, DeclarationState State, PersonId? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewNote);
