using Ent.Core.Identifiers;

namespace Ent.Samples.PrepareFirst;

/// <summary>What a learner prepared for a course's sessions, as the plugin keeps it: one document per learner and course.</summary>
/// <param name="Course">The course.</param>
/// <param name="Learner">The learner.</param>
/// <param name="Completed">How many of the course's activities the learner completed.</param>
/// <param name="LatestScore">The latest score (0..1) the learner had on a scored activity, if any.</param>
/// <param name="LastActivityAt">When the learner last completed one.</param>
public sealed record LearnerPreparation(CourseId Course, PersonId Learner, int Completed, decimal? LatestScore, DateTimeOffset LastActivityAt);
