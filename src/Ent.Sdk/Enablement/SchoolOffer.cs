using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Strategies;
using Ent.Sdk.Demo;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Enablement;

/// <summary>
/// What a school is offered today: the strategies, activity kinds, demo contributions and views of the core and of the plugins
/// that are on there. A plugin off in a school is simply absent from it; hosts ask here instead of filtering by hand.
/// </summary>
public interface ISchoolOffer
{
    /// <summary>The strategies offered in a school: the core's, and those of plugins on there today.</summary>
    /// <param name="school">The school.</param>
    IReadOnlyList<IPedagogicalStrategy> Strategies(SchoolId school);

    /// <summary>The activity kinds offered in a school: the core's, and those of plugins on there today.</summary>
    /// <param name="school">The school.</param>
    IReadOnlyList<ActivityKind> ActivityKinds(SchoolId school);

    /// <summary>The demo contributors of the plugins on in a school today (and the host's own).</summary>
    /// <param name="school">The school.</param>
    IReadOnlyList<IDemoContributor> DemoContributors(SchoolId school);

    /// <summary>Whether a view (by name, <c>area/path</c>) is offered in a school: a host's own, or a plugin's that is on there today.</summary>
    /// <param name="view">The view's name.</param>
    /// <param name="school">The school.</param>
    bool OffersView(string view, SchoolId school);
}

/// <summary>The offer from the plugins' recorded contributions and the department's enablement, on the calendar's today.</summary>
internal sealed class SchoolOffer(IEntRuntime runtime, IPluginEnablement enablement, IOrganisationDirectory directory, ISchoolCalendar calendar, IServiceProvider services) : ISchoolOffer
{
    public IReadOnlyList<IPedagogicalStrategy> Strategies(SchoolId school) =>
        [.. services.GetServices<IPedagogicalStrategy>().Where(s => IsOffered(p => p.Contributions.Strategies.Contains(s.GetType()), school))];

    public IReadOnlyList<ActivityKind> ActivityKinds(SchoolId school) =>
        [.. services.GetRequiredService<IActivityKindRegistry>().All.Where(k => IsOffered(p => p.Contributions.ActivityKinds.Contains(k.Id), school))];

    public IReadOnlyList<IDemoContributor> DemoContributors(SchoolId school) =>
        [.. services.GetServices<IDemoContributor>().Where(c => IsOffered(p => p.Contributions.DemoContributors.Contains(c.GetType()), school))];

    public bool OffersView(string view, SchoolId school)
    {
        ArgumentNullException.ThrowIfNull(view);
        return IsOffered(ShipsView(view), school);
    }

    /// <summary>
    /// Refuses a plugin's view for a school (named by its UAI, as views name schools) where the plugin is off today, or for a
    /// school the directory does not know, where no plugin can be on. The host's own views are always offered.
    /// </summary>
    /// <exception cref="PluginDisabledException">The plugin shipping the view is off in the school today.</exception>
    /// <exception cref="ArgumentException">The school is not in the directory.</exception>
    public void DemandView(string view, string uai)
    {
        if (runtime.Plugins.FirstOrDefault(ShipsView(view)) is not { } plugin)
        {
            return;
        }

        var school = Uai.TryParse(uai, out var code) ? directory.FindSchool(code) : null;
        if (school is null)
        {
            throw new ArgumentException($"'{uai}' is not a school of the directory: '{view}' is a view of plugin '{plugin.Id}', offered only in the schools where it is on.", nameof(uai));
        }

        var today = calendar.Today;
        if (!enablement.IsEnabled(plugin.Id, school.Id, today))
        {
            throw new PluginDisabledException(plugin.Id, school.Id, today);
        }
    }

    private static Func<Composition.LoadedPlugin, bool> ShipsView(string view)
    {
        var area = view.Split('/')[0];
        return p => p.Contributions.ViewAreas.Contains(area);
    }

    /// <summary>Offered when no plugin contributed it (the core's, the host's) or when the plugin that did is on in the school today.</summary>
    private bool IsOffered(Func<Composition.LoadedPlugin, bool> contributed, SchoolId school) =>
        runtime.Plugins.FirstOrDefault(contributed) is not { } plugin || enablement.IsEnabled(plugin.Id, school, calendar.Today);
}
