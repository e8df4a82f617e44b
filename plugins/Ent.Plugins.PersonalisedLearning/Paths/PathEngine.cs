namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>Why an activity is proposed.</summary>
public enum ReasonKind
{
    /// <summary>The teacher pinned it.</summary>
    Pinned,

    /// <summary>The teacher assigned it.</summary>
    Assigned,

    /// <summary>The score on a trigger fell in the range that leads to it (to go over a skill again).</summary>
    Remedial,

    /// <summary>The score on a trigger fell in the range that leads to it (to go further).</summary>
    Enrichment,

    /// <summary>The latest answers on its skill were wrong: to review.</summary>
    Review,

    /// <summary>Done already, its skill not yet mastered, and nothing new on it: to practise again.</summary>
    PracticeAgain,

    /// <summary>Its skill is not mastered and another skill of the course needs it.</summary>
    Prerequisite,

    /// <summary>Its skill is the next one to master.</summary>
    NextSkill,

    /// <summary>An exit ticket, to check what was learned.</summary>
    ExitTicket,
}

/// <summary>Why an activity is proposed, in terms of positions in the plan and the graph (turned into words by <see cref="PathText"/>).</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Skill">The skill concerned, or −1.</param>
/// <param name="ForSkill">For a prerequisite: the skill that needs it; −1 otherwise.</param>
/// <param name="Trigger">For a remedial or enrichment activity: the trigger; −1 otherwise.</param>
/// <param name="Value">The mastery of the skill or the score on the trigger, from 0 to 1.</param>
/// <param name="Note">The teacher's reason, for a pin or an assignment.</param>
internal readonly record struct StepReason(ReasonKind Kind, int Skill, int ForSkill, int Trigger, double Value, string? Note);

/// <summary>A proposed activity (its position in the plan), its reason and how useful the engine found it (higher first).</summary>
internal readonly record struct ProposedStep(int Activity, StepReason Reason, double Usefulness);

/// <summary>What unlocks a locked activity.</summary>
public enum UnlockKind
{
    /// <summary>Mastering a skill to a level.</summary>
    MasterSkill,

    /// <summary>Scoring at least so much on an activity.</summary>
    ScoreOn,

    /// <summary>Doing a trigger activity first: its score decides whether this one follows.</summary>
    AfterTrigger,
}

/// <summary>One condition of a locked activity, with where the pupil stands.</summary>
/// <param name="Kind">The kind of condition.</param>
/// <param name="Skill">The skill to master, or −1.</param>
/// <param name="Activity">The activity to score on or do, or −1.</param>
/// <param name="Required">The mastery or score required, from 0 to 1.</param>
/// <param name="Current">The pupil's mastery or score now (NaN when no score yet).</param>
internal readonly record struct UnlockCondition(UnlockKind Kind, int Skill, int Activity, double Required, double Current);

/// <summary>
/// The path engine: from a compiled plan and a pupil's state, the activities to do next (most useful first, each with its reason)
/// and the locked ones with what unlocks them. Rules, in order: a skipped activity is left out; a pinned or assigned one is in
/// (done or not) unless it is locked; a remedial or enrichment activity
/// follows only the range its trigger's score fell in (or the teacher's pin or assignment); a gate or an unmastered prerequisite
/// locks; a done activity comes back while its skill is not mastered (to review when its latest two answers were wrong, else to
/// practise again after what is new; an exit ticket is taken once, unless nothing else is open on a skill not yet mastered); an
/// activity whose skills are all mastered is not needed. Usefulness: pinned, assigned,
/// remedial, review, then the least mastered skill weighted by how much of the course rests on it, practice again, enrichment and exit
/// tickets last; ties keep the course's order.
/// </summary>
internal static class PathEngine
{
    /// <summary>How many next activities a path shows by default.</summary>
    public const int DefaultCount = 5;

