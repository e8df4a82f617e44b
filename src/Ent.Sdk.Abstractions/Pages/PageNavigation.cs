namespace Ent.Sdk.Pages;

/// <summary>
/// A page's entry in the host's navigation, shown to a person when the plugin is on in their school and they hold the
/// page's capability there. Only pages without route values have one.
/// </summary>
/// <param name="Area">The view area whose strings hold the label (the plugin's, e.g. <c>grading</c>).</param>
/// <param name="LabelKey">The label's key in the area's strings, e.g. <c>nav.courses</c>.</param>
/// <param name="Order">Where the entry goes among the others (smaller first).</param>
public sealed record PageNavigation(string Area, string LabelKey, int Order = 100);
