namespace Ent.Sdk.Diagnostics;

/// <summary>Thrown by a strict host that refuses to start: lists every diagnostic at once.</summary>
public sealed class PluginCompositionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">Every diagnostic found.</param>
    public PluginCompositionException(IReadOnlyList<PluginDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic found.</summary>
    public IReadOnlyList<PluginDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<PluginDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return $"The Ent host is strict and refuses to start: {diagnostics.Count} plugin problem(s).{Environment.NewLine}"
            + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
    }
}
