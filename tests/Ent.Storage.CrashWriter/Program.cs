using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Storage.Events;
using Ent.Storage.PostgreSql;
using Ent.Storage.Schema;
using Ent.Storage.Sqlite;

// Usage: Ent.Storage.CrashWriter sqlite <file> | postgresql <connection string>
// Appends batches of 500 events, one transaction each; after each commit prints "ack <batch id>".
// Every event of a batch carries the batch id as its object, so a reader can tell whole batches from partial ones.
const int BatchSize = 500;
var migrations = new Dictionary<string, IReadOnlyCollection<SchemaMigration>>();
IEventLog log;
if (args is ["sqlite", var path])
{
    var database = new SqliteDatabase(path, TimeProvider.System);
    migrations[SchemaComponents.EventLog] = SqliteEventLog.Migrations;
    await database.OpenAsync(migrations);
    log = new SqliteEventLog(database);
}
else if (args is ["postgresql", var connectionString])
{
    var database = new PostgreSqlDatabase(connectionString);
    migrations[SchemaComponents.EventLog] = PostgreSqlEventLog.Migrations;
    await database.OpenAsync(migrations);
    log = new PostgreSqlEventLog(database);
}
else
{
    await Console.Error.WriteLineAsync("Usage: Ent.Storage.CrashWriter sqlite <file> | postgresql <connection string>");
    return 2;
}

var department = new DepartmentId(Guid.Parse("0193a000-0000-7000-8000-000000000093"));
var school = SchoolId.New();
await Console.Out.WriteLineAsync("ready");
while (true)
{
    var batch = Guid.NewGuid();
    var events = Enumerable.Range(0, BatchSize).Select(i => (DomainEvent)new ActivityProgressRecorded(
        PersonId.New(), department, school, DateTimeOffset.UtcNow, CourseId.New(),
        new ActivityProgress(PersonId.New(), ActivityId.New(), CompletionStatus.Completed, DateTimeOffset.UtcNow, []))
    {
        Object = new ObjectReference("crash-batch", batch),
    }).ToArray();
    await log.AppendAsync(events);
    await Console.Out.WriteLineAsync($"ack {batch}");
    await Console.Out.FlushAsync();
}
