using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Evidence;

/// <summary>Pupils' answers on one skill, read from a course's evidence through its plan's links: what a fit is made from.</summary>
internal static class SkillAnswers
{
    /// <summary>Each pupil's answers on the skill, oldest first (ties by key), right from the link's pass score.</summary>
    /// <param name="plan">The course's plan.</param>
    /// <param name="skill">The skill.</param>
    /// <param name="evidence">The course's evidence.</param>
    public static IEnumerable<IReadOnlyList<bool>> On(CoursePlan plan, SkillId skill, IEnumerable<EvidenceDocument> evidence)
    {
        var activities = plan.Activities.Where(a => a.Skills.Contains(skill)).ToDictionary(a => a.Activity, a => a.PassScore);
        var assessments = plan.Assessments.Where(a => a.Skills.Contains(skill)).ToDictionary(a => a.Assessment, a => a.PassScore);
        foreach (var pupil in evidence.GroupBy(e => e.Pupil))
        {
            var answers = new List<bool>();
            foreach (var piece in pupil.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                if (piece.Activity is { } a && activities.TryGetValue(a, out var pass))
                {
                    answers.Add(piece.Score >= pass);
                }
                else if (piece.Assessment is { } id && assessments.TryGetValue(id, out var mark))
                {
                    answers.Add(piece.Score >= mark);
                }
            }

            yield return answers;
        }
    }
}