    /// <summary>The activities to do next, most useful first.</summary>
    /// <param name="plan">The course's compiled plan.</param>
    /// <param name="state">The pupil's state.</param>
    /// <param name="count">How many at most.</param>
    public static ProposedStep[] Next(CompiledPlan plan, PupilState state, int count = DefaultCount)
    {
        var best = new ProposedStep[Math.Max(0, count)];
        var found = 0;
        var threshold = plan.Plan.MasteryThreshold;
        var links = plan.Plan.Activities;
        for (var a = 0; a < links.Length; a++)
        {
            var decision = state.Overrides[a];
            if (decision?.Kind == OverrideKind.Skip || !IsSelected(plan, state, a, decision))
            {
                continue;
            }

            var role = links[a].Role;
            var skills = plan.Skills[a];
            var weakest = Weakest(skills, state.Mastery);
            var mastery = state.Mastery[weakest];
            var set = plan.ChoiceSet[a];
            StepReason reason;
            double usefulness;
            if (decision?.Kind == OverrideKind.Pin)
            {
                (reason, usefulness) = (new StepReason(ReasonKind.Pinned, weakest, -1, -1, mastery, decision.Reason), 1000); // done or not, chosen or not: the teacher wants it
            }
            else if (decision?.Kind == OverrideKind.Assign)
            {
                (reason, usefulness) = (new StepReason(ReasonKind.Assigned, weakest, -1, -1, mastery, decision.Reason), 500);
            }
            else if (state.Done[a] || (set >= 0 && SetDone(plan, state, set)))
            {
                if (role is ActivityRole.ExitTicket or ActivityRole.Enrichment || mastery >= threshold || (set >= 0 && !IsRepresentative(plan, state, set, a)))
                {
                    continue;
                }

                (reason, usefulness) = state.TrailingWrong[weakest] >= 2
                    ? (new StepReason(ReasonKind.Review, weakest, -1, -1, mastery, null), 200 + (1 - mastery))
                    : (new StepReason(ReasonKind.PracticeAgain, weakest, -1, -1, mastery, null), 40 * (1 - mastery)); // after what is new on the skill
            }
            else if (set >= 0 && !IsRepresentative(plan, state, set, a))
            {
                continue;
            }
            else if (plan.Trigger[a] >= 0)
            {
                var trigger = plan.Trigger[a];
                var remedial = role != ActivityRole.Enrichment;
                (reason, usefulness) = (new StepReason(remedial ? ReasonKind.Remedial : ReasonKind.Enrichment, weakest, -1, trigger, state.Score[trigger], null), remedial ? 300 : 20);
            }
            else if (role == ActivityRole.ExitTicket)
            {
                (reason, usefulness) = (new StepReason(ReasonKind.ExitTicket, weakest, -1, -1, mastery, null), 10 + 10 * mastery);
            }
            else if (mastery >= threshold)
            {
                continue; // every skill of it is mastered: not needed
            }
            else
            {
                var needing = NeededBy(plan, state, weakest, threshold);
                reason = new StepReason(needing >= 0 ? ReasonKind.Prerequisite : ReasonKind.NextSkill, weakest, needing, -1, mastery, null);
                usefulness = 100 * (1 - mastery) + 20 * plan.Reach[weakest] + (state.Answers[weakest] == 0 && role == ActivityRole.Learn ? 5 : 0);
            }

            if (IsLocked(plan, state, a, threshold))
            {
                continue;
            }

            Insert(best, ref found, new ProposedStep(a, reason, usefulness));
        }

        if (found == 0)
        {
            // Nothing new is open and a skill is not mastered yet: rather than a dead end, the open activities on it once more,
            // exit tickets included (a pupil who did every activity on a skill without mastering it tries again).
            for (var a = 0; a < links.Length; a++)
            {
                var decision = state.Overrides[a];
                var set = plan.ChoiceSet[a];
                if (decision?.Kind == OverrideKind.Skip || !IsSelected(plan, state, a, decision) || links[a].Role == ActivityRole.Enrichment
                    || (set >= 0 && !IsRepresentative(plan, state, set, a)) || IsLocked(plan, state, a, threshold))
                {
                    continue;
                }

                var weakest = Weakest(plan.Skills[a], state.Mastery);
                var mastery = state.Mastery[weakest];
                if (mastery < threshold)
                {
                    Insert(best, ref found, new ProposedStep(a, new StepReason(ReasonKind.PracticeAgain, weakest, -1, -1, mastery, null), 1 - mastery));
                }
            }
        }

        return found == best.Length ? best : best[..found];
    }

    /// <summary>The activities the pupil cannot do yet, with what unlocks each; those whose trigger's score led elsewhere are not listed.</summary>
    /// <param name="plan">The course's compiled plan.</param>
    /// <param name="state">The pupil's state.</param>
    public static List<(int Activity, UnlockCondition[] Conditions)> Locked(CompiledPlan plan, PupilState state)
    {
        var locked = new List<(int, UnlockCondition[])>();
        var threshold = plan.Plan.MasteryThreshold;
        for (var a = 0; a < plan.Count; a++)
        {
            var decision = state.Overrides[a];
            if (decision?.Kind == OverrideKind.Skip || state.Done[a] || (plan.ChoiceSet[a] >= 0 && SetDone(plan, state, plan.ChoiceSet[a])))
            {
                continue;
            }

            var conditions = new List<UnlockCondition>();
            var trigger = plan.Trigger[a];
            if (trigger >= 0 && decision is null)
            {
                if (double.IsNaN(state.Score[trigger]))
                {
                    conditions.Add(new UnlockCondition(UnlockKind.AfterTrigger, -1, trigger, 0, double.NaN));
                }
                else if (!plan.Plan.Activities[trigger].Ranges[plan.RangeOf[a]].Contains(state.Score[trigger]))
                {
                    continue; // the pupil's score led to another track
                }
            }

            Conditions(plan, state, a, threshold, conditions);
            if (conditions.Count > 0)
            {
                locked.Add((a, [.. conditions]));
            }
        }

        return locked;
    }

