using System.Text.Json;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Schema;
using Ent.Storage.Tests.Engines;

namespace Ent.Storage.Tests.Events;

/// <summary>The event log's contract. Each engine runs every test here (see the subclasses).</summary>
public abstract class EventLogContract : EngineContract
{
    private readonly DepartmentId _department = DepartmentId.New();
    private readonly SchoolId _school = SchoolId.New();

    [SkippableFact]
    public async Task Appended_events_are_read_back_in_order_with_every_field()
    {
        var log = await Engine.OpenEventLogAsync();
        var first = SampleEvents.Progress(_department, _school, SampleEvents.Monday, score: 13.5m);
        var second = SampleEvents.Progress(_department, null, SampleEvents.Monday.AddHours(1));

        await log.AppendAsync([first, second]);
        var stored = await log.ReadAsync(new EventLogQuery(_department));

        Assert.Equal([first.Id, second.Id], stored.Select(e => e.Id));
        Assert.True(stored[0].Sequence < stored[1].Sequence);
        var read = stored[0];
        Assert.Equal((first.Department, first.School, first.Actor, first.OccurredAt, UsageCategory.Pedagogical, "ActivityProgressRecorded", first.Object),
            (read.Department, read.School, read.Actor, read.OccurredAt, read.Category, read.Type, read.Object));
        Assert.Null(stored[1].School);
        using var payload = JsonDocument.Parse(read.Payload);
        Assert.Equal(13.5m, payload.RootElement.GetProperty("progress").GetProperty("evidence")[0].GetProperty("score").GetProperty("raw").GetDecimal());
        Assert.Equal("score", payload.RootElement.GetProperty("progress").GetProperty("evidence")[0].GetProperty("kind").GetString());
    }

    [SkippableFact]
    public async Task A_large_batch_is_appended_whole()
    {
        var log = await Engine.OpenEventLogAsync();
        var events = SampleEvents.Many(500, _department, _school);

        await log.AppendAsync(events);

        var stored = await log.ReadAsync(new EventLogQuery(_department) { Limit = 1000 });
        Assert.Equal(events.Select(e => e.Id), stored.Select(e => e.Id));
        var (written, read) = (events[250], stored[250]);
        Assert.Equal((written.Department, written.School, written.Actor, written.OccurredAt, written.Category, written.Object),
            (read.Department, read.School, read.Actor, read.OccurredAt, read.Category, read.Object));
        using var payload = JsonDocument.Parse(read.Payload);
        Assert.Equal(JsonValueKind.Object, payload.RootElement.GetProperty("progress").ValueKind);
    }

    [SkippableFact]
    public async Task A_batch_with_an_event_already_logged_is_refused_whole_and_the_log_is_unchanged()
    {
        var log = await Engine.OpenEventLogAsync();
        var logged = SampleEvents.Progress(_department, _school, SampleEvents.Monday);
        await log.AppendAsync([logged]);
        var batch = SampleEvents.Many(100, _department, _school).Append<DomainEvent>(logged).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(batch));

