using System.Collections.Immutable;
using System.Text.Json;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// Learners' progress in the host's storage engine (<see cref="CoreSchemas.Progress"/>): each change is a
/// read, then a version-checked write, retried on conflict, so that two writers never lose each other's evidence.
/// </summary>
/// <param name="stores">The record stores.</param>
internal sealed class StoredProgressStore(IRecordStores stores) : IProgressStore
{
    /// <summary>The most evidence, as JSON characters, one learner's progress on one activity may carry.</summary>
    public const int MaxEvidenceLength = 256 * 1024;

    private const int Attempts = 10;
    private static readonly TableDefinition Table = CoreSchemas.Progress.Table("progress");
    private readonly IRecordStore _store = stores.For(CoreSchemas.Progress);

    /// <inheritdoc />
    public async Task<ActivityProgress?> FindAsync(DepartmentId department, PersonId learner, ActivityId activity, CancellationToken cancellationToken = default)
    {
        var record = await _store.FindAsync(department, Table.Key(learner.Value, activity.Value), cancellationToken).ConfigureAwait(false);
        return record is null ? null : Read(record);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ActivityId, ActivityProgress>> FindAllAsync(DepartmentId department, PersonId learner, IEnumerable<ActivityId> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var wanted = activities.ToHashSet();
        var records = await _store.QueryAsync(department, RecordQuery.From(Table).Where("learner", learner.Value), cancellationToken).ConfigureAwait(false);
        return records.Select(Read).Where(p => wanted.Contains(p.Activity)).ToImmutableDictionary(p => p.Activity);
    }

    /// <inheritdoc />
    public async Task<ActivityProgress> UpdateAsync(DepartmentId department, PersonId learner, ActivityId activity, Func<ActivityProgress?, ActivityProgress> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _store.FindAsync(department, Table.Key(learner.Value, activity.Value), cancellationToken).ConfigureAwait(false);
            var progress = ProgressChange.Apply(change, stored is null ? null : Read(stored), learner, activity);
            var evidence = JsonSerializer.Serialize(progress.Evidence);
            if (evidence.Length > MaxEvidenceLength)
            {
                throw new ArgumentException($"The evidence of learner {learner.Value} on activity {activity.Value} would take {evidence.Length} characters, over the limit of {MaxEvidenceLength}; nothing was written.", nameof(change));
            }

            var changes = stored is null
                ? new RecordChanges().Insert(Table.NewRecord(learner.Value, activity.Value, (long)progress.Status, progress.UpdatedAt, evidence))
                : new RecordChanges().Update(stored.With("status", (long)progress.Status).With("updated_at", progress.UpdatedAt).With("evidence", evidence));
            try
            {
                await _store.SaveAsync(department, changes, cancellationToken).ConfigureAwait(false);
                return progress;
            }
            catch (RecordConflictException) when (attempt < Attempts)
            {
                // Another writer changed this progress since it was read: apply the change again to the fresh value.
            }
        }
    }

    private static ActivityProgress Read(Record record) => new(
        new PersonId(record.GetId("learner")),
        new ActivityId(record.GetId("activity")),
        (CompletionStatus)record.GetInteger("status"),
        record.Get<DateTimeOffset>("updated_at"),
        JsonSerializer.Deserialize<ImmutableArray<Evidence>>(record.GetText("evidence")));
}
