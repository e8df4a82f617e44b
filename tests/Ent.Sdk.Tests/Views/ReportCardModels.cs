namespace Ent.Sdk.Tests.Views;

/// <summary>The view models of the specification templates: plain records, as a plugin would build them.</summary>
internal sealed record PupilView(string Name, string ClassName);

internal sealed record SubjectView(string Name, decimal Average, decimal ClassAverage, string Comment);

internal sealed record ReportCardView(string School, string Period, string Lang, PupilView Pupil, IReadOnlyList<SubjectView> Subjects, decimal Overall, DateOnly Issued)
{
    public static ReportCardView Sample(string lang = "fr") => new(
        "Collège Louise Michel (fictif)",
        lang == "fr" ? "premier trimestre" : "first term",
        lang,
        new PupilView("Inès Benali", "4e B"),
        [
            new SubjectView("Mathématiques", 12.5m, 11.25m, "Des progrès réguliers."),
            new SubjectView("Français", 14m, 12.4m, "Très bon trimestre, à l'écoute."),
            new SubjectView("Histoire-géographie", 9.75m, 10.9m, "Doit approfondir ses leçons <b>à la maison</b>."),
        ],
        12.083333m,
        new DateOnly(2026, 12, 18));
}

internal sealed record LetterView(string Guardian, PupilView Pupil, int Absences);
