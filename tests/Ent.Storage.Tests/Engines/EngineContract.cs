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

    public async Task DisposeAsync() => await Engine.DisposeAsync();
}
