namespace Ent.Sdk.Hosting;

/// <summary>
/// Work the host does when it starts, before any plugin starts, in registration order: opening and
/// migrating storage, for example. Unlike a plugin's failure, a startup task's failure stops the start.
/// </summary>
public interface IEntStartupTask
{
    /// <summary>Runs the task.</summary>
    /// <param name="cancellationToken">Cancels it.</param>
    Task RunAsync(CancellationToken cancellationToken);
}
