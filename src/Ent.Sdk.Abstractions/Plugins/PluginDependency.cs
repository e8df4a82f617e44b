using Ent.Sdk.Versioning;

namespace Ent.Sdk.Plugins;

/// <summary>A plugin's dependency on another plugin.</summary>
/// <param name="Id">The id of the plugin depended on.</param>
/// <param name="Versions">The versions accepted.</param>
/// <param name="Optional">When true, the plugin loads without it, and starts after it when it is there.</param>
public sealed record PluginDependency(string Id, VersionRange Versions, bool Optional = false);
