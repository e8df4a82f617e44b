using Ent.Core.Access;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
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
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, LearningCapabilities.SetProfile);
    }
}
