using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>A started host with the grading plugin registered in-process over a test world's directory and courses, and in-memory records.</summary>
internal static class GradingHost
{
    public static async Task<EntHost> StartAsync(TestWorld world, Action<GradingOptions>? options = null, IDomainEventHandler<DomainEvent>? events = null, Action<EntHostBuilder>? configure = null)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton(world.Directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICourseCatalog>(world.Courses));
        builder.Services.AddInMemoryRecordStores();
        if (options is not null)
        {
            builder.Services.Configure(options);
        }

        if (events is not null)
        {
            builder.Services.AddSingleton(events);
        }

        builder.Ent.AddPlugin<GradingPlugin>();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
