using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Text;
using Ent.Plugins.PersonalisedLearning.Skills;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>A pupil's mastery of one skill of a course.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="Name">Its name.</param>
/// <param name="Mastery">P(L), from 0 to 1.</param>
/// <param name="Mastered">Whether it reached the course's threshold.</param>
/// <param name="Answers">How many answers it rests on.</param>
public sealed record SkillMastery(SkillId Skill, string Name, double Mastery, bool Mastered, int Answers);

/// <summary>An activity proposed to a pupil, and why.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Its activity kind's id.</param>
/// <param name="Reason">The kind of reason.</param>
/// <param name="Why">The reason, in words a pupil and their teacher understand.</param>
/// <param name="Alternatives">For a choice among equivalent activities: the others the pupil may choose instead; empty otherwise.</param>
public sealed record NextActivity(ActivityId Activity, string Title, string Kind, ReasonKind Reason, LocalizedText Why, ImmutableArray<AlternativeActivity> Alternatives);

/// <summary>An activity a pupil may choose instead of the one proposed, being equivalent to it.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
public sealed record AlternativeActivity(ActivityId Activity, string Title);

/// <summary>An activity the pupil cannot do yet, with what unlocks it.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Unlocks">Each condition still to meet, in words.</param>
public sealed record LockedActivity(ActivityId Activity, string Title, ImmutableArray<LocalizedText> Unlocks);

/// <summary>A pupil's path through a course: what next and why, what is locked and why, what is done, their mastery.</summary>
/// <param name="Course">The course.</param>
/// <param name="CourseTitle">Its title.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="PupilName">Their name.</param>
/// <param name="Threshold">The course's mastery threshold.</param>
/// <param name="Next">The activities to do next, most useful first.</param>
/// <param name="Locked">The locked activities.</param>
/// <param name="Done">The activities done, in the course's order, with their latest score.</param>
/// <param name="Skills">The pupil's mastery of each of the course's skills, each after its prerequisites.</param>
public sealed record LearningPath(CourseId Course, string CourseTitle, PersonId Pupil, string PupilName, double Threshold,
    ImmutableArray<NextActivity> Next, ImmutableArray<LockedActivity> Locked, ImmutableArray<DoneActivity> Done, ImmutableArray<SkillMastery> Skills);

/// <summary>An activity the pupil has done.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Score">The latest score on it, from 0 to 1, or null.</param>
public sealed record DoneActivity(ActivityId Activity, string Title, double? Score);

/// <summary>A pupil's answer or score on an activity.</summary>
/// <param name="Key">What makes it unique for the pupil and the activity (an attempt's id, a question's id): recorded twice, it counts once.</param>
/// <param name="Score">The score, scaled from 0 to 1 (1 or 0 for a question answered right or wrong).</param>
/// <param name="Item">The question (item) of the activity it answers, or null for the whole activity.</param>
public sealed record ActivityAnswer(string Key, double Score, string? Item = null)
{
    /// <summary>The longest key or item, in characters.</summary>
    public const int MaxKeyLength = 100;
}

/// <summary>A teacher's decision on an activity for pupils: pin, skip or assign, with the reason kept.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Kind">Pin, skip or assign.</param>
/// <param name="Reason">Why (1 to 300 characters), shown to the pupil.</param>
/// <param name="Pupils">The pupils, of the course.</param>
/// <param name="Group">The group it is decided for, if it is (its pupils of the course are added to <paramref name="Pupils"/>).</param>
public sealed record PathDecision(ActivityId Activity, OverrideKind Kind, string Reason, ImmutableArray<PersonId> Pupils, GroupId? Group = null)
{
    /// <summary>The longest reason, in characters.</summary>
    public const int MaxReasonLength = 300;
}

/// <summary>One pupil's row of a class's mastery map.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Their name, family name first.</param>
/// <param name="Mastery">Their mastery of each skill of <see cref="ClassMastery.Skills"/>, in that order.</param>
/// <param name="Answers">How many answers each rests on.</param>
/// <param name="Next">The first activity proposed to them, or null when nothing remains.</param>
public sealed record PupilMasteryRow(PersonId Pupil, string Name, ImmutableArray<double> Mastery, ImmutableArray<int> Answers, ActivityId? Next);

/// <summary>A pupil stuck on a skill: several answers, and the latest ones wrong or the mastery still low.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Name">Their name.</param>
/// <param name="Skill">The skill.</param>
/// <param name="SkillName">Its name.</param>
/// <param name="Mastery">Their mastery of it.</param>
/// <param name="Answers">How many answers.</param>
public sealed record StuckPupil(PersonId Pupil, string Name, SkillId Skill, string SkillName, double Mastery, int Answers);

/// <summary>A group suggested for the next lesson: the pupils whose path proposes the same activity first.</summary>
/// <param name="Activity">The activity, or null for pupils with nothing left.</param>
/// <param name="Title">Its title.</param>
/// <param name="Pupils">The pupils.</param>
public sealed record SuggestedGroup(ActivityId? Activity, string Title, ImmutableArray<PersonId> Pupils);

/// <summary>A class's mastery in a course: a skill-by-pupil map, who is stuck where, the groups suggested for the next lesson.</summary>
/// <param name="Course">The course.</param>
/// <param name="CourseTitle">Its title.</param>
/// <param name="Threshold">The course's mastery threshold.</param>
/// <param name="Skills">The course's skills, each after its prerequisites.</param>
/// <param name="Pupils">The pupils enrolled today, by name.</param>
/// <param name="Stuck">Pupils stuck on a skill.</param>
/// <param name="Groups">The suggested groups, largest first.</param>
public sealed record ClassMastery(CourseId Course, string CourseTitle, double Threshold, ImmutableArray<Skill> Skills, ImmutableArray<PupilMasteryRow> Pupils, ImmutableArray<StuckPupil> Stuck, ImmutableArray<SuggestedGroup> Groups);

/// <summary>An answer to an activity the pupil's path keeps locked: refused, naming what unlocks it.</summary>
public sealed class ActivityLockedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is locked and what unlocks it.</param>
    public ActivityLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityLockedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ActivityLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
