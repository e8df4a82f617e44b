using Ent.Plugins.Grading.Gradebook;
using Ent.Sdk.Pages;

namespace Ent.Plugins.Grading.Pages;

/// <summary>
/// An assessment's class figures as JSON (<c>{ "average": 12.75, "minimum": 10, "maximum": 15.75, "count": 3, "published": true }</c>),
/// for scripts and apps: to its teachers and the head of school, and once published to the class's pupils and their parents.
/// </summary>
internal sealed class StatisticsEndpoint(IGradebook gradebook) : EntPage<AssessmentRoute>
{
    public override async Task<PageResult> GetAsync(PageContext context, AssessmentRoute route, CancellationToken cancellationToken)
    {
        var statistics = await gradebook.StatisticsOfAsync(context.Actor, route.Course, route.Assessment, cancellationToken).ConfigureAwait(false);
        return PageResult.Json(new { statistics.Average, statistics.Minimum, statistics.Maximum, statistics.Count });
    }
}
