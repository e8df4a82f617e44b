using Ent.Plugins.Grading.Averages;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.Grading;

/// <summary>
/// The grading plugin's entry point: the calculation rules (French averages, and a set compatible with
/// Moodle's aggregation methods) as an extension point that other plugins may add to.
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
            context.Services.AddSingleton<IGradeAggregation>(new MoodleAggregation(method));
        }

        context.Services.TryAddSingleton<GradeAggregations>();
    }
}
