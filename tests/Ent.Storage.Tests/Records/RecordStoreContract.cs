using Ent.Core.Identifiers;
using Ent.Storage.Engines;
using Record = Ent.Storage.Engines.Record;
using Ent.Storage.Tests.Engines;

namespace Ent.Storage.Tests.Records;

/// <summary>The record store's contract. Each engine runs every test here (see the subclasses).</summary>
public abstract class RecordStoreContract : EngineContract
{
    protected readonly DepartmentId Department = DepartmentId.New();
    protected readonly Guid Assessment = Guid.CreateVersion7();
    protected readonly Guid Class = Guid.CreateVersion7();

    protected async Task<IRecordStore> OpenAsync(RecordSchema? schema = null)
    {
        schema ??= Marks.V1;
        return (await Engine.OpenRecordStoresAsync(schema)).For(schema);
    }

    [SkippableFact]
    public async Task An_inserted_record_is_read_back_with_every_value_at_version_1()
    {
        var store = await OpenAsync();
        var mark = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 12.75, comment: "Très bien — ½ point bonus ✓");

        var saved = await store.SaveAsync(Department, new RecordChanges().Insert(mark));
        var read = await store.FindAsync(Department, mark.Key);

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(mark.Values, read.Values);
        Assert.Equal(saved.Single(), read);
        Assert.Equal(Marks.Monday, read.Get<DateTimeOffset>("recorded_at"));
    }

    [SkippableFact]
    public async Task Bytes_are_read_back_exactly_empty_small_and_at_their_limit()
    {
        var store = await OpenAsync(Packed.Schema);
        byte[][] values = [[], [0, 1, 2, 255], [.. Enumerable.Range(0, Packed.MaxLength).Select(i => (byte)(i * 7))]];
        var records = values.Select(v => Packed.Table.NewRecord(Guid.CreateVersion7(), v, null)).ToArray();

        var saved = await store.SaveAsync(Department, new RecordChanges().InsertAll(records));

        foreach (var record in saved)
        {
            var read = await store.FindAsync(Department, record.Key);
            Assert.Equal(record.GetBytes("marks").ToArray(), read!.GetBytes("marks").ToArray());
            Assert.Null(read["extra"]);
            Assert.Equal(record, read); // bytes compare by content
        }
    }

    [SkippableFact]
    public async Task Bytes_written_in_bulk_are_read_back_exactly()
    {
        var store = await OpenAsync(Packed.Schema);
        var records = Enumerable.Range(0, 500).Select(i => Packed.Table.NewRecord(Guid.CreateVersion7(), Enumerable.Range(0, i % 50).Select(b => (byte)(b + i)).ToArray(), new byte[] { (byte)i })).ToArray();

        await store.SaveAsync(Department, new RecordChanges().InsertAll(records));

        var read = await store.QueryAsync(Department, RecordQuery.From(Packed.Table).Take(1000));
        Assert.Equal(records.OrderBy(r => r.GetId("assessment")).Select(r => Convert.ToHexString(r.GetBytes("marks").Span)), read.Select(r => Convert.ToHexString(r.GetBytes("marks").Span)));
        Assert.All(read, r => Assert.Equal(1, r.GetBytes("extra").Length));
    }

    [SkippableFact]
    public async Task Bytes_over_their_limit_are_refused_naming_the_column_and_nothing_is_written()
    {
        var store = await OpenAsync(Packed.Schema);
        var fine = Packed.Table.NewRecord(Guid.CreateVersion7(), new byte[] { 1 }, null);

        var error = Assert.ThrowsAny<ArgumentException>(() => new RecordChanges().Insert(fine).Insert(Packed.Table.NewRecord(Guid.CreateVersion7(), new byte[Packed.MaxLength + 1], null)));

        Assert.Contains($"marks: {Packed.MaxLength + 1} bytes are over the limit of {Packed.MaxLength}", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.QueryAsync(Department, RecordQuery.From(Packed.Table)));
    }

    [SkippableFact]
    public async Task Finding_a_missing_key_returns_null()
    {
        var store = await OpenAsync();

        Assert.Null(await store.FindAsync(Department, Marks.Table(Marks.V1).Key(Assessment, Guid.CreateVersion7())));
    }

    [SkippableFact]
    public async Task A_query_returns_the_matching_records_in_key_order()
    {
        var store = await OpenAsync();
        var otherClass = Guid.CreateVersion7();
        var marks = Marks.Many(20, Assessment, Class).Concat(Marks.Many(5, Assessment, otherClass)).Reverse().ToArray();
        await store.SaveAsync(Department, new RecordChanges().InsertAll(marks));

        var read = await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)).Where("class", Class));

        Assert.Equal(marks.Where(m => m.GetId("class") == Class).Select(m => m.GetId("pupil")).Order(), read.Select(m => m.GetId("pupil")));
    }

    [SkippableFact]
    public async Task Queries_read_together_give_each_querys_records_in_order_and_never_another_departments()
    {
        var store = await OpenAsync();
        var otherClass = Guid.CreateVersion7();
        var marks = Marks.Many(8, Assessment, Class).Concat(Marks.Many(3, Assessment, otherClass)).ToArray();
        await store.SaveAsync(Department, new RecordChanges().InsertAll(marks));
        await store.SaveAsync(DepartmentId.New(), new RecordChanges().InsertAll(Marks.Many(4, Assessment, Class)));
        var table = Marks.Table(Marks.V1);

        var read = await store.QueryManyAsync(Department, [RecordQuery.From(table).Where("class", otherClass), RecordQuery.From(table).Where("class", Guid.CreateVersion7()), RecordQuery.From(table).Where("class", Class)]);

        Assert.Equal(3, read.Count);
        Assert.Equal(marks.Where(m => m.GetId("class") == otherClass).Select(m => m.GetId("pupil")).Order(), read[0].Select(m => m.GetId("pupil")));
        Assert.Empty(read[1]);
        Assert.Equal(marks.Where(m => m.GetId("class") == Class).Select(m => m.GetId("pupil")).Order(), read[2].Select(m => m.GetId("pupil")));
        Assert.Empty(await store.QueryManyAsync(Department, []));
    }

    [SkippableFact]
    public async Task A_query_on_null_matches_only_null_values()
    {
        var store = await OpenAsync();
        var unmarked = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, null);
        await store.SaveAsync(Department, new RecordChanges().Insert(unmarked).Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 10)));

        var read = await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)).Where("score", null));

        Assert.Equal([unmarked.Key], read.Select(r => r.Key));
    }

    [SkippableFact]
    public async Task A_query_can_be_capped()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Department, new RecordChanges().InsertAll(Marks.Many(10, Assessment, Class)));

        var read = await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)).Take(3));

        Assert.Equal(3, read.Count);
    }

    [SkippableFact]
    public async Task A_table_is_read_page_by_page_in_key_order()
    {
        var store = await OpenAsync();
        var marks = Marks.Many(25, Assessment, Class);
        await store.SaveAsync(Department, new RecordChanges().InsertAll(marks));
        var query = RecordQuery.From(Marks.Table(Marks.V1)).Where("class", Class).Take(10);

        var pages = new List<IReadOnlyList<Record>>();
        for (var page = await store.QueryAsync(Department, query); page.Count > 0; page = await store.QueryAsync(Department, query.StartAfter(page[^1].Key)))
        {
            pages.Add(page);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        Assert.Equal(marks.Select(m => m.GetId("pupil")).Order(), pages.SelectMany(p => p).Select(m => m.GetId("pupil")));
    }

    [SkippableFact]
    public async Task Ten_thousand_marks_are_saved_in_one_change_set()
    {
        var store = await OpenAsync();
        var marks = Marks.Many(10_000, Assessment, Class);

        var saved = await store.SaveAsync(Department, new RecordChanges().InsertAll(marks));

        Assert.Equal(10_000, saved.Count);
        Assert.Equal(10_000, (await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)).Where("class", Class))).Count);
    }

    [SkippableFact]
    public async Task Every_value_of_a_large_change_set_is_read_back_as_written()
    {
        var store = await OpenAsync();
        var marks = Marks.Many(200, Assessment, Class)
            .Select((m, i) => i % 3 == 0 ? m.With("comment", $"Très bien — ½ point n°{i} ✓").With("absent", true) : m.With("score", null))
            .ToArray();

        await store.SaveAsync(Department, new RecordChanges().InsertAll(marks));

        var read = (await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)).Where("class", Class))).ToDictionary(r => r.Key);
        Assert.All(marks, mark => Assert.Equal(mark.Values, read[mark.Key].Values));
    }

    [SkippableFact]
    public async Task An_update_replaces_the_values_and_increments_the_version()
    {
        var store = await OpenAsync();
        var saved = (await store.SaveAsync(Department, new RecordChanges().Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8)))).Single();

        var updated = (await store.SaveAsync(Department, new RecordChanges().Update(saved.With("score", 9.5).With("comment", "Revu")))).Single();

        var read = await store.FindAsync(Department, saved.Key);
        Assert.Equal(2, updated.Version);
        Assert.Equal(updated, read);
        Assert.Equal(9.5, read!.GetNumber("score"));
    }

    [SkippableFact]
    public async Task A_delete_removes_the_record()
    {
        var store = await OpenAsync();
        var saved = (await store.SaveAsync(Department, new RecordChanges().Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8)))).Single();

        var result = await store.SaveAsync(Department, new RecordChanges().Delete(saved));

        Assert.Empty(result);
        Assert.Null(await store.FindAsync(Department, saved.Key));
    }

    [SkippableFact]
    public async Task The_second_writer_of_a_record_gets_a_conflict_not_an_overwrite()
    {
        var store = await OpenAsync();
        var read = (await store.SaveAsync(Department, new RecordChanges().Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8)))).Single();
        await store.SaveAsync(Department, new RecordChanges().Update(read.With("score", 12.0)));

        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => store.SaveAsync(Department, new RecordChanges().Update(read.With("score", 4.0))));

        Assert.Equal((1L, (long?)2), (conflict.ExpectedVersion, conflict.StoredVersion));
        Assert.Equal(read.Key, conflict.Key);
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(12.0, (await store.FindAsync(Department, read.Key))!.GetNumber("score"));
    }

    [SkippableFact]
    public async Task Concurrent_writers_of_one_record_see_exactly_one_success()
    {
        var store = await OpenAsync();
        var read = (await store.SaveAsync(Department, new RecordChanges().Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8)))).Single();

        var attempts = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(Department, new RecordChanges().Update(read.With("score", (double)i)));
                return true;
            }
            catch (RecordConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(succeeded => succeeded));
        Assert.Equal(2, (await store.FindAsync(Department, read.Key))!.Version);
    }

    [SkippableFact]
    public async Task Deleting_a_record_another_writer_deleted_is_a_conflict()
    {
        var store = await OpenAsync();
        var read = (await store.SaveAsync(Department, new RecordChanges().Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8)))).Single();
        await store.SaveAsync(Department, new RecordChanges().Delete(read));

        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => store.SaveAsync(Department, new RecordChanges().Delete(read)));

        Assert.Null(conflict.StoredVersion);
        Assert.Contains("no longer exists", conflict.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task Inserting_a_key_that_exists_is_a_conflict_and_writes_nothing(int newRecords)
    {
        var store = await OpenAsync();
        var existing = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8);
        await store.SaveAsync(Department, new RecordChanges().Insert(existing));
        var others = Marks.Many(newRecords, Assessment, Guid.CreateVersion7());

        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() =>
            store.SaveAsync(Department, new RecordChanges().InsertAll(others).Insert(Marks.Mark(Assessment, existing.GetId("pupil"), Class, 20))));

        Assert.Equal(existing.Key, conflict.Key);
        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Contains("already exists", conflict.Message, StringComparison.Ordinal);
        Assert.Single(await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1))));
        Assert.Equal(8, (await store.FindAsync(Department, existing.Key))!.GetNumber("score"));
    }

    [SkippableFact]
    public async Task A_change_set_with_one_stale_record_writes_nothing()
    {
        var store = await OpenAsync();
        var saved = await store.SaveAsync(Department, new RecordChanges().InsertAll(Marks.Many(3, Assessment, Class)));
        await store.SaveAsync(Department, new RecordChanges().Update(saved[2].With("score", 1.0)));
        var fresh = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 15);

        await Assert.ThrowsAsync<RecordConflictException>(() => store.SaveAsync(Department, new RecordChanges()
            .Update(saved[0].With("score", 19.0))
            .Insert(fresh)
            .Delete(saved[1])
            .Update(saved[2].With("score", 2.0))));

        Assert.Equal(saved[0].GetNumber("score"), (await store.FindAsync(Department, saved[0].Key))!.GetNumber("score"));
        Assert.NotNull(await store.FindAsync(Department, saved[1].Key));
        Assert.Null(await store.FindAsync(Department, fresh.Key));
        Assert.Equal(1.0, (await store.FindAsync(Department, saved[2].Key))!.GetNumber("score"));
    }

    [SkippableFact]
    public async Task Another_departments_records_are_never_seen_or_changed()
    {
        var store = await OpenAsync();
        var other = DepartmentId.New();
        var pupil = Guid.CreateVersion7();
        var ours = (await store.SaveAsync(Department, new RecordChanges().Insert(Marks.Mark(Assessment, pupil, Class, 8)))).Single();
        var theirs = (await store.SaveAsync(other, new RecordChanges().Insert(Marks.Mark(Assessment, pupil, Class, 17)))).Single();

        Assert.Equal(8, (await store.FindAsync(Department, ours.Key))!.GetNumber("score"));
        Assert.Equal(17, (await store.FindAsync(other, theirs.Key))!.GetNumber("score"));
        Assert.Equal([8.0], (await store.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)).Where("class", Class).Where("pupil", pupil))).Select(r => r.GetNumber("score")));
        Assert.Empty(await store.QueryAsync(DepartmentId.New(), RecordQuery.From(Marks.Table(Marks.V1))));
        await Assert.ThrowsAsync<RecordConflictException>(() => store.SaveAsync(DepartmentId.New(), new RecordChanges().Update(theirs.With("score", 0.0))));
        await Assert.ThrowsAsync<RecordConflictException>(() => store.SaveAsync(DepartmentId.New(), new RecordChanges().Delete(theirs)));
        Assert.Equal(17, (await store.FindAsync(other, theirs.Key))!.GetNumber("score"));
    }

    [SkippableFact]
    public async Task The_empty_department_is_refused()
    {
        var store = await OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(default, new RecordChanges().Insert(Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 8))));

        Assert.Contains("department", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_table_of_another_component_is_refused_before_writing()
    {
        var foreign = RecordSchema.Create("test.other", s => s.Version(1, "Notes", v => v.CreateTable("marks", t => t.Key(Column.Id("id")))));
        var stores = await Engine.OpenRecordStoresAsync(Marks.V1);
        var store = stores.For(Marks.V1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Department, new RecordChanges().Insert(foreign.Table("marks").NewRecord(Guid.NewGuid()))));

        Assert.Contains("test.other/marks", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => stores.For(foreign));
    }
}

