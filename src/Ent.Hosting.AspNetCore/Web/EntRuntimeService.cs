using Ent.Sdk.Hosting;
using Microsoft.Extensions.Hosting;

namespace Ent.Hosting.AspNetCore.Web;

/// <summary>Starts Ent's plugins when the application starts, and stops them when it stops.</summary>
internal sealed class EntRuntimeService(IEntRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
