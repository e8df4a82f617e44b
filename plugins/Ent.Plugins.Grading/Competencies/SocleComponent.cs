using Ent.Core.Text;

namespace Ent.Plugins.Grading.Competencies;

/// <summary>
/// The 8 components of the socle commun (Code de l'éducation D122-1 and D122-3): domain 1's four languages,
/// then domains 2 to 5. Components do not compensate for each other.
/// </summary>
public enum SocleComponent
{
    /// <summary>Domain 1.1: understanding and expressing oneself in French.</summary>
    FrenchLanguage = 1,

    /// <summary>Domain 1.2: foreign and regional languages.</summary>
    ForeignLanguages = 2,

    /// <summary>Domain 1.3: mathematical, scientific and computing languages.</summary>
    MathematicalLanguages = 3,

    /// <summary>Domain 1.4: languages of the arts and the body.</summary>
    ArtsAndBody = 4,

    /// <summary>Domain 2: methods and tools for learning.</summary>
    MethodsAndTools = 5,

    /// <summary>Domain 3: education of the person and the citizen.</summary>
    PersonAndCitizen = 6,

    /// <summary>Domain 4: natural and technical systems.</summary>
    NaturalAndTechnicalSystems = 7,

    /// <summary>Domain 5: representations of the world and human activity.</summary>
    RepresentationsOfTheWorld = 8,
}

/// <summary>The four mastery levels of the socle.</summary>
public enum MasteryLevel
{
    /// <summary>Maîtrise insuffisante.</summary>
    Insufficient = 1,

    /// <summary>Maîtrise fragile.</summary>
    Fragile = 2,

    /// <summary>Maîtrise satisfaisante: a component counts as mastered from this level in cycle 4.</summary>
    Satisfactory = 3,

    /// <summary>Très bonne maîtrise.</summary>
    VeryGood = 4,
}

/// <summary>Names of components and levels, in French and English.</summary>
public static class SocleNames
{
    /// <summary>A component's name.</summary>
    /// <param name="component">The component.</param>
    public static LocalizedText Of(SocleComponent component) => component switch
    {
        SocleComponent.FrenchLanguage => new("Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit", "French language"),
        SocleComponent.ForeignLanguages => new("Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale", "Foreign and regional languages"),
        SocleComponent.MathematicalLanguages => new("Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques", "Mathematical, scientific and computing languages"),
        SocleComponent.ArtsAndBody => new("Comprendre, s'exprimer en utilisant les langages des arts et du corps", "Languages of the arts and the body"),
        SocleComponent.MethodsAndTools => new("Les méthodes et outils pour apprendre", "Methods and tools for learning"),
        SocleComponent.PersonAndCitizen => new("La formation de la personne et du citoyen", "Education of the person and the citizen"),
        SocleComponent.NaturalAndTechnicalSystems => new("Les systèmes naturels et les systèmes techniques", "Natural and technical systems"),
        SocleComponent.RepresentationsOfTheWorld => new("Les représentations du monde et l'activité humaine", "Representations of the world and human activity"),
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, $"{(int)component} is not a component of the socle (1–8)."),
    };

    /// <summary>A level's name.</summary>
    /// <param name="level">The level.</param>
    public static LocalizedText Of(MasteryLevel level) => level switch
    {
        MasteryLevel.Insufficient => new("Maîtrise insuffisante", "Insufficient mastery"),
        MasteryLevel.Fragile => new("Maîtrise fragile", "Fragile mastery"),
        MasteryLevel.Satisfactory => new("Maîtrise satisfaisante", "Satisfactory mastery"),
        MasteryLevel.VeryGood => new("Très bonne maîtrise", "Very good mastery"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, $"{(int)level} is not a mastery level (1–4)."),
    };
}
