using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Skills;

/// <summary>How a skill's parameters were fitted, shown to the teacher beside them.</summary>
/// <param name="At">When.</param>
/// <param name="Scope">Whose answers: <c>class</c> (the course's pupils) or <c>school</c> (every course of the school using the skill).</param>
/// <param name="Pupils">How many pupils' answers.</param>
/// <param name="Answers">How many answers.</param>
/// <param name="LogLikelihood">The log-likelihood of the answers under the fitted parameters.</param>
/// <param name="Iterations">The iterations of the best start.</param>
/// <param name="Converged">Whether it stopped by the tolerance rather than the iteration limit.</param>
public sealed record FitRecord(DateTimeOffset At, string Scope, int Pupils, int Answers, double LogLikelihood, int Iterations, bool Converged);

/// <summary>A skill as its school keeps it.</summary>
/// <param name="School">The school.</param>
/// <param name="Id">The skill.</param>
/// <param name="Name">Its name.</param>
/// <param name="Prerequisites">The skills it needs.</param>
/// <param name="Socle">The socle component it builds towards, or null.</param>
/// <param name="Parameters">Its BKT parameters.</param>
/// <param name="Fitted">How they were fitted, or null when they are the default or set by hand.</param>
internal sealed record SkillDocument(SchoolId School, SkillId Id, string Name, ImmutableArray<SkillId> Prerequisites, string? Socle, BktParameters Parameters, FitRecord? Fitted)
{
    public Skill ToSkill() => new(Id, Name, Prerequisites, Socle, Parameters);
}
