using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.FlippedClassroom.Reminders;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Pages;
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
        context.Services.TryAddSingleton<SessionLocator>();
        context.Services.TryAddSingleton<PreparationReminders>();
        context.Services.TryAddSingleton<GroupLevels>(); // takes IEnumerable<IClassMastery>: the personalised-learning plugin's, when it is there
        context.Services.TryAddSingleton<IFlippedSessions, FlippedSessionService>();
        context.AddRecurringTask<ReminderTask>(ReminderTask.Every); // pupils who have not prepared reminded before the deadline, on their own

        context.GrantCapability(Role.Teacher, GrantReach.Scope, FlippedCapabilities.Plan)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, FlippedCapabilities.Plan)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, FlippedCapabilities.ViewSchool)
            .GrantCapability(Role.Learner, GrantReach.Self, FlippedCapabilities.Prepare);

        // Pages, served by any web host: the teacher's sessions, editor, plan, live readiness and printable groups; the head's week;
        // the pupil's "to prepare" list, session and resources. Each operation behind them checks its own target.
        context.Services.TryAddSingleton<Pages.FlippedText>();
        context.AddViews("flipped"); // Views/pages; Strings/fr.json and en.json
        context.AddDemoContributor<Demo.FlippedDemo>();
        context.AddPage<Pages.MySessionsPage>(Pages.MySessionsPage.Route, FlippedCapabilities.Plan, new PageNavigation("flipped", "nav.sessions", 14))
            .AddPage<Pages.SessionEditorPage>("flipped/edit/{date}/{session}", FlippedCapabilities.Plan)
            .AddPage<Pages.SessionPlanPage>("flipped/sessions/{course}/{session}", FlippedCapabilities.Plan)
            .AddPage<Pages.LivePage>("flipped/sessions/{course}/{session}/live", FlippedCapabilities.Plan)
            .AddPage<Pages.GroupsPrintPage>("flipped/sessions/{course}/{session}/groups", FlippedCapabilities.Plan)
            .AddPage<Pages.WeekPage>(Pages.WeekPage.Route, FlippedCapabilities.ViewSchool, new PageNavigation("flipped", "nav.week", 16))
            .AddPage<Pages.ToPreparePage>(Pages.ToPreparePage.Route, FlippedCapabilities.Prepare, new PageNavigation("flipped", "nav.to-prepare", 21))
            .AddPage<Pages.PreparePage>("flipped/prepare/{course}/{session}", FlippedCapabilities.Prepare)
            .AddPage<Pages.ResourcePage>("flipped/prepare/{course}/{session}/resources/{resource}", FlippedCapabilities.Prepare);
    }
}
