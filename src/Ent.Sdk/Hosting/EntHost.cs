using Microsoft.Extensions.DependencyInjection;

namespace Ent.Sdk.Hosting;

/// <summary>
/// A standalone Ent host: a composed service provider and its plugins. Start it, use its services,
/// and dispose it: disposal stops the plugins, disposes the services and releases the plugins' load contexts.
/// </summary>
public sealed class EntHost : IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider _provider;
    private bool _started;
    private bool _disposed;

    internal EntHost(ServiceProvider provider)
    {
        _provider = provider;
        Runtime = provider.GetRequiredService<IEntRuntime>();
    }

    /// <summary>The host's services, the plugins' included.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The plugins: which loaded, in which order, and the diagnostics.</summary>
    public IEntRuntime Runtime { get; }

    /// <summary>Creates a builder for a standalone host.</summary>
    public static EntHostBuilder CreateBuilder() => new();

    /// <summary>Starts the plugins in dependency order.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await Runtime.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
    }

    /// <summary>Stops the plugins in reverse order.</summary>
    /// <param name="cancellationToken">Cancels the stop.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await Runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        _started = false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_started)
        {
            await StopAsync().ConfigureAwait(false);
        }

        _disposed = true;
        await _provider.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
