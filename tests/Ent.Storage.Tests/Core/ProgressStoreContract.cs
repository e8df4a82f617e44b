using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Storage.Core;
using Ent.Storage.Tests.Engines;

namespace Ent.Storage.Tests.Core;

/// <summary>The durable progress store's contract, on each engine and on the in-memory store it replaces.</summary>
public abstract class ProgressStoreContract : EngineContract
{
    protected readonly DepartmentId Department = DepartmentId.New();
    protected readonly PersonId Learner = PersonId.New();
    protected readonly ActivityId Quiz = ActivityId.New();
    protected static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    protected virtual async Task<IProgressStore> OpenAsync() => new StoredProgressStore(await Engine.OpenRecordStoresAsync(CoreSchemas.Progress));

    protected static Func<ActivityProgress?, ActivityProgress> Add(PersonId learner, ActivityId activity, Evidence evidence) =>
        previous => new ActivityProgress(learner, activity, CompletionStatus.Completed, Monday, (previous?.Evidence ?? []).Add(evidence));

    [SkippableFact]
    public async Task Progress_is_read_back_with_its_status_time_and_evidence()
    {
        var store = await OpenAsync();

        await store.UpdateAsync(Department, Learner, Quiz, Add(Learner, Quiz, new ScoreEvidence(new Score(13.5m, 20))));
        var saved = await store.UpdateAsync(Department, Learner, Quiz, Add(Learner, Quiz, new SubmissionEvidence("files/essay-42", "Relu")));
        var read = await store.FindAsync(Department, Learner, Quiz);

        Assert.NotNull(read);
        Assert.Equal((CompletionStatus.Completed, Monday), (read.Status, read.UpdatedAt));
        Assert.Equal(saved.Evidence.ToArray(), read.Evidence.ToArray());
        Assert.Equal(new Score(13.5m, 20), read.LatestScore);
        Assert.Equal("files/essay-42", Assert.IsType<SubmissionEvidence>(read.Evidence[1]).ContentReference);
    }

    [SkippableFact]
    public async Task Reading_several_activities_returns_only_those_asked_for_that_have_progress()
    {
        var store = await OpenAsync();
        var (video, reading) = (ActivityId.New(), ActivityId.New());
        await store.UpdateAsync(Department, Learner, Quiz, Add(Learner, Quiz, new ScoreEvidence(new Score(3, 10))));
        await store.UpdateAsync(Department, Learner, video, Add(Learner, video, new ScoreEvidence(new Score(3, 10))));

        var read = await store.FindAllAsync(Department, Learner, [Quiz, reading]);

        Assert.Equal([Quiz], read.Keys);
    }

    [SkippableFact]
    public async Task Concurrent_changes_to_one_progress_lose_no_evidence()
    {
        var store = await OpenAsync();

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
            store.UpdateAsync(Department, Learner, Quiz, Add(Learner, Quiz, new ScoreEvidence(new Score(i, 10)))))));

        var read = await store.FindAsync(Department, Learner, Quiz);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (decimal)i), read!.Evidence.OfType<ScoreEvidence>().Select(e => e.Score.Raw).Order());
    }

    [SkippableFact]
    public async Task Another_departments_progress_is_not_seen()
    {
        var store = await OpenAsync();
        await store.UpdateAsync(Department, Learner, Quiz, Add(Learner, Quiz, new ScoreEvidence(new Score(3, 10))));

        Assert.Null(await store.FindAsync(DepartmentId.New(), Learner, Quiz));
        Assert.Empty(await store.FindAllAsync(DepartmentId.New(), Learner, [Quiz]));
    }

    [SkippableFact]
    public async Task A_change_that_returns_another_learners_progress_is_refused()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(Department, Learner, Quiz, Add(PersonId.New(), Quiz, new ScoreEvidence(new Score(3, 10)))));

        Assert.Null(await store.FindAsync(Department, Learner, Quiz));
    }
}

public abstract class DurableProgressStoreContract : ProgressStoreContract
{
    [SkippableFact]
    public async Task Progress_survives_reopening_the_store()
    {
        var store = await OpenAsync();
        await store.UpdateAsync(Department, Learner, Quiz, previous => new ActivityProgress(Learner, Quiz, CompletionStatus.InProgress, Monday, []));

        var reopened = await OpenAsync();

        Assert.Equal(CompletionStatus.InProgress, (await reopened.FindAsync(Department, Learner, Quiz))!.Status);
    }

    [SkippableFact]
    public async Task Evidence_over_its_limit_is_refused_and_the_stored_progress_kept()
    {
        var store = await OpenAsync();
        await store.UpdateAsync(Department, Learner, Quiz, Add(Learner, Quiz, new ScoreEvidence(new Score(3, 10))));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateAsync(Department, Learner, Quiz,
            Add(Learner, Quiz, new SubmissionEvidence(new string('x', StoredProgressStore.MaxEvidenceLength)))));

        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
        Assert.Single((await store.FindAsync(Department, Learner, Quiz))!.Evidence);
    }
}

public sealed class SqliteProgressStoreTests : DurableProgressStoreContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlProgressStoreTests : DurableProgressStoreContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}

public sealed class InMemoryProgressStoreTests : ProgressStoreContract
{
    private readonly InMemoryProgressStore _store = new();

    protected override StorageEngine CreateEngine() => new InMemoryEngine();

    protected override Task<IProgressStore> OpenAsync() => Task.FromResult<IProgressStore>(_store);
}
