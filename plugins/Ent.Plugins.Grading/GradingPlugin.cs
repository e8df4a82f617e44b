using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Pages;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Grading;

/// <summary>
/// The grading plugin's entry point: the gradebook (assessments, marks and their history in the plugin's own
/// documents, rights granted to roles), and the calculation rules (French averages, and a set compatible
/// with Moodle's aggregation methods) as an extension point that other plugins may add to.
/// </summary>
public sealed class GradingPlugin : EntPlugin
{
    /// <inheritdoc />
    public override void ConfigureServices(PluginServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddSingleton<IGradeAggregation>(new FrenchAverage(FrenchAverageMode.NormalizedTo20));
        context.Services.AddSingleton<IGradeAggregation>(new FrenchAverage(FrenchAverageMode.SumOfScales));
        foreach (var method in Enum.GetValues<MoodleMethod>())
        {
            for (var version = 1; version <= MoodleAggregation.LatestVersion; version++)
            {
                context.Services.AddSingleton<IGradeAggregation>(new MoodleAggregation(method, null, version)); // every version: closed periods keep theirs
            }
        }

        context.Services.TryAddSingleton<GradeAggregations>();
        context.AddOptions<GradingOptions>(); // from the host's configuration section plugins:ent.grading, checked at start
        context.Services.AddSingleton<IValidateOptions<GradingOptions>, GradingOptionsValidator>();
        context.AddGradingDocuments();
        context.Services.TryAddSingleton<IGradebook, GradebookService>();
        context.Services.TryAddSingleton<Contracts.IGradedAssessments, GradedAssessments>(); // its published contracts: other plugins read marks through it
        context.Services.TryAddSingleton<IReportCards, ReportCardService>();
        context.Services.TryAddSingleton<History.IMarkHistoryView, History.MarkHistoryView>();
        context.Services.TryAddSingleton<Periods.ClassPeriods>();
        context.Services.TryAddSingleton<Periods.ITermClose, Periods.TermClose>();
        context.AddViews("grading"); // Views/report-card, class-council, mark-history; Strings/fr.json and en.json
        context.AddDemoContributor<Demo.GradingDemo>();
        context.GrantCapability(Role.Teacher, GrantReach.Scope, GradingCapabilities.WriteMarks)
            .GrantCapability(Role.Teacher, GrantReach.Scope, GradingCapabilities.ReadMarks)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, GradingCapabilities.WriteMarks)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, GradingCapabilities.ReadMarks)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, GradingCapabilities.ClosePeriods)
            .GrantCapability(Role.Teacher, GrantReach.Scope, GradingCapabilities.ViewStatistics)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, GradingCapabilities.ViewStatistics)
            .GrantCapability(Role.Learner, GrantReach.Scope, GradingCapabilities.ViewStatistics)
            .GrantCapability(Role.Parent, GrantReach.Scope, GradingCapabilities.ViewStatistics)
            .GrantCapability(Role.Learner, GrantReach.Self, GradingCapabilities.ReadMarks)
            .GrantCapability(Role.Parent, GrantReach.Children, GradingCapabilities.ReadMarks)
            .GrantCapability(Role.Learner, GrantReach.Self, GradingCapabilities.OwnMarks)
            .GrantCapability(Role.Parent, GrantReach.Children, GradingCapabilities.OwnMarks);

        // Pages, served by any web host: the teacher's courses and gradebooks, a pupil's marks, report card and history,
        // the head of school's class councils. Each operation behind them checks its own target.
        context.AddPage<Pages.CoursesPage>(Pages.CoursesPage.Route, GradingCapabilities.WriteMarks, new PageNavigation("grading", "nav.courses", 10))
            .AddPage<Pages.CoursePage>("grading/courses/{course}", GradingCapabilities.WriteMarks)
            .AddPage<Pages.GradebookPage>("grading/courses/{course}/assessments/{assessment}", GradingCapabilities.WriteMarks)
            .AddPage<Pages.StatisticsEndpoint>("grading/api/courses/{course}/assessments/{assessment}/statistics", GradingCapabilities.ViewStatistics)
            .AddPage<Pages.MyMarksPage>(Pages.MyMarksPage.Route, GradingCapabilities.OwnMarks, new PageNavigation("grading", "nav.marks", 20))
            .AddPage<Pages.PupilMarksPage>("grading/pupils/{pupil}", GradingCapabilities.ReadMarks)
            .AddPage<Pages.ReportCardPage>("grading/report-cards/{class}/{period}/{pupil}", GradingCapabilities.ReadMarks)
            .AddPage<Pages.HistoryPage>("grading/history/{course}/{pupil}", GradingCapabilities.ReadMarks)
            .AddPage<Pages.CouncilsPage>(Pages.CouncilsPage.Route, GradingCapabilities.ClosePeriods, new PageNavigation("grading", "nav.councils", 30))
            .AddPage<Pages.CouncilPage>("grading/councils/{class}/{period}", GradingCapabilities.WriteMarks);
    }
}

/// <summary>Checks the department's grading options against the rules the host knows, at start.</summary>
internal sealed class GradingOptionsValidator(GradeAggregations rules) : IValidateOptions<GradingOptions>
{
    public ValidateOptionsResult Validate(string? name, GradingOptions options)
    {
        var problems = options.Validate(rules);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