    /// <summary>Whether an activity is locked for the pupil now: what an answer to it is checked against.</summary>
    /// <param name="plan">The course's compiled plan.</param>
    /// <param name="state">The pupil's state.</param>
    /// <param name="activity">The activity's position.</param>
    public static UnlockCondition[] WhyLocked(CompiledPlan plan, PupilState state, int activity)
    {
        var conditions = new List<UnlockCondition>();
        var trigger = plan.Trigger[activity];
        if (trigger >= 0 && state.Overrides[activity] is null && double.IsNaN(state.Score[trigger]))
        {
            conditions.Add(new UnlockCondition(UnlockKind.AfterTrigger, -1, trigger, 0, double.NaN));
        }

        Conditions(plan, state, activity, plan.Plan.MasteryThreshold, conditions);
        return [.. conditions];
    }

    /// <summary>What keeps an activity locked: its gate, then its skills' unmastered prerequisites. Without a list to fill, stops at the first (the hot path: no allocation).</summary>
    /// <returns>Whether it is locked.</returns>
    private static bool Conditions(CompiledPlan plan, PupilState state, int a, double threshold, List<UnlockCondition>? conditions)
    {
        var locked = false;
        var gate = plan.Plan.Activities[a].Gate;
        if (plan.GateSkill[a] is var gateSkill and >= 0 && state.Mastery[gateSkill] < gate!.Minimum)
        {
            locked = true;
            conditions?.Add(new UnlockCondition(UnlockKind.MasterSkill, gateSkill, -1, gate.Minimum, state.Mastery[gateSkill]));
        }

        if ((conditions is not null || !locked) && plan.GateActivity[a] is var gateActivity and >= 0 && !(state.Score[gateActivity] >= gate!.Minimum))
        {
            locked = true;
            conditions?.Add(new UnlockCondition(UnlockKind.ScoreOn, -1, gateActivity, gate.Minimum, state.Score[gateActivity]));
        }

        foreach (var p in plan.Waits[a])
        {
            if (locked && conditions is null)
            {
                break;
            }

            if (state.Mastery[p] < threshold)
            {
                locked = true;
                conditions?.Add(new UnlockCondition(UnlockKind.MasterSkill, p, -1, threshold, state.Mastery[p]));
            }
        }

        return locked;
    }

    private static bool IsLocked(CompiledPlan plan, PupilState state, int a, double threshold) => Conditions(plan, state, a, threshold, null);

    /// <summary>A remedial or enrichment activity is selected when its trigger's score fell in its range, or when the teacher pinned or assigned it.</summary>
    private static bool IsSelected(CompiledPlan plan, PupilState state, int a, StepOverride? decision)
    {
        var trigger = plan.Trigger[a];
        if (trigger < 0 || decision is not null)
        {
            return true;
        }

        var score = state.Score[trigger];
        return !double.IsNaN(score) && plan.Plan.Activities[trigger].Ranges[plan.RangeOf[a]].Contains(score);
    }

    /// <summary>The activity that stands for its choice set in a path: the pupil's choice, or else the first done, or else the first of the set.</summary>
    private static bool IsRepresentative(CompiledPlan plan, PupilState state, int set, int a)
    {
        if (state.Chosen[set] >= 0)
        {
            return state.Chosen[set] == a;
        }

        var members = plan.ChoiceMembers[set];
        foreach (var member in members)
        {
            if (state.Done[member])
            {
                return member == a;
            }
        }

        return members[0] == a;
    }

    private static bool SetDone(CompiledPlan plan, PupilState state, int set)
    {
        foreach (var member in plan.ChoiceMembers[set])
        {
            if (state.Done[member])
            {
                return true;
            }
        }

        return false;
    }

    private static int Weakest(int[] skills, double[] mastery)
    {
        var weakest = skills[0];
        for (var i = 1; i < skills.Length; i++)
        {
            if (mastery[skills[i]] < mastery[weakest])
            {
                weakest = skills[i];
            }
        }

        return weakest;
    }

    /// <summary>A skill of the course that needs this one directly and is not mastered, or −1.</summary>
    private static int NeededBy(CompiledPlan plan, PupilState state, int skill, double threshold)
    {
        foreach (var d in plan.Graph.DependentIndexes[skill])
        {
            if (plan.CourseSkill[d] && state.Mastery[d] < threshold)
            {
                return d;
            }
        }

        return -1;
    }

    /// <summary>Keeps the most useful steps in order (usefulness down, then the course's order), inserting one.</summary>
    private static void Insert(ProposedStep[] best, ref int found, ProposedStep step)
    {
        if (best.Length == 0)
        {
            return;
        }

        var at = found;
        while (at > 0 && best[at - 1].Usefulness < step.Usefulness)
        {
            at--;
        }

        if (at >= best.Length)
        {
            return;
        }

        var last = Math.Min(found, best.Length - 1);
        Array.Copy(best, at, best, at + 1, last - at);
        best[at] = step;
        found = Math.Min(found + 1, best.Length);
    }
}
