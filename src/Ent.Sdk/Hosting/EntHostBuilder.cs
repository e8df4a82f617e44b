using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Hosting;

/// <summary>Builds a standalone <see cref="EntHost"/>: configure <see cref="Ent"/> and <see cref="Services"/>, then <see cref="Build"/> once.</summary>
public sealed class EntHostBuilder
{
    private readonly ServiceCollection _services = [];
    private bool _built;

    internal EntHostBuilder() => Ent = new EntBuilder(_services);

    /// <summary>The host's services; read-only after <see cref="Build"/>.</summary>
    public IServiceCollection Services => _services;

    /// <summary>Ent's configuration: plugin directories, in-process plugins, strictness, enablement.</summary>
    public EntBuilder Ent { get; }

    /// <summary>Composes the plugins and builds the host. Can be called once.</summary>
    /// <exception cref="InvalidOperationException">The host was already built.</exception>
    /// <exception cref="Diagnostics.PluginCompositionException">The host is strict and a plugin has a problem.</exception>
    public EntHost Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("This EntHostBuilder has already built its host; create a new builder for another host.");
        }

        _built = true;
        Ent.Compose();
        _services.MakeReadOnly();
        return new EntHost(_services.BuildServiceProvider());
    }
}
