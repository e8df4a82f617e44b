using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Plugins.PersonalisedLearning.Udl;

/// <summary>An activity's content: its representations and the means of expression it accepts.</summary>
/// <param name="Course">The course.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Representations">Its representations.</param>
/// <param name="Means">The means of expression it accepts.</param>
internal sealed record ContentDocument(CourseId Course, ActivityId Activity, ImmutableArray<Representation> Representations, ImmutableArray<ExpressionMeans> Means);

/// <summary>A pupil's accessibility profile, as kept.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Profile">The profile.</param>
/// <param name="SetBy">Who set it last.</param>
/// <param name="At">When.</param>
internal sealed record ProfileDocument(PersonId Pupil, AccessibilityProfile Profile, PersonId SetBy, DateTimeOffset At);

/// <summary>A pupil's work handed in on an activity, by one means of expression, and the teacher's evaluation of it.</summary>
/// <param name="Course">The course.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Id">Its id.</param>
/// <param name="Means">How it is expressed.</param>
/// <param name="Text">A written answer, or a note with a file.</param>
/// <param name="Data">A recording, a photo or a drawing.</param>
/// <param name="ContentType">The file's type.</param>
/// <param name="At">When it was handed in.</param>
/// <param name="Score">The teacher's evaluation, scaled from 0 to 1, once given.</param>
/// <param name="Comment">The teacher's comment.</param>
internal sealed record SubmissionDocument(CourseId Course, ActivityId Activity, PersonId Pupil, Guid Id, ExpressionMeans Means, string? Text, byte[]? Data, string? ContentType, DateTimeOffset At, double? Score, string? Comment);
