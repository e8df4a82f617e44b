using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Sdk.Operations;

namespace Ent.Plugins.Attendance.Declarations;

/// <summary>Declarations on the plugin's documents: a declaration, its proof, the days it covers and the absences it gives its reason to, in one unit of work.</summary>
internal sealed class DeclarationService(IOperations operations, IOrganisationDirectory directory, AttendanceRules rules, AbsenceBook book, AttendanceNames names) : IAbsenceDeclarations
{
    /// <summary>The most days a declaration covers.</summary>
    public const int MaxDays = 92;

    private static readonly TimeOnly EndOfDay = new(23, 59, 59);

    /// <inheritdoc />
    public async Task<Declaration> DeclareAsync(Actor actor, DeclarationDraft declaration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(declaration);
        Check(declaration);
        var reason = rules.Reason(declaration.Reason);
        var @class = directory.ClassOn(declaration.Pupil, declaration.From) ?? directory.ClassOn(declaration.Pupil, declaration.To)
            ?? throw new ArgumentException($"The pupil {declaration.Pupil.Value} is in no class from {declaration.From:yyyy-MM-dd} to {declaration.To:yyyy-MM-dd}. Nothing was kept.", nameof(declaration));
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfClass(@class, declaration.Pupil), AttendanceCapabilities.Declare, cancellationToken).ConfigureAwait(false);
        var staff = work.Can(AttendanceCapabilities.FollowUp);
        if (!staff && !reason.ForFamilies)
        {
            throw new ArgumentException($"'{reason.Code}' is not a reason a family may give; the vie scolaire records it. Nothing was kept.", nameof(declaration));
        }

        var stored = new DeclarationDocument(declaration.Pupil, Guid.CreateVersion7(work.Now), work.School, declaration.From, declaration.FromTime, declaration.To, declaration.ToTime, reason.Code,
            Trimmed(declaration.Comment), declaration.Proof is { } proof ? Path.GetFileName(proof.FileName) : null, actor.Person, work.Now,
            staff ? DeclarationState.Accepted : DeclarationState.Pending, staff ? actor.Person : null, staff ? work.Now : null, null);
        work.Documents<DeclarationDocument>().Add(stored);
        if (declaration.Proof is { } sent)
        {
            work.Documents<ProofDocument>().Add(new ProofDocument(declaration.Pupil, stored.Id, Path.GetFileName(sent.FileName), sent.ContentType, sent.Content));
        }

        foreach (var day in KnownDays(stored))
        {
            work.Documents<KnownAbsenceDocument>().Add(day);
        }

