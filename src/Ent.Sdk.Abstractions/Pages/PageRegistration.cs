using Ent.Core.Access;

namespace Ent.Sdk.Pages;

/// <summary>A page as a plugin registered it: its type, route and capability, read by the host when it maps its pages.</summary>
/// <param name="PluginId">The plugin that contributes it, or null for a page of the host itself (on in every school).</param>
/// <param name="PageType">The page's type (an <see cref="EntPage{TRoute}"/>).</param>
/// <param name="RouteType">Its route values' type.</param>
/// <param name="FormType">Its form's type, or null for a page without a form.</param>
/// <param name="Route">The route template, e.g. <c>grading/courses/{course}</c>.</param>
/// <param name="Capability">The capability a viewer must hold in their school.</param>
/// <param name="Navigation">Its entry in the navigation, if any.</param>
public sealed record PageRegistration(string? PluginId, Type PageType, Type RouteType, Type? FormType, string Route, Capability Capability, PageNavigation? Navigation)
{
    /// <summary>
    /// Whether the page is also for viewers in no school (the department's administrator): it is on for them while its plugin is
    /// on in at least one school of their department, and the capability is checked in the department's scope.
    /// </summary>
    public bool ForDepartment { get; init; }
}
