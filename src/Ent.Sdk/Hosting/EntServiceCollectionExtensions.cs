using Ent.Sdk.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Ent to an application's service collection.</summary>
public static class EntServiceCollectionExtensions
{
    /// <summary>
    /// Adds Ent: the domain services, the plugins found in the configured directories and those
    /// registered in-process, and the runtime that starts and stops them. Plugins are composed when
    /// this method returns; resolve <see cref="IEntRuntime"/> and call <see cref="IEntRuntime.StartAsync"/>
    /// once the provider is built. Call it once per service collection.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures plugin directories, in-process plugins, strictness and enablement.</param>
    /// <returns>The builder, composed, whose <see cref="EntBuilder.Services"/> stays open for further registrations.</returns>
    /// <exception cref="Ent.Sdk.Diagnostics.PluginCompositionException">The host is strict and a plugin has a problem.</exception>
    public static EntBuilder AddEnt(this IServiceCollection services, Action<EntBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new EntBuilder(services);
        configure?.Invoke(builder);
        builder.Compose();
        return builder;
    }
}