        await ApplyAsync(work, stored, cancellationToken).ConfigureAwait(false);
        work.Publish(new DeclarationChanged(actor.Person, actor.Department, work.School, work.Now, stored.Pupil, stored.Id, stored.State));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToDeclaration(stored);
    }

    /// <inheritdoc />
    public async Task<Declaration> ReviewAsync(Actor actor, PersonId pupil, Guid declaration, DeclarationState decision, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (decision is not (DeclarationState.Accepted or DeclarationState.Refused or DeclarationState.MoreRequested))
        {
            throw new ArgumentException($"A review accepts, refuses or asks for more; {decision} is none of these.", nameof(decision));
        }

        if (decision != DeclarationState.Accepted && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Refusing a declaration or asking the family for more needs a note to them.", nameof(note));
        }

        if (note is { Length: > AttendanceDocuments.MaxNoteLength })
        {
            throw new ArgumentException($"A note has at most {AttendanceDocuments.MaxNoteLength} characters; this one has {note.Length}.", nameof(note));
        }

        await using var work = await BeginAsync(actor, pupil, AttendanceCapabilities.FollowUp, cancellationToken).ConfigureAwait(false);
        var documents = work.Documents<DeclarationDocument>();
        var stored = await documents.FindAsync(d => d.Pupil == pupil && d.Id == declaration, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.School != work.School)
        {
            throw new ArgumentException($"The pupil {pupil.Value} has no declaration {declaration} at this school.", nameof(declaration));
        }

        var reviewed = stored with { State = decision, ReviewedBy = actor.Person, ReviewedAt = work.Now, ReviewNote = Trimmed(note) };
        documents.Replace(reviewed);
        var days = work.Documents<KnownAbsenceDocument>();
        var known = KnownDays(stored).ToList();
        var school = stored.School;
        var found = await days.FindManyAsync(known, k => d => d.School == school && d.Date == k.Date && d.Pupil == k.Pupil && d.Declaration == k.Declaration, cancellationToken).ConfigureAwait(false);
        foreach (var day in found.OfType<KnownAbsenceDocument>())
        {
            days.Replace(day with { State = decision });
        }

        await ApplyAsync(work, reviewed, cancellationToken).ConfigureAwait(false);
        work.Publish(new DeclarationChanged(actor.Person, actor.Department, school, work.Now, pupil, declaration, decision));
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToDeclaration(reviewed);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Declaration>> OfPupilAsync(Actor actor, PersonId pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await BeginAsync(actor, pupil, AttendanceCapabilities.ReadAttendance, cancellationToken).ConfigureAwait(false);
        var stored = await work.Documents<DeclarationDocument>().Where(d => d.Pupil == pupil).ListAsync(cancellationToken).ConfigureAwait(false);
        var whole = MaySeeWhole(work, actor, pupil); // a teacher sees the reason and where it stands, not the family's words nor its proof
        return [.. stored.OrderByDescending(d => d.DeclaredAt).Select(ToDeclaration).Select(d => whole ? d : d with { Comment = null, ProofName = null })];
    }

    /// <inheritdoc />
    public async Task<Proof?> ProofAsync(Actor actor, PersonId pupil, Guid declaration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await BeginAsync(actor, pupil, AttendanceCapabilities.ReadAttendance, cancellationToken).ConfigureAwait(false);
        if (!MaySeeWhole(work, actor, pupil))
        {
            throw new AccessDeniedException(actor, AttendanceCapabilities.FollowUp, work.Scope, pupil, "a proof (a medical certificate, say) is for the school's staff and the pupil's family only");
        }

        var proof = await work.Documents<ProofDocument>().FindAsync(p => p.Pupil == pupil && p.Declaration == declaration, cancellationToken).ConfigureAwait(false);
        return proof is null ? null : new Proof(proof.FileName, proof.ContentType, proof.Content);
    }

    /// <summary>Gives the declaration's reason and standing to the absences it covers that the school has not dealt with otherwise.</summary>
    private Task<IReadOnlyList<AbsenceDocument>> ApplyAsync(IUnitOfWork work, DeclarationDocument declaration, CancellationToken cancellationToken)
    {
        var state = rules.StateOf(declaration.State, declaration.Reason);
        return book.ChangeBetweenAsync(work, declaration.Pupil, (declaration.FromDate, declaration.FromTime), (declaration.ToDate, declaration.ToTime),
            absence => absence.Declaration == declaration.Id || (absence.Declaration is null && absence.Reason is null)
                ? absence with { Declaration = declaration.Id, Reason = declaration.Reason, State = state, JustifiedBy = work.Actor.Person, JustifiedAt = work.Now }
                : null,
            cancellationToken);
    }

    /// <summary>Whether the actor sees a declaration whole (the family's comment, its proof): the school's staff and head, the pupil, their family.</summary>
    private static bool MaySeeWhole(IUnitOfWork work, Actor actor, PersonId pupil) =>
        actor.Person == pupil || work.Can(AttendanceCapabilities.FollowUp) || work.Can(AttendanceCapabilities.Declare, pupil);

    private Task<IUnitOfWork> BeginAsync(Actor actor, PersonId pupil, Ent.Core.Access.Capability capability, CancellationToken cancellationToken) =>
        names.BeginOnPupilAsync(operations, actor, pupil, capability, cancellationToken);

    private static IEnumerable<KnownAbsenceDocument> KnownDays(DeclarationDocument declaration)
    {
        for (var day = declaration.FromDate; day <= declaration.ToDate; day = day.AddDays(1))
        {
            var from = day == declaration.FromDate ? declaration.FromTime : TimeOnly.MinValue;
            var until = day == declaration.ToDate ? declaration.ToTime : EndOfDay;
            yield return new KnownAbsenceDocument(declaration.School, day, declaration.Pupil, declaration.Id, from, until, declaration.Reason, declaration.State);
        }
    }

    private static void Check(DeclarationDraft declaration)
    {
        if (declaration.To < declaration.From || (declaration.To == declaration.From && declaration.ToTime <= declaration.FromTime))
        {
            throw new ArgumentException($"A declaration ends after it begins: {declaration.From:yyyy-MM-dd} {declaration.FromTime:HH\\:mm} to {declaration.To:yyyy-MM-dd} {declaration.ToTime:HH\\:mm} does not.", nameof(declaration));
        }

        if (declaration.To.DayNumber - declaration.From.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentException($"A declaration covers at most {MaxDays} days; {declaration.From:yyyy-MM-dd} to {declaration.To:yyyy-MM-dd} is {declaration.To.DayNumber - declaration.From.DayNumber + 1}.", nameof(declaration));
        }

        if (declaration.Comment is { Length: > AttendanceDocuments.MaxNoteLength })
        {
            throw new ArgumentException($"A comment has at most {AttendanceDocuments.MaxNoteLength} characters; this one has {declaration.Comment.Length}.", nameof(declaration));
        }

        if (declaration.Proof is { } proof)
        {
            if (!Proof.ContentTypes.Contains(proof.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"A proof is a PDF, a JPEG or a PNG; '{proof.FileName}' is '{proof.ContentType}'.", nameof(declaration));
            }

            if (proof.Content is null || proof.Content.Length == 0 || proof.Content.Length > Proof.MaxBytes)
            {
                throw new ArgumentException($"A proof has 1 to {Proof.MaxBytes / 1024} KB; '{proof.FileName}' has {(proof.Content?.Length ?? 0) / 1024} KB.", nameof(declaration));
            }

            if (string.IsNullOrWhiteSpace(Path.GetFileName(proof.FileName)) || proof.FileName.Length > 200)
            {
                throw new ArgumentException($"A proof's file name has 1 to 200 characters; '{proof.FileName}' does not.", nameof(declaration));
            }
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static Declaration ToDeclaration(DeclarationDocument d) =>
        new(d.Id, d.Pupil, d.School, d.FromDate, d.FromTime, d.ToDate, d.ToTime, d.Reason, d.Comment, d.ProofName, d.DeclaredBy, d.DeclaredAt, d.State, d.ReviewedBy, d.ReviewedAt, d.ReviewNote);
}