/// <summary>What only a store that outlives the process promises: data across reopening, schema upgrades.</summary>
public abstract class DurableRecordStoreContract : RecordStoreContract
{
    [SkippableFact]
    public async Task Records_survive_reopening_the_store()
    {
        var store = await OpenAsync();
        var marks = Marks.Many(100, Assessment, Class);
        await store.SaveAsync(Department, new RecordChanges().InsertAll(marks));

        var reopened = await OpenAsync();

        Assert.Equal(marks.Select(m => m.Key).OrderBy(k => (Guid)k.Values[1]!), (await reopened.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V1)))).Select(r => r.Key));
    }

    [SkippableFact]
    public async Task An_upgrade_migrates_the_stored_rows_of_every_department()
    {
        var v1 = await OpenAsync(Marks.V1);
        var other = DepartmentId.New();
        var marked = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 12.5);
        var absent = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, null, absent: true);
        var theirs = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 3);
        await v1.SaveAsync(Department, new RecordChanges().Insert(marked).Insert(absent));
        await v1.SaveAsync(other, new RecordChanges().Insert(theirs));

        var v2 = await OpenAsync(Marks.V2);

        var ours = await v2.QueryAsync(Department, RecordQuery.From(Marks.Table(Marks.V2)));
        var upgraded = Assert.Single(ours);
        Assert.Equal((62.5, 100L, 2L), (upgraded.GetNumber("score"), upgraded.GetInteger("scale"), upgraded.Version));
        Assert.Equal(15.0, (await v2.FindAsync(other, Marks.Table(Marks.V2).Key(Assessment, theirs.GetId("pupil"))))!.GetNumber("score"));
    }

    [SkippableFact]
    public async Task A_failing_upgrade_leaves_the_store_at_its_old_version_and_data()
    {
        var v1 = await OpenAsync(Marks.V1);
        var mark = Marks.Mark(Assessment, Guid.CreateVersion7(), Class, 12.5);
        await v1.SaveAsync(Department, new RecordChanges().Insert(mark));
        var broken = RecordSchema.Create(Marks.Component, schema => Marks.Version1(schema)
            .Version(2, "Broken", v => v
                .AddColumn("marks", Column.Integer("scale", 1, 100), defaultValue: 20L)
                .Transform("marks", _ => throw new FormatException("cannot convert"))));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync(broken));

        Assert.Contains("Version 2 of 'test.grading'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot convert", error.Message, StringComparison.Ordinal);
        var reopened = await OpenAsync(Marks.V1);
        Assert.Equal(mark.Values, (await reopened.FindAsync(Department, mark.Key))!.Values);
    }

    [SkippableFact]
    public async Task A_record_schema_newer_than_the_code_is_refused()
    {
        await OpenAsync(Marks.V2);

        var error = await Assert.ThrowsAsync<IncompatibleStoreException>(() => OpenAsync(Marks.V1));

        Assert.Contains("'test.grading' is at version 2, newer than this code (version 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains(Engine.Location, error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteRecordStoreTests : DurableRecordStoreContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlRecordStoreTests : DurableRecordStoreContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}

public sealed class InMemoryRecordStoreTests : RecordStoreContract
{
    protected override StorageEngine CreateEngine() => new InMemoryEngine();
}
