using Ent.Core.Identifiers;
using Ent.Sdk.Demo;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Samples.DepartmentHost.Generation;

/// <summary>Runs the demonstration contributors of the plugins on in a school, each on its own: one that fails is reported, the others run.</summary>
internal static class DemoContributions
{
    /// <summary>Runs each contributor offered in the school.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="school">The school.</param>
    /// <param name="contribute">What to ask each contributor.</param>
    /// <param name="where">Said after the plugin's id in a failure's line (the school and period), or null.</param>
    /// <param name="error">Where failures are reported.</param>
    /// <param name="cancellationToken">Stops between contributors.</param>
    public static async Task RunAsync(
        IServiceProvider services, SchoolId school, Func<IDemoContributor, CancellationToken, Task> contribute, string? where, TextWriter error, CancellationToken cancellationToken)
    {
        var runtime = services.GetRequiredService<IEntRuntime>();
        foreach (var contributor in services.GetRequiredService<ISchoolOffer>().DemoContributors(school))
        {
            try
            {
                await contribute(contributor, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException && !(exception is StorageException and not RecordConflictException))
            {
                var plugin = runtime.PluginDefining(contributor.GetType())?.Id ?? "host";
                await error.WriteLineAsync($"{plugin}{(where is null ? string.Empty : $" ({where})")}: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            }
        }
    }
}
