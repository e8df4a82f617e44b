namespace Ent.Sdk.Plugins;

/// <summary>
/// Marks a service type that a plugin defines for other plugins to add implementations to, resolved all
/// together with <c>GetServices</c> (e.g. the grading plugin's averaging rules). Any other type a plugin
/// defines is that plugin's own: another plugin that registers it is refused (ENT052), so that no plugin
/// silently replaces a service another one owns.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, Inherited = false)]
public sealed class ExtensionPointAttribute : Attribute;
