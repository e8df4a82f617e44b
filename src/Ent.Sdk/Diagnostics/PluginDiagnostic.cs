namespace Ent.Sdk.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the plugin still runs.</summary>
    Warning,

    /// <summary>The plugin does not run.</summary>
    Error,
}

/// <summary>
/// A problem found with a plugin: which plugin, from which folder, a stable reason code (see
/// <see cref="PluginDiagnosticCodes"/>) and a readable message.
/// </summary>
/// <param name="Code">The stable reason code, e.g. <c>ENT020</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="PluginId">The plugin's id, when known.</param>
/// <param name="Folder">The plugin's folder, or null for an in-process plugin.</param>
/// <param name="Message">What is wrong, and what to do.</param>
public sealed record PluginDiagnostic(string Code, DiagnosticSeverity Severity, string? PluginId, string? Folder, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Code} {Severity.ToString().ToLowerInvariant()}: plugin '{PluginId ?? "?"}'{(Folder is null ? string.Empty : $" ({Folder})")}: {Message}";
}
