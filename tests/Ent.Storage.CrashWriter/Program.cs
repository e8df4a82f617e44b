using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Sdk.Hosting;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Microsoft.Extensions.DependencyInjection;

// Usage: Ent.Storage.CrashWriter sqlite <file> | postgresql <connection string>  [events | records | outbox]
// Writes batches, one transaction each, forever; after each commit prints "ack <batch id>".
// events: 500 domain events whose object is the batch id. records: change sets of 500 marks whose assessment
// is the batch id (the schema below, as the tests declare it). outbox: the first marking of a 30-pupil assessment,
// 30 marks whose assessment is the batch id and 30 events (object: the mark's pupil) in ONE change set.
// A reader can tell whole batches from partial ones, and marks without their events.
const int BatchSize = 500;
var services = new ServiceCollection();
var ent = services.AddEnt();
switch (args)
{
    case ["sqlite", var path, ..]:
        ent.UseSqlite(path);
        break;
    case ["postgresql", var connectionString, ..]:
        ent.UsePostgreSql(connectionString);
        break;
    default:
        await Console.Error.WriteLineAsync("Usage: Ent.Storage.CrashWriter sqlite <file> | postgresql <connection string> [events | records]");
        return 2;
}

var schema = RecordSchema.Create("crash.marks", s => s.Version(1, "Marks", v => v.CreateTable("marks", t => t
    .Key(Column.Id("assessment"), Column.Id("pupil"))
    .Columns(Column.Number("score", 0, 20)))));
services.AddRecordSchema(schema);
await using var provider = services.BuildServiceProvider();
foreach (var task in provider.GetServices<IEntStartupTask>())
{
    await task.RunAsync(CancellationToken.None);
}

var department = new DepartmentId(Guid.Parse("0193a000-0000-7000-8000-000000000093"));
var school = SchoolId.New();
var mode = args.Length > 2 ? args[2] : "events";
var log = provider.GetRequiredService<IEventLog>();
var stores = provider.GetRequiredService<IRecordStores>();
var marks = stores.For(schema);
await Console.Out.WriteLineAsync("ready");
while (true)
{
    var batch = Guid.NewGuid();
    if (mode == "outbox")
    {
        var changes = new RecordChanges();
        for (var i = 0; i < 30; i++)
        {
            var pupil = Guid.NewGuid();
            changes.Insert(schema.Table("marks").NewRecord(batch, pupil, (double)(i % 21)));
            changes.Append(new ActivityProgressRecorded(
                PersonId.New(), department, school, DateTimeOffset.UtcNow, CourseId.New(),
                new ActivityProgress(PersonId.New(), ActivityId.New(), CompletionStatus.Completed, DateTimeOffset.UtcNow, []))
            {
                Object = new ObjectReference("crash-mark", pupil),
            });
        }

        await stores.SaveAsync(department, changes);
    }
    else if (mode == "records")
    {
        await marks.SaveAsync(department, new RecordChanges().InsertAll(
            Enumerable.Range(0, BatchSize).Select(i => schema.Table("marks").NewRecord(batch, Guid.NewGuid(), (double)(i % 21)))));
    }
    else
    {
        await log.AppendAsync(Enumerable.Range(0, BatchSize).Select(i => (DomainEvent)new ActivityProgressRecorded(
            PersonId.New(), department, school, DateTimeOffset.UtcNow, CourseId.New(),
            new ActivityProgress(PersonId.New(), ActivityId.New(), CompletionStatus.Completed, DateTimeOffset.UtcNow, []))
        {
            Object = new ObjectReference("crash-batch", batch),
        }).ToArray());
    }

    await Console.Out.WriteLineAsync($"ack {batch}");
    await Console.Out.FlushAsync();
}
