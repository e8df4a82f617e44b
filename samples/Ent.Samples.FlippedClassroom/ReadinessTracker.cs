using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Storage.Records;

namespace Ent.Samples.FlippedClassroom;

/// <summary>
/// Counts, per school, the activities completed through the platform, in the plugin's own record store:
/// an example of an event subscriber that keeps its data across restarts, with a version check on each
/// increment so that two hosts counting at once never lose a count.
/// </summary>
public sealed class ReadinessTracker(IRecordStores stores)
{
    /// <summary>The plugin's data: one counter per school.</summary>
    public static RecordSchema Schema { get; } = RecordSchema.Create("sample.flipped-classroom", schema => schema
        .Version(1, "Completed activities per school", v => v.CreateTable("completions", t => t
            .Key(Column.Id("school"))
            .Columns(Column.Integer("completed", minimum: 0)))));

    private static TableDefinition Completions => Schema.Table("completions");

    private readonly IRecordStore _store = stores.For(Schema);

    /// <summary>The number of completed activities recorded in a school.</summary>
    /// <param name="department">The school's department.</param>
    /// <param name="school">The school.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<long> CompletedInAsync(DepartmentId department, SchoolId school, CancellationToken cancellationToken = default)
    {
        var counter = await _store.FindAsync(department, Completions.Key(school.Value), cancellationToken).ConfigureAwait(false);
        return counter?.GetInteger("completed") ?? 0;
    }

    private async Task IncrementAsync(DepartmentId department, SchoolId school, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var counter = await _store.FindAsync(department, Completions.Key(school.Value), cancellationToken).ConfigureAwait(false);
            var changes = counter is null
                ? new RecordChanges().Insert(Completions.NewRecord(school.Value, 1L))
                : new RecordChanges().Update(counter.With("completed", counter.GetInteger("completed") + 1));
            try
            {
                await _store.SaveAsync(department, changes, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RecordConflictException) when (attempt < 10)
            {
                // Another writer counted first: read again and retry.
            }
        }
    }

    /// <summary>The event handler that feeds the tracker.</summary>
    /// <param name="tracker">The tracker.</param>
    public sealed class Handler(ReadinessTracker tracker) : IDomainEventHandler<ActivityProgressRecorded>
    {
        /// <inheritdoc />
        public Task HandleAsync(ActivityProgressRecorded domainEvent, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(domainEvent);
            return domainEvent.Progress.Status == CompletionStatus.Completed && domainEvent.School is { } school
                ? tracker.IncrementAsync(domainEvent.Department, school, cancellationToken)
                : Task.CompletedTask;
        }
    }
}
