using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.Sdk.Plugins;

namespace Ent.Plugins.PersonalisedLearning;

/// <summary>The personalised-learning plugin's documents, their keys and the indexes its reads use.</summary>
internal static class LearningDocuments
{
    public static PluginServiceContext AddLearningDocuments(this PluginServiceContext context) => context
        // A school's skills, read whole to check the graph; a course's plan, and the plans of a school (a fit over the school).
        .AddDocuments<SkillDocument>("skills", d => d.Key(s => new { s.School, s.Id }))
        .AddDocuments<CoursePlanDocument>("course-plans", d => d.Key(p => p.Course).Index(p => p.School))
        // A course's evidence, read by pupil (their path) or whole (the class's map, a fit); the key makes recording idempotent.
        .AddDocuments<EvidenceDocument>("evidence", d => d.Key(e => new { e.Course, e.Pupil, e.Key }))
        .AddDocuments<OverrideDocument>("overrides", d => d.Key(o => new { o.Course, o.Pupil, o.Activity }))
        .AddDocuments<ChoiceDocument>("choices", d => d.Key(c => new { c.Course, c.Pupil, c.Choice }))
        // Universal Design for Learning: an activity's representations, a pupil's profile, the work handed in (read by activity, or one pupil's).
        .AddDocuments<ContentDocument>("contents", d => d.Key(c => new { c.Course, c.Activity }))
        .AddDocuments<ProfileDocument>("profiles", d => d.Key(p => p.Pupil))
        .AddDocuments<SubmissionDocument>("submissions", d => d.Key(s => new { s.Course, s.Activity, s.Pupil, s.Id }));
}
