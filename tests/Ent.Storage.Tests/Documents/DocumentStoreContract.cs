using Ent.Core.Identifiers;
using Ent.Storage.Documents;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.Storage.Tests.Engines;
using Ent.Storage.Tests.Events;

namespace Ent.Storage.Tests.Documents;

/// <summary>The documents' contract: each engine runs every test here (see the subclasses), over the engine's own record stores.</summary>
public abstract class DocumentStoreContract : EngineContract
{
    protected readonly DepartmentId Department = DepartmentId.New();
    protected readonly CourseId Course = CourseId.New();
    protected readonly ClassId Class = ClassId.New();
    protected readonly PeriodId Period = PeriodId.New();

    private IRecordStores _stores = null!;
    private DocumentRegistry _registry = null!;

    private protected async Task<IRecordStores> OpenAsync(params DocumentType[] types)
    {
        types = types.Length == 0 ? SampleDocuments.All : types;
        _stores = await Engine.OpenRecordStoresAsync([.. types.Select(t => t.Schema)]);
        _registry = new DocumentRegistry(types);
        return _stores;
    }

    private protected DocumentSession Session(DepartmentId? department = null) => new(_stores, _registry, department ?? Department, SampleDocuments.Owner);

    private protected Task CommitAsync(DocumentSession session, params Ent.Core.Events.DomainEvent[] events)
    {
        var changes = session.ToChanges();
        foreach (var domainEvent in events)
        {
            changes.Append(domainEvent);
        }

        return _stores.SaveAsync(session.Department, changes);
    }

    private async Task<Sheet[]> AddSheetsAsync(int count, Func<int, Sheet>? make = null)
    {
        var session = Session();
        var sheets = Enumerable.Range(0, count).Select(make ?? (n => SampleDocuments.Sheet(Course, Class, Period, n))).ToArray();
        foreach (var sheet in sheets)
        {
            session.Set<Sheet>().Add(sheet);
        }

        await CommitAsync(session);
        return sheets;
    }

    [SkippableFact]
    public async Task A_document_is_read_back_with_every_member_as_written()
    {
        await OpenAsync();
        var sheet = (await AddSheetsAsync(1, n => SampleDocuments.Sheet(Course, Class, Period, 1)))[0];

        var read = await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id);

