using System.Reflection;

namespace Ent.Sdk.Views;

/// <summary>The templates and strings one assembly ships under one area, as registered by a plugin or the host.</summary>
/// <param name="Area">The area: the first segment of its templates' names and the key of its strings.</param>
/// <param name="Assembly">The assembly whose embedded <c>views/…</c> and <c>strings/…</c> resources are read.</param>
/// <param name="Origin">The plugin id, or the assembly's name for the host's own.</param>
internal sealed record ViewPackage(string Area, Assembly Assembly, string Origin);
