using Ent.Core.Access;
using Ent.Storage;

namespace Ent.Sdk.Operations;

/// <summary>Running a whole operation in a unit of work, again on fresh reads when another writer got there first.</summary>
public static class OperationsExtensions
{
    /// <summary>How many times an operation runs at most when other writers keep changing what it read.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Opens a unit of work (<see cref="IOperations.BeginAsync"/>), runs <paramref name="work"/> in it (the work commits what it
    /// writes), and when the commit meets a document another writer changed since it was read, runs it again in a new unit of work,
    /// up to <see cref="MaxAttempts"/> times, so that concurrent operations are all kept. Any other failure ends it at once.
    /// </summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="operations">The plugin's operations.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="target">What the operation applies to.</param>
    /// <param name="capability">The capability it needs, one of the plugin's.</param>
    /// <param name="work">Reads, writes, commits; it may run more than once, so it keeps nothing between runs.</param>
    /// <param name="cancellationToken">Cancels the operation before it commits.</param>
    /// <exception cref="RecordConflictException">Other writers changed what it read at each of its attempts.</exception>
    public static async Task<T> RunAsync<T>(this IOperations operations, Actor actor, OperationTarget target, Capability capability, Func<IUnitOfWork, Task<T>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var unit = await operations.BeginAsync(actor, target, capability, cancellationToken).ConfigureAwait(false);
                return await work(unit).ConfigureAwait(false);
            }
            catch (RecordConflictException) when (attempt < MaxAttempts)
            {
                // Another writer saved a document this operation read: run it again on what is stored now.
            }
        }
    }
}
