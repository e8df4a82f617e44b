namespace Ent.Sdk.Views;

/// <summary>Every template the host knows, where each comes from, and the problems found while loading them.</summary>
public interface IViewCatalog
{
    /// <summary>The templates, by name.</summary>
    IReadOnlyList<ViewTemplateInfo> Templates { get; }

    /// <summary>The problems found: syntax errors, skipped overrides, missing translations, and run-time fallbacks as they happen.</summary>
    IReadOnlyList<ViewDiagnostic> Diagnostics { get; }

    /// <summary>Finds a template by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The template, or null.</returns>
    ViewTemplateInfo? Find(string name);
}
