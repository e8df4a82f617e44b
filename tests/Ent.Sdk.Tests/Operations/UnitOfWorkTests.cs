using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Operations;
using Ent.Sdk.Tests.TestPlugins;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Sdk.Tests.Operations;

/// <summary>
/// A plugin's operation is one unit of work: scope from the directory, the plugin's enablement and the capability checked once,
/// its documents and events committed in one transaction, its events' handlers run after the commit and set aside when they fail.
/// </summary>
public sealed class UnitOfWorkTests
{
    private static readonly Capability Write = new("acme.notes.write");
    private readonly TestWorld _world = new();

    [Fact]
    public async Task The_scope_school_and_day_come_from_the_directory_and_the_department_clock()
    {
        await using var host = await StartAsync();

        await using var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfCourse(_world.MathsCourse.Id), Write);

        Assert.Equal(_world.Directory.ScopeOf(_world.MathsCourse), work.Scope);
        Assert.Equal(_world.School.Id, work.School);
        Assert.Equal(_world.MathsCourse, work.Course);
        Assert.Equal(new DateOnly(2026, 11, 26), work.Today);
        Assert.Equal("acme.notes", work.PluginId);
    }

    [Fact]
    public async Task An_operation_in_a_school_where_the_plugin_is_off_is_refused_naming_the_plugin_the_school_and_the_day()
    {
        await using var host = await StartAsync(enableIn: _world.OtherSchool.Id);

        var error = await Assert.ThrowsAsync<PluginDisabledException>(() => Operations(host).BeginAsync(Teacher, OperationTarget.OfCourse(_world.MathsCourse.Id), Write));

        Assert.Equal(("acme.notes", _world.School.Id, new DateOnly(2026, 11, 26)), (error.PluginId, error.School, error.Day));
        Assert.Contains("'acme.notes' is off in school " + _world.School.Id.Value + " on 2026-11-26", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_actor_without_the_capability_in_the_targets_scope_is_refused()
    {
        await using var host = await StartAsync();
        var teacherOf5B = Teacher;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Operations(host).BeginAsync(teacherOf5B, OperationTarget.OfClass(_world.Class4A.Id), Write));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Operations(host).BeginAsync(Actor(_world.Learner), OperationTarget.OfCourse(_world.MathsCourse.Id), Write));
    }

    [Fact]
    public async Task A_target_the_directory_does_not_hold_is_refused_naming_it()
    {
        await using var host = await StartAsync();
        var unknown = CourseId.New();

        var error = await Assert.ThrowsAsync<UnknownReferenceException>(() => Operations(host).BeginAsync(Teacher, OperationTarget.OfCourse(unknown), Write));

        Assert.Equal(unknown.Value, error.Id);
    }

    [Fact]
    public async Task A_capability_of_no_loaded_plugin_opens_no_unit_of_work()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Operations(host).BeginAsync(Teacher, OperationTarget.OfCourse(_world.MathsCourse.Id), Capabilities.ViewCourses));

        Assert.Contains("'core.course.view' belongs to no loaded plugin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_and_events_are_committed_together_and_each_event_is_logged_once()
    {
        await using var host = await StartAsync();
        var note = new Note(NoteId(), _world.Class5B.Id, "Bravo");

        await using (var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write))
        {
            work.Documents<Note>().Add(note);
            work.Publish(Written(note));
            await work.CommitAsync();
        }

        await using var read = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        Assert.Equal(note, await read.Documents<Note>().FindAsync(n => n.Id == note.Id));
        var logged = await host.Services.GetRequiredService<IEventLog>().ReadAsync(new EventLogQuery(_world.Department.Id));
        Assert.Equal("NoteWritten", Assert.Single(logged).Type);
    }

    [Fact]
    public async Task An_operation_run_again_after_a_concurrent_write_keeps_both_changes()
    {
        await using var host = await StartAsync();
        var target = OperationTarget.OfClass(_world.Class5B.Id);
        var note = new Note(NoteId(), _world.Class5B.Id, "Bravo");
        await Operations(host).RunAsync(Teacher, target, Write, async work =>
        {
            work.Documents<Note>().Add(note);
            await work.CommitAsync();
            return true;
        });
        var attempts = 0;

        var text = await Operations(host).RunAsync(Teacher, target, Write, async work =>
        {
            attempts++;
            var read = (await work.Documents<Note>().FindAsync(n => n.Id == note.Id))!;
            if (attempts == 1)
            {
                await Operations(host).RunAsync(Teacher, target, Write, async other => // another writer, between this read and this commit
                {
                    other.Documents<Note>().Replace((await other.Documents<Note>().FindAsync(n => n.Id == note.Id))! with { Text = read.Text + " !" });
                    await other.CommitAsync();
                    return true;
                });
            }

            work.Documents<Note>().Replace(read with { Text = read.Text + " et merci" });
            await work.CommitAsync();
            return read.Text + " et merci";
        });

        Assert.Equal((2, "Bravo ! et merci"), (attempts, text));
    }

    [Fact]
    public async Task An_operation_that_meets_a_concurrent_write_at_each_attempt_gives_up_after_five()
    {
        await using var host = await StartAsync();
        var target = OperationTarget.OfClass(_world.Class5B.Id);
        var note = new Note(NoteId(), _world.Class5B.Id, "0");
        await Operations(host).RunAsync(Teacher, target, Write, async work =>
        {
            work.Documents<Note>().Add(note);
            await work.CommitAsync();
            return true;
        });
        var attempts = 0;

        await Assert.ThrowsAsync<Ent.Storage.RecordConflictException>(() => Operations(host).RunAsync(Teacher, target, Write, async work =>
        {
            attempts++;
            var read = (await work.Documents<Note>().FindAsync(n => n.Id == note.Id))!;
            await Operations(host).RunAsync(Teacher, target, Write, async other =>
            {
                other.Documents<Note>().Replace((await other.Documents<Note>().FindAsync(n => n.Id == note.Id))! with { Text = read.Text + "+" });
                await other.CommitAsync();
                return true;
            });
            work.Documents<Note>().Replace(read with { Text = "lost" });
            await work.CommitAsync();
            return true;
        }));

        Assert.Equal(OperationsExtensions.MaxAttempts, attempts);
    }

    [Fact]
    public async Task Thirty_events_and_their_documents_cost_one_commit()
    {
        var counter = new CommitCounter();
        await using var host = await StartAsync(counter: counter);

        await using var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        for (var i = 0; i < 30; i++)
        {
            var note = new Note(NoteId(), _world.Class5B.Id, $"Note {i}");
            work.Documents<Note>().Add(note);
            work.Publish(Written(note));
        }

        await work.CommitAsync();

        Assert.Equal((1, 0), (counter.Saves, counter.Appends));
        Assert.Equal(30, (await host.Services.GetRequiredService<IEventLog>().ReadAsync(new EventLogQuery(_world.Department.Id))).Count);
    }

    [Fact]
    public async Task A_handler_that_fails_after_the_commit_is_set_aside_and_the_commit_stands()
    {
        await using var host = await StartAsync(handler: true);
        var note = new Note(NoteId(), _world.Class5B.Id, "fail");

        await using (var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write))
        {
            work.Documents<Note>().Add(note);
            work.Publish(Written(note));
            await work.CommitAsync(); // returns normally
        }

        var failure = Assert.Single(await host.Services.GetRequiredService<IEventDeliveryFailures>().ListAsync(Actor(_world.Admin)));
        Assert.Equal(("NoteWritten", typeof(FailingHandler).FullName), (failure.EventType, failure.Handler));
        Assert.Contains("the handler broke", failure.Error, StringComparison.Ordinal);
        await using var read = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        Assert.NotNull(await read.Documents<Note>().FindAsync(n => n.Id == note.Id));
    }

    [Fact]
    public async Task The_set_aside_failures_are_for_those_who_may_see_the_audit_trail()
    {
        await using var host = await StartAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Services.GetRequiredService<IEventDeliveryFailures>().ListAsync(Teacher));
    }

    [Fact]
    public async Task A_cancellation_once_the_transaction_committed_does_not_throw()
    {
        await using var host = await StartAsync(handler: true);
        using var cancel = new CancellationTokenSource();
        host.Services.GetRequiredService<Cancelling>().Source = cancel;
        var note = new Note(NoteId(), _world.Class5B.Id, "cancel");

        await using var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        work.Documents<Note>().Add(note);
        work.Publish(Written(note));
        await work.CommitAsync(cancel.Token); // a handler cancels the caller's token after the commit

        Assert.True(cancel.IsCancellationRequested);
        await using var read = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        Assert.NotNull(await read.Documents<Note>().FindAsync(n => n.Id == note.Id));
    }

    [Fact]
    public async Task A_unit_of_work_disposed_without_committing_stores_nothing()
    {
        await using var host = await StartAsync();
        var note = new Note(NoteId(), _world.Class5B.Id, "draft");

        await using (var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write))
        {
            work.Documents<Note>().Add(note);
            work.Publish(Written(note));
        }

        await using var read = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        Assert.Null(await read.Documents<Note>().FindAsync(n => n.Id == note.Id));
        Assert.Empty(await host.Services.GetRequiredService<IEventLog>().ReadAsync(new EventLogQuery(_world.Department.Id)));
    }

    [Fact]
    public async Task A_committed_unit_of_work_cannot_be_used_again()
    {
        await using var host = await StartAsync();
        await using var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);
        await work.CommitAsync();

        Assert.Throws<InvalidOperationException>(() => work.Documents<Note>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => work.CommitAsync());
    }

    [Fact]
    public async Task A_unit_of_work_gives_its_plugin_its_own_documents_only()
    {
        await using var host = await StartAsync(other: true);
        await using var work = await Operations(host).BeginAsync(Teacher, OperationTarget.OfClass(_world.Class5B.Id), Write);

        var error = Assert.Throws<InvalidOperationException>(() => work.Documents<Secret>());

        Assert.Contains("a document of 'acme.other', not of 'acme.notes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_plugins_declaring_documents_of_one_type_are_a_diagnostic_naming_both()
    {
        var builder = Builder();
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.AddDocuments<Note>(d => d.Key(n => n.Id))), RecordingPlugin.Manifest("acme.copycat"));
        await using var host = builder.Build();
        await host.StartAsync();

        var diagnostic = Assert.Single(host.Runtime.Diagnostics, d => d.Code == PluginDiagnosticCodes.DocumentDeclaredTwice); // the second composed is refused
        Assert.Contains("'acme.copycat'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'acme.notes'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Note).FullName!, diagnostic.Message, StringComparison.Ordinal);
    }

    private Actor Teacher => Actor(_world.Teacher);

    private Actor Actor(Person person) => new(person.Id, _world.Department.Id);

    private static Guid NoteId() => Guid.CreateVersion7();

    private NoteWritten Written(Note note) => new(_world.Teacher.Id, _world.Department.Id, _world.School.Id, _world.Time.GetUtcNow(), note.Id);

    private static IOperations Operations(EntHost host) => host.Services.GetRequiredService<IOperations>();

    private async Task<EntHost> StartAsync(SchoolId? enableIn = null, CommitCounter? counter = null, bool handler = false, bool other = false)
    {
        var builder = Builder(enableIn, counter, handler);
        if (other)
        {
            builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.AddDocuments<Secret>(d => d.Key(s => s.Id))), RecordingPlugin.Manifest("acme.other"));
        }

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private EntHostBuilder Builder(SchoolId? enableIn = null, CommitCounter? counter = null, bool handler = false)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton(_world.Directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICourseCatalog>(_world.Courses));
        builder.Services.AddSingleton<InMemoryEventLog>();
        builder.Services.AddSingleton<IEventLog>(sp => counter is null ? sp.GetRequiredService<InMemoryEventLog>() : counter.Log(sp.GetRequiredService<InMemoryEventLog>()));
        builder.Services.TryAddSingleton<IAuditTrail, AuditTrail>();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>, EventLogRecorder>();
        builder.Services.AddSingleton<InMemoryRecordStores>(sp => new InMemoryRecordStores(sp.GetServices<RecordSchema>(), sp.GetRequiredService<InMemoryEventLog>()));
        builder.Services.AddSingleton<IRecordStores>(sp => counter is null ? sp.GetRequiredService<InMemoryRecordStores>() : counter.Stores(sp.GetRequiredService<InMemoryRecordStores>()));
        builder.Services.AddSingleton<Cancelling>();
        builder.Ent.AddPlugin(new ConfiguringPlugin(c =>
        {
            c.AddDocuments<Note>(d => d.Key(n => n.Id).Index(n => n.Class));
            c.GrantCapability(Role.Teacher, GrantReach.Scope, Write);
            if (handler)
            {
                c.AddEventHandler<NoteWritten, FailingHandler>();
            }
        }), RecordingPlugin.Manifest("acme.notes"));
        builder.Ent.EnablePlugin("acme.notes", enableIn ?? _world.School.Id, new DateOnly(2026, 9, 1));
        return builder;
    }

    public sealed record Note(Guid Id, ClassId Class, string Text);

    public sealed record Secret(Guid Id);

    public sealed record NoteWritten(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, Guid Note)
        : DomainEvent(Actor, Department, School, OccurredAt, new ObjectReference("acme.note", Note))
    {
        public override UsageCategory Category => UsageCategory.Pedagogical;
    }

    public sealed class Cancelling
    {
        public CancellationTokenSource? Source { get; set; }
    }

    public sealed class FailingHandler(Cancelling cancelling) : IDomainEventHandler<NoteWritten>
    {
        public Task HandleAsync(NoteWritten domainEvent, CancellationToken cancellationToken)
        {
            if (cancelling.Source is { } source)
            {
                source.Cancel();
                return Task.CompletedTask;
            }

            throw new InvalidOperationException("the handler broke");
        }
    }

    /// <summary>Counts the transactions: change sets saved and event batches appended on their own.</summary>
    public sealed class CommitCounter
    {
        public int Saves;
        public int Appends;

        public IRecordStores Stores(IRecordStores inner) => new CountingStores(this, inner);

        public IEventLog Log(IEventLog inner) => new CountingLog(this, inner);

        private sealed class CountingStores(CommitCounter counter, IRecordStores inner) : IRecordStores
        {
            public IRecordStore For(RecordSchema schema) => inner.For(schema);

            public Task<IReadOnlyList<Ent.Storage.Engines.Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref counter.Saves);
                return inner.SaveAsync(department, changes, cancellationToken);
            }
        }

        private sealed class CountingLog(CommitCounter counter, IEventLog inner) : IEventLog
        {
            public Task AppendAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref counter.Appends);
                return inner.AppendAsync(events, cancellationToken);
            }

            public Task<IReadOnlyList<StoredEvent>> ReadAsync(EventLogQuery query, CancellationToken cancellationToken = default) => inner.ReadAsync(query, cancellationToken);

            public Task<IReadOnlyDictionary<UsageCategory, long>> CountByCategoryAsync(EventLogQuery query, CancellationToken cancellationToken = default) => inner.CountByCategoryAsync(query, cancellationToken);

            public Task<IReadOnlyList<UsageCount>> CountByActorAsync(EventLogQuery query, CancellationToken cancellationToken = default) => inner.CountByActorAsync(query, cancellationToken);
        }
    }
}
