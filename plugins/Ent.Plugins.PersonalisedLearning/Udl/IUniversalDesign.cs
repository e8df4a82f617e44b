using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Sdk.Content;

namespace Ent.Plugins.PersonalisedLearning.Udl;

/// <summary>A representation of a content item, as listed beside the one shown.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Language">Its language, for a translation.</param>
public sealed record RepresentationSummary(Guid Id, RepresentationKind Kind, string? Language);

/// <summary>An activity's content as one pupil gets it: the representation their profile selects (or the one they picked), the others, what they may answer with.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Shown">The representation shown, or null when the activity has none.</param>
/// <param name="Html">The shown representation's Markdown as safe HTML (its text, transcript or description), or null.</param>
/// <param name="Others">The other representations, to switch to.</param>
/// <param name="Profile">The pupil's accessibility profile, for the display.</param>
/// <param name="Means">The means of expression the activity accepts.</param>
/// <param name="Submissions">The pupil's work handed in on it, newest first.</param>
public sealed record ContentView(ActivityId Activity, string Title, Representation? Shown, string? Html, ImmutableArray<RepresentationSummary> Others, AccessibilityProfile Profile,
    ImmutableArray<ExpressionMeans> Means, ImmutableArray<SubmissionView> Submissions);

/// <summary>An activity's content as its teachers edit it.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Representations">Its representations, by kind.</param>
/// <param name="Means">The means of expression it accepts.</param>
public sealed record ActivityContent(ActivityId Activity, string Title, ImmutableArray<Representation> Representations, ImmutableArray<ExpressionMeans> Means);

/// <summary>Work handed in, as listed.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="PupilName">Their name.</param>
/// <param name="Means">How it is expressed.</param>
/// <param name="Text">The written answer or the note.</param>
/// <param name="ContentType">The type of its file, or null.</param>
/// <param name="Data">Its file, when read one by one (<see cref="IUniversalDesign.SubmissionAsync"/>); null in lists.</param>
/// <param name="At">When it was handed in.</param>
/// <param name="Score">The teacher's evaluation, once given.</param>
/// <param name="Comment">The teacher's comment.</param>
public sealed record SubmissionView(Guid Id, PersonId Pupil, string PupilName, ExpressionMeans Means, string? Text, string? ContentType, byte[]? Data, DateTimeOffset At, double? Score, string? Comment);

/// <summary>Work as a pupil hands it in.</summary>
/// <param name="Means">How it is expressed.</param>
/// <param name="Text">A written answer (required when written), or a note.</param>
/// <param name="Data">A recording, a photo or a drawing (required otherwise).</param>
/// <param name="ContentType">The file's type.</param>
public sealed record SubmissionDraft(ExpressionMeans Means, string? Text, byte[]? Data = null, string? ContentType = null);

/// <summary>A representation some pupils of the course need and an activity lacks.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Need">What is missing: <c>translation:uk</c>, <c>audio</c>, <c>simplified</c>.</param>
/// <param name="Pupils">How many pupils of the course need it (their names are not shown: a profile is the pupil's).</param>
public sealed record MissingAlternative(ActivityId Activity, string Title, string Need, int Pupils);

/// <summary>An accessibility warning on the course's content.</summary>
/// <param name="Activity">The activity whose representation it is in, or null for a sequence's content.</param>
/// <param name="Where">Where: the sequence's or the activity's title and the representation's kind.</param>
/// <param name="Warning">The warning.</param>
public sealed record ContentWarningAt(ActivityId? Activity, string Where, ContentWarning Warning);

/// <summary>A course's accessibility: the alternatives its pupils need and lack, the activities without content, the warnings on its content.</summary>
/// <param name="Course">The course.</param>
/// <param name="CourseTitle">Its title.</param>
/// <param name="Missing">The missing alternatives, activity by activity.</param>
/// <param name="WithoutContent">The activities that have no representation yet.</param>
/// <param name="Warnings">The accessibility warnings on its sequences' and activities' Markdown.</param>
public sealed record AccessibilityReport(CourseId Course, string CourseTitle, ImmutableArray<MissingAlternative> Missing, ImmutableArray<ActivityId> WithoutContent, ImmutableArray<ContentWarningAt> Warnings);

