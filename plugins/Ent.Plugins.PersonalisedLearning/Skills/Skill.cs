using System.Collections.Immutable;
using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Skills;

/// <summary>
/// A skill (an objective a pupil masters, such as "fractions équivalentes"): shared by the courses of its school that use it, with
/// the skills it needs first and the parameters its mastery is traced with.
/// </summary>
/// <param name="Id">Its identifier.</param>
/// <param name="Name">Its name, as pupils and teachers read it (1 to 120 characters).</param>
/// <param name="Prerequisites">The skills to master first; none for a first skill.</param>
/// <param name="Socle">The component of the socle commun it builds towards (<c>D1.1</c> … <c>D5</c>, see <see cref="SocleComponents"/>), or null.</param>
/// <param name="Parameters">Its BKT parameters (<see cref="BktParameters.Default"/> until they are fitted or set).</param>
public sealed record Skill(SkillId Id, string Name, ImmutableArray<SkillId> Prerequisites, string? Socle, BktParameters Parameters)
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxNameLength = 120;

    /// <summary>The most prerequisites a skill has.</summary>
    public const int MaxPrerequisites = 20;
}

/// <summary>The components of the socle commun a skill can build towards (Code de l'éducation D122-1): domain 1's four languages, domains 2 to 5.</summary>
public static class SocleComponents
{
    /// <summary>The components' codes, in the socle's order.</summary>
    public static ImmutableArray<string> Codes { get; } = ["D1.1", "D1.2", "D1.3", "D1.4", "D2", "D3", "D4", "D5"];
}
