using Ent.Sdk.Plugins;

namespace Ent.Sdk.Composition;

/// <summary>A plugin about to be validated: from a folder, or registered in-process.</summary>
internal sealed record PluginCandidate(PluginManifest Manifest, string? Folder, string? AssemblyPath, EntPlugin? InProcess);
