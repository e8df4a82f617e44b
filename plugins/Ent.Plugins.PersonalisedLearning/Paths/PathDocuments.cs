using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>A course's plan as it is kept.</summary>
/// <param name="Course">The course.</param>
/// <param name="School">Its school.</param>
/// <param name="MasteryThreshold">Its mastery threshold.</param>
/// <param name="Activities">Its activities' links.</param>
/// <param name="Assessments">Its linked assessments.</param>
internal sealed record CoursePlanDocument(CourseId Course, SchoolId School, double MasteryThreshold, ImmutableArray<ActivityLink> Activities, ImmutableArray<AssessmentLink> Assessments)
{
    public CoursePlan ToPlan() => new(Course, MasteryThreshold, Activities, Assessments);
}

/// <summary>A teacher's decision for a pupil and an activity, with its reason.</summary>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Kind">Pin, skip or assign.</param>
/// <param name="Reason">Why (kept, shown to the pupil).</param>
/// <param name="Group">The group it was decided for, when it was decided for a group.</param>
/// <param name="By">The teacher.</param>
/// <param name="At">When.</param>
internal sealed record OverrideDocument(CourseId Course, PersonId Pupil, ActivityId Activity, OverrideKind Kind, string Reason, GroupId? Group, PersonId By, DateTimeOffset At);

/// <summary>A pupil's choice among equivalent activities.</summary>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Choice">The name of the set of equivalent activities.</param>
/// <param name="Activity">The activity chosen.</param>
/// <param name="At">When.</param>
internal sealed record ChoiceDocument(CourseId Course, PersonId Pupil, string Choice, ActivityId Activity, DateTimeOffset At);
