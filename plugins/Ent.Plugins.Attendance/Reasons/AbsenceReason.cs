using Ent.Core.Identifiers;
using Ent.Core.Text;

namespace Ent.Plugins.Attendance.Reasons;

/// <summary>
/// A reason (motif) for an absence or a lateness, with the flags that decide what it counts for. The department's list is
/// configurable; <see cref="Defaults"/> covers the usual ones.
/// </summary>
/// <param name="Code">A stable id (<c>maladie</c>…).</param>
/// <param name="Label">Its name in French and English.</param>
/// <param name="Legitimate">Deemed legitimate under article L131-8 of the Code de l'éducation: an absence with it is justified once accepted, and does not count towards the legal threshold.</param>
/// <param name="NeedsProof">A proof is asked for (certificate, convocation): the absence awaits justification until the school has it.</param>
/// <param name="OnReportCard">Counted in the half-days a report card shows (a school trip is not).</param>
/// <param name="ForFamilies">Offered to families when they declare an absence.</param>
public sealed record AbsenceReason(string Code, LocalizedText Label, bool Legitimate, bool NeedsProof, bool OnReportCard = true, bool ForFamilies = true)
{
    /// <summary>The reason's stable id, checked.</summary>
    public string Code { get; } = StableId.IsValid(Code) ? Code : throw new ArgumentException($"'{Code}' is not a valid reason code: use lower-case letters, digits, '.' and '-'.", nameof(Code));

    /// <summary>
    /// The usual reasons. Legitimate under L131-8: the child's illness, a contagious illness of a family member, a solemn family
    /// gathering, an accidental transport difficulty, the parents' temporary absence when the child goes with them; other reasons
    /// are assessed by the authority, so they are not legitimate here unless the department says so.
    /// </summary>
    public static IReadOnlyList<AbsenceReason> Defaults { get; } =
    [
        new("maladie", new LocalizedText("Maladie (sans certificat)", "Illness (no certificate)"), Legitimate: true, NeedsProof: false),
        new("maladie-certificat", new LocalizedText("Maladie avec certificat médical", "Illness with a medical certificate"), Legitimate: true, NeedsProof: true),
        new("rendez-vous-medical", new LocalizedText("Rendez-vous médical", "Medical appointment"), Legitimate: true, NeedsProof: true),
        new("maladie-contagieuse-famille", new LocalizedText("Maladie contagieuse d'un membre de la famille", "Contagious illness in the family"), Legitimate: true, NeedsProof: true),
        new("reunion-familiale", new LocalizedText("Réunion solennelle de famille", "Solemn family gathering"), Legitimate: true, NeedsProof: false),
        new("transport", new LocalizedText("Difficulté accidentelle de transport", "Accidental transport difficulty"), Legitimate: true, NeedsProof: false),
        new("voyage-parents", new LocalizedText("Absence temporaire des parents, l'enfant les accompagne", "Parents temporarily away, the child with them"), Legitimate: true, NeedsProof: false),
        new("convocation", new LocalizedText("Convocation officielle (justice, administration, examen)", "Official summons (court, administration, exam)"), Legitimate: true, NeedsProof: true),
        new("sortie-scolaire", new LocalizedText("Sortie ou voyage scolaire", "School trip"), Legitimate: true, NeedsProof: false, OnReportCard: false, ForFamilies: false),
        new("convenance-personnelle", new LocalizedText("Convenance personnelle", "Personal convenience"), Legitimate: false, NeedsProof: false),
        new("motif-non-recevable", new LocalizedText("Motif non recevable", "Reason not accepted"), Legitimate: false, NeedsProof: false, ForFamilies: false),
    ];
}
