using Ent.Core.Identifiers;

namespace Ent.Plugins.Grading.Competencies;

/// <summary>A teacher's evaluation of a pupil on a component of the socle, on its own or attached to an assessment.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Component">The component.</param>
/// <param name="Level">The level reached.</param>
/// <param name="Date">When (within the period).</param>
/// <param name="Assessment">The assessment it was observed in, or null for an evaluation on its own.</param>
public sealed record CompetencyEvaluation(PersonId Pupil, SocleComponent Component, MasteryLevel Level, DateOnly Date, Guid? Assessment = null);

/// <summary>A pupil's position on a component: for the period, and for the end of the cycle (every evaluation so far).</summary>
/// <param name="Component">The component.</param>
/// <param name="Period">The position from the period's evaluations, or null without any.</param>
/// <param name="Cycle">The position from all the pupil's evaluations, or null without any.</param>
/// <param name="Evaluations">How many evaluations the period has.</param>
public sealed record CompetencyPosition(SocleComponent Component, MasteryLevel? Period, MasteryLevel? Cycle, int Evaluations);
