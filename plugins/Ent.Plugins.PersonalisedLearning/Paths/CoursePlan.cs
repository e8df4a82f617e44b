using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>What an activity is for in a path.</summary>
public enum ActivityRole
{
    /// <summary>Discovers a skill: a lesson, a video, a first exercise.</summary>
    Learn,

    /// <summary>Practises a skill.</summary>
    Practice,

    /// <summary>Goes over a skill again, for pupils whose score on a trigger fell in its range.</summary>
    Remedial,

    /// <summary>Goes further, for pupils whose score on a trigger fell in its range.</summary>
    Enrichment,

    /// <summary>A short check at the end of a lesson (ticket de sortie): answered once, it triggers the remedial or enrichment track.</summary>
    ExitTicket,
}

/// <summary>
/// A gate: an activity stays locked until the pupil masters a skill to a level, or scores at least so much on another activity.
/// Enforced: an answer to a locked activity is refused.
/// </summary>
/// <param name="Skill">The skill to master, for a mastery gate.</param>
/// <param name="Activity">The activity to score on, for a score gate.</param>
/// <param name="Minimum">The least mastery or score, from 0 to 1 (0.8: 80 %).</param>
public sealed record ActivityGate(SkillId? Skill, ActivityId? Activity, double Minimum)
{
    /// <summary>A gate on a skill's mastery.</summary>
    /// <param name="skill">The skill.</param>
    /// <param name="minimum">The least mastery, from 0 to 1.</param>
    public static ActivityGate OnMastery(SkillId skill, double minimum) => new(skill, null, minimum);

    /// <summary>A gate on the score of another activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="minimum">The least score, scaled from 0 to 1.</param>
    public static ActivityGate OnScore(ActivityId activity, double minimum) => new(null, activity, minimum);
}

/// <summary>
/// A range of scores on a trigger activity and the activities it leads to, as in Canvas's Mastery Paths: a pupil whose score
/// (scaled from 0 to 1) is at least <paramref name="Lower"/> and below <paramref name="Upper"/> (or equal to it when it is 1) gets them.
/// </summary>
/// <param name="Lower">The lowest score of the range.</param>
/// <param name="Upper">The score the range stops below (1 includes a full score).</param>
/// <param name="Activities">The activities the range leads to; several of them are done in order.</param>
public sealed record ScoreRange(double Lower, double Upper, ImmutableArray<ActivityId> Activities)
{
    /// <summary>Whether a score falls in the range.</summary>
    /// <param name="score">The score, scaled from 0 to 1.</param>
    public bool Contains(double score) => score >= Lower && (score < Upper || (Upper >= 1 && score <= 1));
}

/// <summary>How an activity of a course takes part in paths.</summary>
/// <param name="Activity">The activity, of the course.</param>
/// <param name="Skills">The skills it works on or assesses; its answers are evidence for each.</param>
/// <param name="Role">What it is for.</param>
/// <param name="Choice">
/// The name of a set of equivalent activities the pupil chooses among (the same name on each), or null: one of them done is enough.
/// </param>
/// <param name="Gate">What unlocks it, besides its skills' prerequisites; null when nothing else.</param>
/// <param name="Ranges">For a trigger (an exit ticket, a test): the ranges of scores and where they lead; empty otherwise.</param>
/// <param name="PassScore">The least score, scaled from 0 to 1, that counts as a right answer for mastery; 0.5 by default.</param>
public sealed record ActivityLink(ActivityId Activity, ImmutableArray<SkillId> Skills, ActivityRole Role, string? Choice, ActivityGate? Gate, ImmutableArray<ScoreRange> Ranges, double PassScore = 0.5)
{
    /// <summary>An activity that works on skills, with no gate nor range.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="role">What it is for.</param>
    /// <param name="skills">Its skills.</param>
    public static ActivityLink For(ActivityId activity, ActivityRole role, params SkillId[] skills) => new(activity, [.. skills], role, null, null, []);
}

/// <summary>
/// An assessment of the grading plugin linked to skills: each pupil's mark on it is evidence for each skill (right from the pass score).
/// </summary>
/// <param name="Assessment">The assessment's id in the gradebook.</param>
/// <param name="Title">Its title, as the gradebook gave it.</param>
/// <param name="Skills">The skills it assesses.</param>
/// <param name="PassScore">The least mark, scaled from 0 to 1, that counts as a right answer; 0.5 (10/20) by default.</param>
public sealed record AssessmentLink(Guid Assessment, string Title, ImmutableArray<SkillId> Skills, double PassScore = 0.5);

/// <summary>A course's plan: which of the school's skills its activities and assessments work on, and how paths go through them.</summary>
/// <param name="Course">The course.</param>
/// <param name="MasteryThreshold">The mastery from which a skill counts as mastered in this course: 0.95 by default.</param>
/// <param name="Activities">Its activities' links, in the course's order.</param>
/// <param name="Assessments">Its linked assessments.</param>
public sealed record CoursePlan(CourseId Course, double MasteryThreshold, ImmutableArray<ActivityLink> Activities, ImmutableArray<AssessmentLink> Assessments)
{
    /// <summary>The threshold of mastery learning's literature.</summary>
    public const double DefaultMasteryThreshold = 0.95;

    /// <summary>The most activities a plan links.</summary>
    public const int MaxActivities = 2_000;

    /// <summary>An empty plan for a course.</summary>
    /// <param name="course">The course.</param>
    public static CoursePlan Empty(CourseId course) => new(course, DefaultMasteryThreshold, [], []);

    /// <summary>The link of an activity, or null.</summary>
    /// <param name="activity">The activity.</param>
    public ActivityLink? LinkOf(ActivityId activity) => Activities.FirstOrDefault(a => a.Activity == activity);
}
