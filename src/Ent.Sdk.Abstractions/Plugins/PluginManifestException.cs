namespace Ent.Sdk.Plugins;

/// <summary>Thrown when a plugin manifest is malformed; the message names the source, the field and the value.</summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public PluginManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PluginManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
