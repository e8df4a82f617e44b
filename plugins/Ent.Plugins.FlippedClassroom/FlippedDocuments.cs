using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Plugins;

namespace Ent.Plugins.FlippedClassroom;

/// <summary>The flipped-classroom plugin's documents, their keys and the indexes its reads use.</summary>
internal static class FlippedDocuments
{
    public static PluginServiceContext AddFlippedDocuments(this PluginServiceContext context) => context
        // A flipped session by its timetable session (read for a week's sessions at once), a course's (its teacher's list, a pupil's to-prepare list).
        .AddDocuments<FlippedSessionDocument>("sessions", d => d.Key(s => s.Session).Index(s => s.Course))
        // A session's answers, read whole (the plan) or one pupil's.
        .AddDocuments<AnswerSheetDocument>("answers", d => d.Key(a => new { a.Session, a.Part, a.Pupil }))
        .AddDocuments<ResourceTimeDocument>("resource-times", d => d.Key(r => new { r.Session, r.Pupil, r.Resource }));
}
