using Ent.Core.Attendance;
using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.RollCalls;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Attendance;

/// <summary>
/// The attendance plugin's entry point: roll calls of the timetable's sessions, absences and lateness with their reasons and
/// justification, half-days counted from the calendar's boundary, the legal threshold and letters to families, and Ent.Core's
/// absence summary for report cards. Everything is kept in the plugin's documents, written in the platform's units of work.
/// </summary>
public sealed class AttendancePlugin : EntPlugin
{
    /// <inheritdoc />
    public override void ConfigureServices(PluginServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddOptions<AttendanceOptions>(); // from the host's configuration section plugins:ent.attendance, checked at start
        context.Services.AddSingleton<IValidateOptions<AttendanceOptions>, AttendanceOptionsValidator>();
        context.AddAttendanceDocuments();
        context.Services.TryAddSingleton<AttendanceRules>();
        context.Services.TryAddSingleton<AbsenceBook>();
        context.Services.TryAddSingleton<IRollCalls, RollCallService>();
        context.Services.TryAddSingleton<Declarations.IAbsenceDeclarations, Declarations.DeclarationService>();
        context.Services.TryAddSingleton<AttendanceNames>();
        context.Services.TryAddSingleton<FollowUp.IAttendanceFollowUp, FollowUp.FollowUpService>();
        context.Services.TryAddSingleton<Alerts.IAttendanceAlerts, Alerts.AlertService>();
        context.Services.TryAddSingleton<Figures.AbsenceSummary>();
        context.Services.AddSingleton<IAbsenceSummary>(sp => sp.GetRequiredService<Figures.AbsenceSummary>());
        context.Services.TryAddSingleton<Figures.IAttendanceFigures, Figures.FiguresService>();
        context.AddEventHandler<AbsenceRecorded, FamilyNotifier>(); // families told of an unjustified absence the day it is recorded
        context.AddViews("attendance"); // Views/letter; Strings/fr.json and en.json
        context.AddDemoContributor<Demo.AttendanceDemo>();

        context.GrantCapability(Role.Teacher, GrantReach.Scope, AttendanceCapabilities.TakeRollCall)
            .GrantCapability(Role.SchoolStaff, GrantReach.Scope, AttendanceCapabilities.TakeRollCall)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, AttendanceCapabilities.TakeRollCall)
            .GrantCapability(Role.Teacher, GrantReach.Scope, AttendanceCapabilities.ReadAttendance)
            .GrantCapability(Role.SchoolStaff, GrantReach.Scope, AttendanceCapabilities.ReadAttendance)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, AttendanceCapabilities.ReadAttendance)
            .GrantCapability(Role.Learner, GrantReach.Self, AttendanceCapabilities.ReadAttendance)
            .GrantCapability(Role.Parent, GrantReach.Children, AttendanceCapabilities.ReadAttendance)
            .GrantCapability(Role.SchoolStaff, GrantReach.Scope, AttendanceCapabilities.FollowUp)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, AttendanceCapabilities.FollowUp)
            .GrantCapability(Role.SchoolStaff, GrantReach.Scope, AttendanceCapabilities.Declare)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, AttendanceCapabilities.Declare)
            .GrantCapability(Role.Parent, GrantReach.Children, AttendanceCapabilities.Declare)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, AttendanceCapabilities.ViewIndicator)
            .GrantCapability(Role.DepartmentAdmin, GrantReach.Scope, AttendanceCapabilities.ViewIndicator)
            .GrantCapability(Role.Learner, GrantReach.Self, AttendanceCapabilities.OwnRecord)
            .GrantCapability(Role.Parent, GrantReach.Children, AttendanceCapabilities.OwnRecord);
    }
}

/// <summary>Checks the department's attendance options at start.</summary>
internal sealed class AttendanceOptionsValidator : IValidateOptions<AttendanceOptions>
{
    public ValidateOptionsResult Validate(string? name, AttendanceOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