        Assert.NotNull(read);
        Assert.Equivalent(sheet, read, strict: true);
        Assert.Equal(sheet.At, read.At);
        Assert.Equal(sheet.At.Offset, read.At.Offset);
    }

    [SkippableFact]
    public async Task A_document_that_is_not_stored_is_found_null()
    {
        await OpenAsync();

        Assert.Null(await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task Documents_found_at_once_come_one_per_key_in_the_order_asked_null_where_absent()
    {
        await OpenAsync();
        var sheets = await AddSheetsAsync(3);
        var absent = Guid.NewGuid();
        Guid[] asked = [sheets[2].Id, absent, sheets[0].Id, sheets[2].Id];

        var found = await Session().Set<Sheet>().FindManyAsync(asked, id => s => s.Course == Course && s.Id == id);

        Assert.Equal([sheets[2].Id, null, sheets[0].Id, sheets[2].Id], found.Select(s => s?.Id));
        Assert.Equivalent(sheets[0], found[2], strict: true);
        Assert.Empty(await Session().Set<Sheet>().FindManyAsync(Array.Empty<Guid>(), id => s => s.Course == Course && s.Id == id));
    }

    [SkippableFact]
    public async Task Documents_found_at_once_see_what_the_unit_of_work_staged_and_never_another_departments()
    {
        await OpenAsync();
        var theirs = Session(DepartmentId.New());
        var sheet = SampleDocuments.Sheet(Course, Class, Period);
        theirs.Set<Sheet>().Add(sheet);
        await CommitAsync(theirs);
        var session = Session();
        var staged = SampleDocuments.Sheet(Course, Class, Period, 2);
        session.Set<Sheet>().Add(staged);

        var found = await session.Set<Sheet>().FindManyAsync([sheet.Id, staged.Id], id => s => s.Course == Course && s.Id == id);

        Assert.Null(found[0]);
        Assert.Equal(staged.Id, found[1]?.Id);
    }

    [SkippableFact]
    public async Task A_write_that_found_documents_absent_at_once_is_refused_once_another_writer_created_one()
    {
        await OpenAsync();
        var writer = Session();
        var classes = new[] { ClassId.New(), Class, ClassId.New() };
        Assert.All(await writer.Set<Closure>().FindManyAsync(classes, @class => c => c.Class == @class && c.Period == Period), Assert.Null);
        writer.Set<Sheet>().Add(SampleDocuments.Sheet(Course, Class, Period));
        var head = Session();
        head.Set<Closure>().Add(new Closure(Class, Period, PersonId.New()));
        await CommitAsync(head); // the head of school closes one of the periods meanwhile

        await Assert.ThrowsAsync<RecordConflictException>(() => CommitAsync(writer));

        Assert.Empty(await Session().Set<Sheet>().All().ListAsync());
    }

    [SkippableFact]
    public async Task Documents_found_at_once_need_each_whole_key_checked_before_any_read()
    {
        await OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Session().Set<Sheet>().FindManyAsync([Guid.NewGuid()], id => s => s.Id == id));

        Assert.Contains("Course", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Queries_listed_together_give_what_each_lists_alone()
    {
        await OpenAsync();
        var ours = await AddSheetsAsync(6);
        var otherPeriod = PeriodId.New();
        var theirs = await AddSheetsAsync(3, n => SampleDocuments.Sheet(Course, Class, otherPeriod, n));
        var session = Session();
        var sheets = session.Set<Sheet>();

        var (first, second, third) = await sheets.Where(s => s.Class == Class && s.Period == Period)
            .ListTogetherAsync(sheets.Where(s => s.Class == Class && s.Period == otherPeriod), sheets.Where(s => s.Class == Class && s.Period == PeriodId.New()));

        Assert.Equal(ours.Select(s => s.Id).Order(), first.Select(s => s.Id));
        Assert.Equal(theirs.Select(s => s.Id).Order(), second.Select(s => s.Id));
        Assert.Empty(third);
    }

    [SkippableFact]
    public async Task A_batch_of_any_number_of_queries_gives_what_each_lists_alone_and_reads_them_in_the_unit_of_work()
    {
        await OpenAsync();
        var ours = await AddSheetsAsync(4);
        var otherPeriod = PeriodId.New();
        var theirs = await AddSheetsAsync(2, n => SampleDocuments.Sheet(Course, Class, otherPeriod, n));
        var session = Session();
        var batch = new DocumentBatch();
        var lists = new[] { Period, otherPeriod, PeriodId.New(), Period }.Select(p => batch.Add(session.Set<Sheet>().Where(s => s.Class == Class && s.Period == p))).ToList();

        await batch.ReadAsync();

        Assert.Equal(ours.Select(s => s.Id).Order(), batch.Get(lists[0]).Select(s => s.Id));
        Assert.Equal(theirs.Select(s => s.Id).Order(), batch.Get(lists[1]).Select(s => s.Id));
        Assert.Empty(batch.Get(lists[2]));
        session.Set<Sheet>().Replace(batch.Get(lists[3])[0] with { Title = "read in a batch" }); // read first: replacing it is allowed
        await CommitAsync(session);
    }

    [SkippableFact]
    public async Task Documents_listed_together_are_read_in_the_unit_of_work_so_that_a_concurrent_change_is_refused()
    {
        await OpenAsync();
        var sheet = (await AddSheetsAsync(1))[0];
        var session = Session();
        var (read, _) = await session.Set<Sheet>().Where(s => s.Class == Class && s.Period == Period)
            .ListTogetherAsync(session.Set<Sheet>().Where(s => s.Class == Class && s.Period == PeriodId.New()));
        var other = Session();
        var theirs = (await other.Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id))!;
        other.Set<Sheet>().Replace(theirs with { Title = "changed meanwhile" });
        await CommitAsync(other);

        session.Set<Sheet>().Replace(read[0] with { Title = "mine" });

        await Assert.ThrowsAsync<RecordConflictException>(() => CommitAsync(session));
    }

    [SkippableFact]
    public async Task A_query_by_index_returns_the_matching_documents_in_key_order()
    {
        await OpenAsync();
        var ours = await AddSheetsAsync(12);
        var otherPeriod = PeriodId.New();
        await AddSheetsAsync(5, n => SampleDocuments.Sheet(Course, Class, otherPeriod, n));

        var read = await Session().Set<Sheet>().Where(s => s.Class == Class && s.Period == Period).ListAsync();

        Assert.Equal(ours.Select(s => s.Id).Order(), read.Select(s => s.Id));
    }

    [SkippableFact]
    public async Task A_query_by_an_enum_index_or_a_key_prefix_filters_on_it()
    {
        await OpenAsync();
        var sheets = await AddSheetsAsync(10, n => SampleDocuments.Sheet(Course, Class, Period, n, n % 3 == 0 ? Kind.Oral : Kind.Written));
        await AddSheetsAsync(3, n => SampleDocuments.Sheet(CourseId.New(), Class, Period, n));

        var oral = await Session().Set<Sheet>().Where(s => s.Kind == Kind.Oral && s.Course == Course).ListAsync();
        var ofCourse = await Session().Set<Sheet>().Where(s => s.Course == Course).ListAsync();

        Assert.Equal(sheets.Where(s => s.Kind == Kind.Oral).Select(s => s.Id).Order(), oral.Select(s => s.Id));
        Assert.Equal(10, ofCourse.Count);
    }

    [SkippableFact]
    public async Task Pages_follow_the_key_order_without_a_gap_or_a_repeat()
    {
        await OpenAsync();
        var sheets = await AddSheetsAsync(25);
        var query = Session().Set<Sheet>().Where(s => s.Class == Class);

        var pages = new List<DocumentPage<Sheet>> { await query.PageAsync(10) };
        while (pages[^1].Next is { } next)
        {
            pages.Add(await query.PageAsync(10, next));
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        Assert.Equal(sheets.Select(s => s.Id).Order(), pages.SelectMany(p => p.Items).Select(s => s.Id));
    }

    [SkippableFact]
    public async Task A_stream_reads_a_scan_larger_than_its_pages_whole()
    {
        await OpenAsync();
        var sheets = await AddSheetsAsync(1_200);

        var streamed = new List<Guid>();
        await foreach (var sheet in Session().Set<Sheet>().All().StreamAsync())
        {
            streamed.Add(sheet.Id);
        }

        Assert.Equal(sheets.Select(s => s.Id).Order(), streamed);
    }

    [SkippableFact]
    public async Task Another_departments_documents_are_never_read()
    {
        await OpenAsync();
        var theirs = Session(DepartmentId.New());
        var sheet = SampleDocuments.Sheet(Course, Class, Period);
        theirs.Set<Sheet>().Add(sheet);
        await CommitAsync(theirs);

        Assert.Null(await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id));
        Assert.Empty(await Session().Set<Sheet>().All().ListAsync());
    }

    [SkippableFact]
    public async Task A_replaced_document_is_read_back_changed()
    {
        await OpenAsync();
        var sheet = (await AddSheetsAsync(1))[0];
        var session = Session();
        var read = await session.Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id);

        session.Set<Sheet>().Replace(read! with { Title = "Corrigé", Kind = Kind.Oral });
        await CommitAsync(session);

        var again = await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id);
        Assert.Equal(("Corrigé", Kind.Oral), (again!.Title, again.Kind));
        Assert.Single(await Session().Set<Sheet>().Where(s => s.Kind == Kind.Oral).ListAsync()); // its index moved with it
    }

    [SkippableFact]
    public async Task Two_writers_of_one_document_the_second_is_refused_and_the_first_is_kept()
    {
        await OpenAsync();
        var sheet = (await AddSheetsAsync(1))[0];
        var first = Session();
        var second = Session();
        var a = await first.Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id);
        var b = await second.Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id);
        first.Set<Sheet>().Replace(a! with { Title = "First" });
        second.Set<Sheet>().Replace(b! with { Title = "Second" });

        await CommitAsync(first);
        await Assert.ThrowsAsync<RecordConflictException>(() => CommitAsync(second));

        Assert.Equal("First", (await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id))!.Title);
    }

    [SkippableFact]
    public async Task A_write_that_found_a_document_absent_is_refused_once_another_writer_created_it()
    {
        await OpenAsync();
        var writer = Session();
        Assert.Null(await writer.Set<Closure>().FindAsync(c => c.Class == Class && c.Period == Period)); // not closed: the teacher writes
        writer.Set<Sheet>().Add(SampleDocuments.Sheet(Course, Class, Period));
        var head = Session();
        head.Set<Closure>().Add(new Closure(Class, Period, PersonId.New()));
        await CommitAsync(head); // the head of school closes the period meanwhile

        var conflict = await Assert.ThrowsAsync<RecordConflictException>(() => CommitAsync(writer));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Empty(await Session().Set<Sheet>().All().ListAsync());
    }

    [SkippableFact]
    public async Task A_write_that_found_a_document_at_a_version_is_refused_once_it_moved()
    {
        await OpenAsync();
        var head = Session();
        head.Set<Closure>().Add(new Closure(Class, Period, PersonId.New()));
        await CommitAsync(head);
        var writer = Session();
        var closure = await writer.Set<Closure>().FindAsync(c => c.Class == Class && c.Period == Period);
        writer.Set<Sheet>().Add(SampleDocuments.Sheet(Course, Class, Period));
        var reopen = Session();
        reopen.Set<Closure>().Remove((await reopen.Set<Closure>().FindAsync(c => c.Class == Class && c.Period == Period))!);
        await CommitAsync(reopen);

        await Assert.ThrowsAsync<RecordConflictException>(() => CommitAsync(writer));

        Assert.NotNull(closure);
        Assert.Empty(await Session().Set<Sheet>().All().ListAsync());
    }

    [SkippableFact]
    public async Task Documents_and_their_events_commit_together()
    {
        await OpenAsync();
        var log = await Engine.OpenEventLogAsync();
        var session = Session();
        var sheet = SampleDocuments.Sheet(Course, Class, Period);
        session.Set<Sheet>().Add(sheet);
        var events = SampleEvents.Many(3, Department, SchoolId.New());

        await CommitAsync(session, events);

        Assert.NotNull(await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id));
        Assert.Equal(events.Select(e => e.Id), (await log.ReadAsync(new EventLogQuery(Department))).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task A_refused_commit_stores_neither_its_documents_nor_its_events()
    {
        await OpenAsync();
        var log = await Engine.OpenEventLogAsync();
        var existing = (await AddSheetsAsync(1))[0];
        var session = Session();
        var fresh = SampleDocuments.Sheet(Course, Class, Period, 7);
        session.Set<Sheet>().Add(fresh);
        session.Set<Sheet>().Add(existing with { Title = "A copy under a taken key" });

        await Assert.ThrowsAsync<RecordConflictException>(() => CommitAsync(session, SampleEvents.Progress(Department, null, SampleEvents.Monday)));

        Assert.Null(await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == fresh.Id));
        Assert.Empty(await log.ReadAsync(new EventLogQuery(Department)));
    }

    [SkippableFact]
    public async Task An_invalid_event_refuses_the_commit_before_any_document_is_written()
    {
        await OpenAsync();
        var session = Session();
        var sheet = SampleDocuments.Sheet(Course, Class, Period);
        session.Set<Sheet>().Add(sheet);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CommitAsync(session, SampleEvents.Progress(DepartmentId.New(), null, SampleEvents.Monday)));

        Assert.Contains("not " + Department.Value, error.Message, StringComparison.Ordinal);
        Assert.Null(await Session().Set<Sheet>().FindAsync(s => s.Course == Course && s.Id == sheet.Id));
    }

    [SkippableFact]
    public async Task A_query_on_a_member_that_is_no_key_or_index_is_refused_naming_it()
    {
        await OpenAsync();

        var error = Assert.Throws<ArgumentException>(() => Session().Set<Sheet>().Where(s => s.Title == "x"));

        Assert.Contains("'Sheet.Title' is not a key or index member of 'test.docs/sheets'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Class", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Find_needs_the_whole_key()
    {
        await OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Session().Set<Sheet>().FindAsync(s => s.Course == Course));

        Assert.Contains("whole key of 'test.docs/sheets' (Course, Id)", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_document_replaced_without_being_read_is_refused()
    {
        await OpenAsync();
        var sheet = (await AddSheetsAsync(1))[0];

        var error = Assert.Throws<InvalidOperationException>(() => Session().Set<Sheet>().Replace(sheet with { Title = "Blind" }));

        Assert.Contains("without having been read", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_document_over_the_size_limit_is_refused_before_anything_is_written()
    {
        await OpenAsync();
        var huge = SampleDocuments.Sheet(Course, Class, Period) with { Tags = [new string('x', DocumentType.MaxBytes)] };

        var error = Assert.Throws<ArgumentException>(() => Session().Set<Sheet>().Add(huge));

        Assert.Contains($"the limit is {DocumentType.MaxBytes}", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_document_of_another_owner_is_not_given_to_a_session()
    {
        await OpenAsync();
        var foreign = DocumentTypes.Create<NoteV1>("test.other", "notes", d => d.Key(n => n.Id));
        var session = new DocumentSession(_stores, new DocumentRegistry([.. SampleDocuments.All, foreign]), Department, SampleDocuments.Owner);

        var error = Assert.Throws<InvalidOperationException>(() => session.Set<NoteV1>());

        Assert.Contains("a document of 'test.other', not of 'test.docs'", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>What only a store that outlives the process promises: documents across reopening, upgrades at start.</summary>
public abstract class DurableDocumentStoreContract : DocumentStoreContract
{
    [SkippableFact]
    public async Task An_upgrade_renames_adds_and_transforms_every_stored_document_and_fills_its_new_index()
    {
        await OpenAsync(SampleDocuments.NotesV1);
        var session = Session();
        var notes = Enumerable.Range(1, 5).Select(n => new NoteV1(Guid.CreateVersion7(), Class, $"Note {n}", n)).ToArray();
        foreach (var note in notes)
        {
            session.Set<NoteV1>().Add(note);
        }

        await CommitAsync(session);

        await OpenAsync(SampleDocuments.NotesV2);

        var writer = Session();
        var read = await writer.Set<Note>().Where(n => n.Class == Class).ListAsync();
        Assert.Equal(notes.OrderBy(n => n.Id).Select(n => (n.Id, n.Text, n.Stars * 2)), read.Select(n => (n.Id, n.Body, n.Stars)));
        Assert.All(read, n => Assert.Null(n.Author));
        var author = PersonId.New();
        writer.Set<Note>().Replace(read[0] with { Author = author });
        await CommitAsync(writer);
        Assert.Equal([read[0].Id], (await Session().Set<Note>().Where(n => n.Author == author).ListAsync()).Select(n => n.Id));
    }

    [SkippableFact]
    public async Task A_failing_upgrade_leaves_the_documents_at_their_old_version()
    {
        await OpenAsync(SampleDocuments.NotesV1);
        var session = Session();
        var note = new NoteV1(Guid.CreateVersion7(), Class, "Gardée", 3);
        session.Set<NoteV1>().Add(note);
        await CommitAsync(session);
        var broken = DocumentTypes.Create<Note>(SampleDocuments.Owner, "notes", d => d
            .Key(n => n.Id).Index(n => n.Class)
            .Upgrade<NoteV1, Note>(1, _ => throw new FormatException("cannot convert")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync(broken));

        Assert.Contains("cannot convert", error.Message, StringComparison.Ordinal);
        await OpenAsync(SampleDocuments.NotesV1);
        Assert.Equal(note, await Session().Set<NoteV1>().FindAsync(n => n.Id == note.Id));
    }

    [SkippableFact]
    public async Task A_type_changed_without_a_new_version_is_reported_not_misread()
    {
        await OpenAsync(SampleDocuments.NotesV1);
        var session = Session();
        var note = new NoteV1(Guid.CreateVersion7(), Class, "Texte", 3);
        session.Set<NoteV1>().Add(note);
        await CommitAsync(session);

        await OpenAsync(SampleDocuments.NotesChanged);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Session().Set<NoteChanged>().FindAsync(n => n.Id == note.Id));

        Assert.Contains("'test.docs/notes' was stored with another shape than NoteChanged has now", error.Message, StringComparison.Ordinal);
        Assert.Contains("declare the next version with an upgrade", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteDocumentStoreTests : DurableDocumentStoreContract
{
    protected override StorageEngine CreateEngine() => new SqliteEngine();
}

public sealed class PostgreSqlDocumentStoreTests : DurableDocumentStoreContract
{
    protected override StorageEngine CreateEngine() => new PostgreSqlEngine();
}

public sealed class InMemoryDocumentStoreTests : DocumentStoreContract
{
    protected override StorageEngine CreateEngine() => new InMemoryEngine();
}
