using Ent.Core.Access;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Sdk.Pages;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.PersonalisedLearning;

/// <summary>
/// The personalised-learning plugin's entry point: a skill graph per school shared by its courses, mastery per pupil traced with
/// Bayesian Knowledge Tracing from the evidence as it arrives, parameters fitted by expectation-maximisation, and for each pupil a
/// path through each course, explained step by step, with gates, remedial and enrichment tracks and the teacher's decisions.
/// </summary>
public sealed class PersonalisedLearningPlugin : EntPlugin
{
    /// <inheritdoc />
    public override void ConfigureServices(PluginServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddLearningDocuments();
        context.Services.TryAddSingleton<PathService>();
        context.Services.TryAddSingleton<ILearningPaths>(sp => sp.GetRequiredService<PathService>());
        context.Services.TryAddSingleton<ISkillMaps, SkillMapService>();
        context.Services.TryAddSingleton<Contracts.IClassMastery, ClassMasteryLevels>(); // its published contracts: other plugins read mastery through it
        context.Services.TryAddSingleton<Udl.IUniversalDesign, Udl.UniversalDesignService>();
        context.AddStrategy<Strategy.PersonalisedPathStrategy>(); // its paths, seen by hosts and other plugins through Ent.Core's IPedagogicalStrategy
        context.AddEventHandler<MarkChanged, EvidenceHandlers>() // the grading plugin's marks, when it is there
            .AddEventHandler<ActivityProgressRecorded, EvidenceHandlers>(); // scores recorded in Ent.Core's learner records

        context.GrantCapability(Role.Learner, GrantReach.Self, LearningCapabilities.ReadPath)
            .GrantCapability(Role.Parent, GrantReach.Children, LearningCapabilities.ReadPath)
            .GrantCapability(Role.Teacher, GrantReach.Scope, LearningCapabilities.ReadPath)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, LearningCapabilities.ReadPath)
            .GrantCapability(Role.Learner, GrantReach.Self, LearningCapabilities.WorkPath)
            .GrantCapability(Role.Teacher, GrantReach.Scope, LearningCapabilities.WorkPath)
            .GrantCapability(Role.Teacher, GrantReach.Scope, LearningCapabilities.ViewClass)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, LearningCapabilities.ViewClass)
            .GrantCapability(Role.Teacher, GrantReach.Scope, LearningCapabilities.Design)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, LearningCapabilities.Design)
            .GrantCapability(Role.Learner, GrantReach.Self, LearningCapabilities.SetProfile)
            .GrantCapability(Role.Parent, GrantReach.Children, LearningCapabilities.SetProfile)
            .GrantCapability(Role.SchoolStaff, GrantReach.Scope, LearningCapabilities.SetProfile)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, LearningCapabilities.SetProfile)
            .GrantCapability(Role.Learner, GrantReach.Self, LearningCapabilities.OwnPath)
            .GrantCapability(Role.Parent, GrantReach.Children, LearningCapabilities.OwnPath);

        // Pages, served by any web host: the pupil's paths and content, the teacher's class map, skill map, content editor and
        // accessibility report, the profile. Each operation behind them checks its own target.
        context.Services.TryAddSingleton<Pages.LearningText>();
        context.AddViews("learning"); // Views/pages; Strings/fr.json and en.json
        context.AddDemoContributor<Demo.LearningDemo>();
        context.AddPage<Pages.MyPathsPage>(Pages.MyPathsPage.Route, LearningCapabilities.OwnPath, new PageNavigation("learning", "nav.me", 22))
            .AddPage<Pages.PupilPathPage>("learning/paths/{course}/{pupil}", LearningCapabilities.ReadPath)
            .AddPage<Pages.ContentPage>("learning/content/{course}/{activity}/{pupil}", LearningCapabilities.ReadPath)
            .AddPage<Pages.RepresentationFilePage>("learning/content/{course}/{activity}/{pupil}/file/{representation}", LearningCapabilities.ReadPath)
            .AddPage<Pages.CaptionsPage>("learning/content/{course}/{activity}/{pupil}/captions/{representation}", LearningCapabilities.ReadPath)
            .AddPage<Pages.SubmissionFilePage>("learning/work/{course}/{activity}/{pupil}/{submission}", LearningCapabilities.ReadPath)
            .AddPage<Pages.ProfilePage>("learning/profile/{pupil}", LearningCapabilities.SetProfile)
            .AddPage<Pages.CoursesPage>(Pages.CoursesPage.Route, LearningCapabilities.ViewClass, new PageNavigation("learning", "nav.courses", 12))
            .AddPage<Pages.ClassMapPage>("learning/classes/{course}", LearningCapabilities.ViewClass)
            .AddPage<Pages.SkillMapPage>("learning/design/{course}", LearningCapabilities.Design)
            .AddPage<Pages.ContentEditorPage>("learning/design/{course}/content/{activity}", LearningCapabilities.Design)
            .AddPage<Pages.ReportPage>("learning/report/{course}", LearningCapabilities.Design);
    }
}
