using Ent.Sdk.Plugins;

namespace Ent.Sdk.Composition;

/// <summary>A plugin about to be validated: from a folder, or registered in-process.</summary>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Folder">Its folder; null in-process.</param>
/// <param name="AssemblyPath">Its entry assembly's path; null in-process.</param>
/// <param name="InProcess">The in-process plugin's instance; null for a folder.</param>
/// <param name="Facts">What its entry assembly's metadata says (the assemblies it references); null in-process.</param>
internal sealed record PluginCandidate(PluginManifest Manifest, string? Folder, string? AssemblyPath, EntPlugin? InProcess, Loading.AssemblyFacts? Facts = null);