        Assert.Contains("nothing of the batch was written", error.Message, StringComparison.Ordinal);
        Assert.Equal([logged.Id], (await log.ReadAsync(new EventLogQuery(_department))).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task An_event_over_a_limit_late_in_a_large_batch_leaves_nothing_of_the_batch()
    {
        var log = await Engine.OpenEventLogAsync();
        var events = SampleEvents.Many(3000, _department, _school);
        events[2500] = events[2500] with { Object = new ObjectReference(new string('x', 101), Guid.NewGuid()) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(events));

        Assert.Contains(events[2500].Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Empty(await log.ReadAsync(new EventLogQuery(_department)));
    }

    [SkippableFact]
    public async Task An_event_twice_in_a_large_batch_leaves_nothing_of_the_batch()
    {
        var log = await Engine.OpenEventLogAsync();
        var events = SampleEvents.Many(3000, _department, _school);
        events[2999] = events[10];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(events));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
        Assert.Empty(await log.ReadAsync(new EventLogQuery(_department)));
    }

    [SkippableFact]
    public async Task An_event_over_a_limit_is_refused_before_writing_naming_it()
    {
        var log = await Engine.OpenEventLogAsync();
        var fine = SampleEvents.Progress(_department, _school, SampleEvents.Monday);
        var tooLong = SampleEvents.Progress(_department, _school, SampleEvents.Monday) with { Object = new ObjectReference(new string('x', 101), Guid.NewGuid()) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync([fine, tooLong]));

        Assert.Contains(tooLong.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("object kind is 101 characters long, the limit is 100", error.Message, StringComparison.Ordinal);
        Assert.Empty(await log.ReadAsync(new EventLogQuery(_department)));
    }

    [SkippableFact]
    public async Task A_query_never_returns_another_departments_events_whatever_school_it_names()
    {
        var log = await Engine.OpenEventLogAsync();
        var other = DepartmentId.New();
        var otherSchool = SchoolId.New();
        await log.AppendAsync([SampleEvents.Progress(other, otherSchool, SampleEvents.Monday), SampleEvents.Progress(_department, _school, SampleEvents.Monday)]);

        Assert.Empty(await log.ReadAsync(new EventLogQuery(_department) { School = otherSchool }));
        Assert.All(await log.ReadAsync(new EventLogQuery(_department)), e => Assert.Equal(_department, e.Department));
        Assert.Equal(1, (await log.CountByCategoryAsync(new EventLogQuery(_department)))[UsageCategory.Pedagogical]);
    }

    [SkippableFact]
    public async Task Events_survive_a_restart()
    {
        var events = SampleEvents.Many(3, _department, _school);
        await (await Engine.OpenEventLogAsync()).AppendAsync(events);

        var reopened = await Engine.OpenEventLogAsync();

        Assert.Equal(events.Select(e => e.Id), (await reopened.ReadAsync(new EventLogQuery(_department))).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task Pages_through_the_log_by_position_and_filters_by_school_and_time()
    {
        var log = await Engine.OpenEventLogAsync();
        var events = SampleEvents.Many(10, _department, _school);
        await log.AppendAsync(events);
        await log.AppendAsync([SampleEvents.Progress(_department, SchoolId.New(), SampleEvents.Monday)]);

        var page1 = await log.ReadAsync(new EventLogQuery(_department) { School = _school, Limit = 4 });
        var page2 = await log.ReadAsync(new EventLogQuery(_department) { School = _school, Limit = 4, AfterSequence = page1[^1].Sequence });
        var window = await log.ReadAsync(new EventLogQuery(_department) { School = _school, From = SampleEvents.Monday.AddMinutes(2), Until = SampleEvents.Monday.AddMinutes(5) });

        Assert.Equal(events.Take(4).Select(e => e.Id), page1.Select(e => e.Id));
        Assert.Equal(events.Skip(4).Take(4).Select(e => e.Id), page2.Select(e => e.Id));
        Assert.Equal(events.Skip(2).Take(3).Select(e => e.Id), window.Select(e => e.Id));
    }

    [SkippableFact]
    public async Task Counts_events_by_usage_category()
    {
        var log = await Engine.OpenEventLogAsync();
        await log.AppendAsync(SampleEvents.Many(3, _department, _school));

        var counts = await log.CountByCategoryAsync(new EventLogQuery(_department));

        Assert.Equal((3L, 0L, 0L), (counts[UsageCategory.Pedagogical], counts[UsageCategory.Administration], counts[UsageCategory.Communication]));
    }

    [SkippableFact]
    public async Task Counts_events_by_school_actor_and_category_within_a_window()
    {
        var log = await Engine.OpenEventLogAsync();
        var (teacher, other) = (PersonId.New(), SchoolId.New());
        ActivityProgressRecorded By(PersonId actor, SchoolId? school, int minutes) => SampleEvents.Progress(_department, school, SampleEvents.Monday.AddMinutes(minutes)) with { Actor = actor };
        await log.AppendAsync([By(teacher, _school, 0), By(teacher, _school, 1), By(teacher, other, 2), By(teacher, null, 3), By(PersonId.New(), _school, 4),
            new SampleEvents.RosterChecked(teacher, _department, _school, SampleEvents.Monday.AddMinutes(5)),
            By(teacher, _school, 60 * 24 * 7)]); // a week later: outside the window

        var counts = await log.CountByActorAsync(new EventLogQuery(_department) { From = SampleEvents.Monday, Until = SampleEvents.Monday.AddDays(1) });

        Assert.Equal(
            [(_school, teacher, UsageCategory.Pedagogical, 2L), (_school, teacher, UsageCategory.Administration, 1L), (other, teacher, UsageCategory.Pedagogical, 1L), (null, teacher, UsageCategory.Pedagogical, 1L)],
            counts.Where(c => c.Actor == teacher).OrderBy(c => c.School is null).ThenBy(c => c.School == other).ThenBy(c => c.Category).Select(c => ((SchoolId?)c.School, c.Actor, c.Category, c.Count)));
        Assert.Equal(6, counts.Sum(c => c.Count));
        Assert.Equal(3, (await log.CountByActorAsync(new EventLogQuery(_department) { School = _school, Until = SampleEvents.Monday.AddDays(1) })).Where(c => c.Actor == teacher).Sum(c => c.Count));
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task A_page_size_out_of_range_is_refused(int limit)
    {
        var log = await Engine.OpenEventLogAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.ReadAsync(new EventLogQuery(_department) { Limit = limit }));
    }
}

/// <summary>What only durable engines promise on top of the event log contract.</summary>
public abstract class DurableEventLogContract : EventLogContract
{
    private readonly DepartmentId _department = DepartmentId.New();
    private readonly SchoolId _school = SchoolId.New();

    [SkippableFact]
    public async Task A_schema_newer_than_the_code_is_refused_naming_the_store_and_nothing_is_lost()
    {
        var events = SampleEvents.Many(2, _department, _school);
        await (await Engine.OpenEventLogAsync()).AppendAsync(events);
        await Engine.SetSchemaVersionAsync(SchemaComponents.EventLog, 99);

        var error = await Assert.ThrowsAsync<IncompatibleStoreException>(Engine.OpenEventLogAsync);

        Assert.Contains(Engine.Location, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'core.events' is at version 99, newer than this code (version {Engine.EventLogVersion})", error.Message, StringComparison.Ordinal);
        await Engine.SetSchemaVersionAsync(SchemaComponents.EventLog, Engine.EventLogVersion);
        Assert.Equal(events.Select(e => e.Id), (await (await Engine.OpenEventLogAsync()).ReadAsync(new EventLogQuery(_department))).Select(e => e.Id));
    }
}

public sealed class SqliteEventLogTests : DurableEventLogContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlEventLogTests : DurableEventLogContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();

    [SkippableFact]
    public async Task A_version_1_log_gets_its_brin_time_index_and_keeps_its_events()
    {
        var engine = (PostgreSqlEngine)Engine;
        var department = DepartmentId.New();
        var events = SampleEvents.Many(100, department, SchoolId.New());
        await new Ent.Storage.PostgreSql.PostgreSqlEventLog(await engine.OpenAsync(eventLogVersion: 1)).AppendAsync(events);

        var log = new Ent.Storage.PostgreSql.PostgreSqlEventLog(await engine.OpenAsync());

        Assert.Equal(events.Select(e => e.Id), (await log.ReadAsync(new EventLogQuery(department))).Select(e => e.Id));
        await using var connection = new Npgsql.NpgsqlConnection(engine.ConnectionString);
        await connection.OpenAsync();
        await using var indexes = new Npgsql.NpgsqlCommand("SELECT string_agg(indexname || ':' || split_part(indexdef, 'USING ', 2), ' ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'ent' AND tablename = 'events'", connection);
        var found = (string)(await indexes.ExecuteScalarAsync())!;
        Assert.Contains("ix_events_time:brin (occurred_at)", found, StringComparison.Ordinal);
        Assert.DoesNotContain("ix_events_department_time", found, StringComparison.Ordinal);
    }
}

public sealed class InMemoryEventLogTests : EventLogContract
{
    protected override StorageEngine CreateEngine() => new InMemoryEngine();
}
