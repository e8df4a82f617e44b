using Ent.Sdk.Diagnostics;

namespace Ent.Sdk.Composition;

/// <summary>The outcome of composing plugins: those that loaded, in start order, and what went wrong with the others.</summary>
/// <param name="Plugins">The plugins that loaded, in start order.</param>
/// <param name="Diagnostics">What went wrong with the others.</param>
/// <param name="Strict">Whether a problem refuses the start.</param>
/// <param name="Contracts">The context holding the contracts plugins publish for each other; unloaded with the plugins.</param>
internal sealed record PluginComposition(IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<PluginDiagnostic> Diagnostics, bool Strict, System.Runtime.Loader.AssemblyLoadContext? Contracts = null);
