namespace Ent.Storage.Tests.Engines;

/// <summary>A contract suite that each engine runs: a fresh store per test, disposed afterwards.</summary>
public abstract class EngineContract : IAsyncLifetime
{
    protected StorageEngine Engine { get; private set; } = null!;

    protected abstract StorageEngine CreateEngine();

    public Task InitializeAsync()
    {
        Engine = CreateEngine();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync(); // null when the engine could not be created (no server: skipped)
        }
    }
}
