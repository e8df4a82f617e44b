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
        var itemScores = new Dictionary<int, (double Sum, int Count)>();
        var cells = new List<int>();
        var correct = new List<bool>();
        void Observe(int[] skills, bool right)
        {
            foreach (var skill in skills)
            {
                cells.Add(skill);
                correct.Add(right);
            }
        }

        foreach (var piece in evidence.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            if (piece.Source == EvidenceSource.Activity && piece.Activity is { } activity && plan.IndexOf(activity) is var a and >= 0)
            {
                Observe(plan.Skills[a], piece.Score >= plan.Plan.Activities[a].PassScore);
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
            else if (piece.Source == EvidenceSource.Assessment && piece.Assessment is { } id && plan.AssessmentSkills.TryGetValue(id, out var assessment))
            {
                Observe(assessment.Skills, piece.Score >= assessment.PassScore);
            }
        }

        // The pupil is a table of one row: each skill of the school's graph a cell.
        MasteryTable.Trace(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cells), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(correct),
            plan.Graph.Parameters, state.Mastery, state.Answers, state.TrailingWrong);

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
}
