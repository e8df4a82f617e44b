using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Evidence;

/// <summary>Traces a pupil's mastery from their evidence and lays it out for the path engine.</summary>
internal static class MasteryBook
{
    /// <summary>A pupil's state in a course: their evidence replayed oldest first (ties by key) through the plan's links, then the teacher's decisions and their choices.</summary>
    /// <param name="plan">The course's compiled plan.</param>
    /// <param name="evidence">The pupil's evidence in the course, in any order.</param>
    /// <param name="overrides">The teacher's decisions for the pupil, by activity.</param>
    /// <param name="choices">The pupil's choices among equivalent activities.</param>
    public static PupilState StateOf(CompiledPlan plan, IEnumerable<EvidenceDocument> evidence, IEnumerable<(Core.Identifiers.ActivityId Activity, StepOverride Override)> overrides, IEnumerable<Core.Identifiers.ActivityId> choices)
    {
        var state = new PupilState(plan);
        var assessments = plan.Plan.Assessments.ToDictionary(a => a.Assessment);
        var itemScores = new Dictionary<int, (double Sum, int Count)>();
        foreach (var piece in evidence.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            if (piece.Source == EvidenceSource.Activity && piece.Activity is { } activity && plan.IndexOf(activity) is var a and >= 0)
            {
                var link = plan.Plan.Activities[a];
                Observe(plan, state, plan.Skills[a], piece.Score >= link.PassScore);
                state.Done[a] = true;
                if (piece.Item is null)
                {
                    state.Score[a] = piece.Score;
                    itemScores.Remove(a);
                }
                else
                {
                    var (sum, count) = itemScores.GetValueOrDefault(a);
                    itemScores[a] = (sum + piece.Score, count + 1);
                    state.Score[a] = (sum + piece.Score) / (count + 1); // a quiz's score: the share of its items answered right so far
                }
            }
            else if (piece.Source == EvidenceSource.Assessment && piece.Assessment is { } id && assessments.TryGetValue(id, out var assessment))
            {
                var correct = piece.Score >= assessment.PassScore;
                foreach (var skill in assessment.Skills)
                {
                    Observe(plan, state, [plan.Graph.IndexOf(skill)], correct);
                }
            }
        }

        foreach (var (activity, decision) in overrides)
        {
            if (plan.IndexOf(activity) is var a and >= 0)
            {
                state.Overrides[a] = decision;
            }
        }

        foreach (var chosen in choices)
        {
            if (plan.IndexOf(chosen) is var a and >= 0 && plan.ChoiceSet[a] >= 0)
            {
                state.Chosen[plan.ChoiceSet[a]] = a;
            }
        }

        return state;
    }

    private static void Observe(CompiledPlan plan, PupilState state, int[] skills, bool correct)
    {
        foreach (var s in skills)
        {
            state.Mastery[s] = Bkt.Update(state.Mastery[s], correct, plan.Graph.Skills[s].Parameters);
            state.Answers[s]++;
            state.TrailingWrong[s] = correct ? (byte)0 : (byte)Math.Min(255, state.TrailingWrong[s] + 1);
        }
    }
}