/// <summary>
/// Universal Design for Learning in courses: content items in several representations, the pupil's accessibility profile choosing
/// among them, several means of expression for the same task with the same evaluation, and each course's accessibility report.
/// Each operation checks the actor's rights and the plugin's enablement.
/// </summary>
public interface IUniversalDesign
{
    /// <summary>An activity's content as a pupil gets it: the pupil, a parent of theirs, the course's teachers and the head of school.</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="representation">A representation the pupil picked instead of their profile's; null for the profile's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ContentView> ContentOfAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, Guid? representation = null, CancellationToken cancellationToken = default);

    /// <summary>An activity's content as its teachers edit it: every representation and the means accepted.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity, of the course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ActivityContent> ContentToEditAsync(Actor actor, CourseId course, ActivityId activity, CancellationToken cancellationToken = default);

    /// <summary>Adds a representation to an activity's content, or replaces the one of the same kind and language: the course's teachers.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity, of the course.</param>
    /// <param name="draft">The representation.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <exception cref="ArgumentException">A text is missing or too long, a link is not https, a file is too large or of another type, a video has no WebVTT captions, a translation no language; the message names it.</exception>
    Task<Representation> SaveRepresentationAsync(Actor actor, CourseId course, ActivityId activity, RepresentationDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Removes a representation.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="representation">The representation.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <returns>Whether there was one to remove.</returns>
    Task<bool> RemoveRepresentationAsync(Actor actor, CourseId course, ActivityId activity, Guid representation, CancellationToken cancellationToken = default);

    /// <summary>Sets the means of expression an activity accepts (at least one): the course's teachers.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="means">The means.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    Task SetMeansAsync(Actor actor, CourseId course, ActivityId activity, IReadOnlyCollection<ExpressionMeans> means, CancellationToken cancellationToken = default);

    /// <summary>The course's accessibility report: for its teachers and the head of school.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<AccessibilityReport> ReportOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>A pupil's accessibility profile: the pupil, a parent of theirs, the school's staff and head.</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="pupil">The pupil, enrolled in a class today.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<AccessibilityProfile> ProfileOfAsync(Actor actor, PersonId pupil, CancellationToken cancellationToken = default);

    /// <summary>Sets a pupil's accessibility profile: the pupil, a parent of theirs, the school's staff and head.</summary>
    /// <param name="actor">Who sets it.</param>
    /// <param name="pupil">The pupil, enrolled in a class today.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <exception cref="ArgumentException">The language is not a language code; the message names it.</exception>
    Task SetProfileAsync(Actor actor, PersonId pupil, AccessibilityProfile profile, CancellationToken cancellationToken = default);

    /// <summary>Hands in a pupil's work on an activity by one of its means of expression: the pupil, or a teacher for them.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="draft">The work.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <exception cref="ArgumentException">The means is not accepted, the text or the file is missing, too large or of another type; the message names it.</exception>
    /// <exception cref="Paths.ActivityLockedException">The pupil's path keeps the activity locked.</exception>
    Task<SubmissionView> SubmitAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, SubmissionDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The work handed in on an activity, newest first, without the files: the course's teachers and the head of school.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<SubmissionView>> SubmissionsOfAsync(Actor actor, CourseId course, ActivityId activity, CancellationToken cancellationToken = default);

    /// <summary>One piece of work with its file: the pupil, a parent of theirs, the course's teachers and the head of school.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="submission">The work.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SubmissionView?> SubmissionAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, Guid submission, CancellationToken cancellationToken = default);

    /// <summary>
    /// Evaluates a piece of work: the course's teachers. The score is evidence for the activity's skills as any answer is, whatever
    /// the means it was expressed by; evaluated again, it replaces the first evaluation.
    /// </summary>
    /// <param name="actor">The teacher.</param>
    /// <param name="course">The course.</param>
    /// <param name="activity">The activity, linked in the plan.</param>
    /// <param name="pupil">The pupil.</param>
    /// <param name="submission">The work.</param>
    /// <param name="score">The score, scaled from 0 to 1.</param>
    /// <param name="comment">A comment, or null.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    Task<SubmissionView> EvaluateAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, Guid submission, double score, string? comment, CancellationToken cancellationToken = default);
}
