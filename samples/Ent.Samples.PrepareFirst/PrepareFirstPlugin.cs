using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Samples.PrepareFirst;

/// <summary>
/// The plugin's entry point: everything it contributes is registered here, in one place.
/// </summary>
public sealed class PrepareFirstPlugin : EntPlugin
{
    /// <summary>The capability to read the readiness of a class before a session.</summary>
    public static Capability ViewReadiness { get; } = new("sample.prepare-first.readiness.view");

    /// <summary>A kind for the short quiz that checks learners are ready for the session.</summary>
    public static ActivityKind ReadinessQuiz { get; } = new("sample.prepare-first.readiness-quiz", new LocalizedText("Quiz de préparation", "Readiness quiz"), producesEvidence: true);

    /// <inheritdoc />
    public override void ConfigureServices(PluginServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddOptions<PrepareFirstOptions>().Validate(o => o.ReadinessThreshold is > 0 and <= 1, "ReadinessThreshold must be in (0, 1].");
        context.AddDocuments<LearnerPreparation>(d => d.Key(p => new { p.Course, p.Learner })); // the key's first member is queried too
        context.Services.AddSingleton<ReadinessBoard>();
        context.AddViews("prepare-first"); // Views/class-readiness.sbn-txt and Strings/fr.json, en.json
        context.AddStrategy<PrepareFirstStrategy>()
            .AddActivityKind(ReadinessQuiz)
            .AddEventHandler<ActivityProgressRecorded, PreparationRecorder>()
            .GrantCapability(Role.Teacher, GrantReach.Scope, ViewReadiness)
            .GrantCapability(Role.HeadOfSchool, GrantReach.Scope, ViewReadiness);
    }

    /// <inheritdoc />
    public override Task StartAsync(PluginRuntimeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.GetRequiredService<ILogger<PrepareFirstPlugin>>()
            .LogInformation("{Plugin} ready: its strategy is {Strategy}.", context.Manifest.DisplayName.French, PrepareFirstStrategy.StrategyId);
        return Task.CompletedTask;
    }
}
