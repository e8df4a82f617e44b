using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.FlippedClassroom.Reminders;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.FlippedClassroom;

/// <summary>
/// The flipped-classroom plugin's entry point: flipped sessions attached to the timetable's sessions, with resources and a readiness
/// check before class (Just-in-Time Teaching), the teacher's plan from the class's answers (peer instruction's thresholds), groups
/// from mastery (the personalised-learning plugin, when it is on) or readiness, reminders to pupils, and an exit ticket after class.
/// </summary>
public sealed class FlippedClassroomPlugin : EntPlugin
{
    /// <inheritdoc />
    public override void ConfigureServices(PluginServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddFlippedDocuments();
        context.Services.TryAddSingleton<FlippedNames>();
        context.Services.TryAddSingleton<SessionLocator>();
        context.Services.TryAddSingleton<PreparationReminders>();
        context.Services.TryAddSingleton<GroupLevels>(); // takes IEnumerable<IClassMastery>: the personalised-learning plugin's, when it is there
        context.Services.TryAddSingleton<IFlippedSessions, FlippedSessionService>();

        context.GrantCapability(Role.Teacher, GrantReach.Scope, FlippedCapabilities.Plan)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, FlippedCapabilities.Plan)
            .GrantCapability(Role.Learner, GrantReach.Self, FlippedCapabilities.Prepare);
    }
}
