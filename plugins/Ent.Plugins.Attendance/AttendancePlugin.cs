using Ent.Core.Attendance;
using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Plugins.Attendance.Absences;
using Ent.Plugins.Attendance.RollCalls;
using Ent.Sdk.Pages;
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
        context.Services.TryAddSingleton<Alerts.AlertService>();
        context.Services.TryAddSingleton<Alerts.IAttendanceAlerts>(sp => sp.GetRequiredService<Alerts.AlertService>());
        context.Services.TryAddSingleton<Pages.AttendanceText>();
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

        // Pages, served by any web host: the teacher's roll calls (made for a phone), the CPE's day, a pupil's record and the
        // family's declaration, the alerts and their letters, the absenteeism indicator. Each operation behind them checks its own target.
        context.AddPage<Pages.RollCallsPage>(Pages.RollCallsPage.Route, AttendanceCapabilities.TakeRollCall, new PageNavigation("attendance", "nav.roll-call", 5))
            .AddPage<Pages.RollCallPage>("attendance/roll-call/{school}/{date}/{session}", AttendanceCapabilities.TakeRollCall)
            .AddPage<Pages.FollowUpPage>(Pages.FollowUpPage.Route, AttendanceCapabilities.FollowUp, new PageNavigation("attendance", "nav.follow-up", 6))
            .AddPage<Pages.ThresholdsPage>(Pages.ThresholdsPage.Route, AttendanceCapabilities.FollowUp)
            .AddPage<Pages.JustifyPage>("attendance/follow-up/pupils/{pupil}/{date}", AttendanceCapabilities.FollowUp)
            .AddPage<Pages.DeclarationReviewPage>("attendance/declarations/{pupil}/{declaration}", AttendanceCapabilities.ReadAttendance)
            .AddPage<Pages.ProofPage>("attendance/declarations/{pupil}/{declaration}/proof", AttendanceCapabilities.ReadAttendance)
            .AddPage<Pages.AlertPage>("attendance/alerts/{pupil}/{month}/{kind}", AttendanceCapabilities.FollowUp)
            .AddPage<Pages.MyAttendancePage>(Pages.MyAttendancePage.Route, AttendanceCapabilities.OwnRecord, new PageNavigation("attendance", "nav.me", 25))
            .AddPage<Pages.PupilPage>("attendance/pupils/{pupil}", AttendanceCapabilities.ReadAttendance)
            .AddPage<Pages.DeclarePage>("attendance/pupils/{pupil}/declare", AttendanceCapabilities.Declare)
            .AddDepartmentPage<Pages.IndicatorPage>(Pages.IndicatorPage.Route, AttendanceCapabilities.ViewIndicator, new PageNavigation("attendance", "nav.indicator", 60))
            .AddDepartmentPage<Pages.IndicatorCsvPage>(Pages.IndicatorCsvPage.Route, AttendanceCapabilities.ViewIndicator);
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
