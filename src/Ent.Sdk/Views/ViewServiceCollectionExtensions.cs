using System.Reflection;
using Ent.Sdk.Hosting;
using Ent.Sdk.Localization;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the view system and the templates and strings an assembly ships.</summary>
public static class ViewServiceCollectionExtensions
{
    /// <summary>
    /// Adds the templates and strings embedded in an assembly under an area: resources named
    /// <c>views/&lt;path&gt;.sbn-html</c> (or <c>.sbn-txt</c>) become templates <c>&lt;area&gt;/&lt;path&gt;</c>, and
    /// <c>strings/&lt;language&gt;.json</c> the area's texts. Plugins call <c>PluginServiceContext.AddViews</c> instead.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="area">The area: lower-case letters, digits and '-', e.g. <c>grading</c>.</param>
    /// <param name="assembly">The assembly that embeds them.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentException">The area is not valid.</exception>
    public static IServiceCollection AddEntViews(this IServiceCollection services, string area, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddSingleton(ViewPackage.Create(area, assembly, assembly.GetName().Name ?? "the host"));
        return services;
    }

    /// <summary>
    /// Adds the host's own templates and strings under an area, as <see cref="AddEntViews"/> does, trusted as the host's code is:
    /// an HTML template of theirs is rendered without the page sanitiser as long as only host templates take part (no department
    /// or school override of it, nor of anything it includes, and no include of a plugin's template); otherwise the whole output
    /// is sanitised as any other. Their values are still HTML-encoded, and Markdown goes through its own pipeline; a value written
    /// into a URL attribute must be a URL the host built (a person's text there is not checked). Plugins cannot register them.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="area">The area: lower-case letters, digits and '-', e.g. <c>ent</c>.</param>
    /// <param name="assembly">The host's assembly that embeds them.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentException">The area is not valid.</exception>
    public static IServiceCollection AddEntHostViews(this IServiceCollection services, string area, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddSingleton(ViewPackage.Create(area, assembly, assembly.GetName().Name ?? "the host", host: true));
        return services;
    }

    /// <summary>
    /// Adds a page of the host itself (on in every school; see <see cref="Ent.Sdk.Pages.EntPage{TRoute}"/>): plugins call
    /// <c>PluginServiceContext.AddPage</c> instead. Its route and types are checked as a plugin's are.
    /// </summary>
    /// <typeparam name="TPage">The page's type, resolved from the services for each request.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="route">The route, e.g. <c>admin/usage</c>.</param>
    /// <param name="capability">The capability a viewer must hold where they work.</param>
    /// <param name="navigation">Its entry in the navigation, if any.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentException">The route is malformed or does not match the page's types.</exception>
    public static IServiceCollection AddEntPage<TPage>(this IServiceCollection services, string route, Ent.Core.Access.Capability capability, Ent.Sdk.Pages.PageNavigation? navigation = null)
        where TPage : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(Ent.Sdk.Pages.PageRoutes.Register(null, typeof(TPage), route, capability, navigation));
        services.TryAddTransient<TPage>();
        return services;
    }

    /// <summary>Registers the catalog, the strings and the renderer, once (called by <c>AddEnt</c>).</summary>
    internal static IServiceCollection AddEntViewSystem(this IServiceCollection services)
    {
        services.AddOptions<ViewOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ViewOptions>, ViewOptionsValidator>();
        services.TryAddSingleton<ViewCatalog>();
        services.TryAddSingleton<IViewCatalog>(sp => sp.GetRequiredService<ViewCatalog>());
        services.TryAddSingleton<ILocalizedStrings, LocalizedStrings>();
        services.TryAddSingleton<IViewRenderer, ViewRenderer>();
        services.AddSingleton<IEntStartupTask, ViewCatalogStartup>();
        return services;
    }

    /// <summary>Reports every problem of the view options at start, each naming its value.</summary>
    private sealed class ViewOptionsValidator : IValidateOptions<ViewOptions>
    {
        public ValidateOptionsResult Validate(string? name, ViewOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    /// <summary>Loads the templates and strings when the host starts, so that their diagnostics come out at start.</summary>
    private sealed class ViewCatalogStartup(ViewCatalog catalog) : IEntStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            _ = catalog.Templates;
            return Task.CompletedTask;
        }
    }
}
