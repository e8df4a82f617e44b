using Ent.Sdk.Diagnostics;

namespace Ent.Sdk.Composition;

/// <summary>The outcome of composing plugins: those that loaded, in start order, and what went wrong with the others.</summary>
internal sealed record PluginComposition(IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<PluginDiagnostic> Diagnostics, bool Strict);
