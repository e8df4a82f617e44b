using Ent.Core.Identifiers;

namespace Ent.Plugins.PersonalisedLearning.Evidence;

/// <summary>Where a piece of evidence came from.</summary>
public enum EvidenceSource
{
    /// <summary>An answer or a score on an activity of the course, recorded through the plugin or Ent.Core's learner records.</summary>
    Activity,

    /// <summary>A mark on an assessment of the grading plugin.</summary>
    Assessment,
}

/// <summary>
/// One piece of evidence of a pupil's learning in a course, kept as it arrived: a score on an activity (or on one item of it, a quiz
/// answer) or a mark on an assessment. Its key makes it idempotent: the same evidence recorded twice is kept once, and recorded again
/// with another score (a corrected mark) replaces the first. Mastery is traced from all of a pupil's evidence, oldest first, with the
/// plan's links: evidence on an activity or an assessment linked later counts from then on.
/// </summary>
/// <param name="Course">The course.</param>
/// <param name="Pupil">The pupil.</param>
/// <param name="Key">What makes it unique in the pupil's course (<c>activity:&lt;id&gt;:&lt;key&gt;</c>, <c>grading:&lt;assessment&gt;</c>…).</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Activity">The activity, for evidence on an activity.</param>
/// <param name="Assessment">The assessment, for a mark.</param>
/// <param name="Item">The item of the activity (a quiz's question), or null for the whole activity.</param>
/// <param name="Score">The score, scaled from 0 to 1.</param>
/// <param name="At">When it was obtained.</param>
/// <param name="RecordedBy">Who recorded it.</param>
internal sealed record EvidenceDocument(CourseId Course, PersonId Pupil, string Key, EvidenceSource Source, ActivityId? Activity, Guid? Assessment, string? Item, double Score, DateTimeOffset At, PersonId RecordedBy);
