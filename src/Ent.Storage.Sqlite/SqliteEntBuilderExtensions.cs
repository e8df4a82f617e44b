using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Ent.Storage.Sqlite.Records;
using Ent.Storage.Sqlite;
using Ent.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the embedded SQLite engine for an Ent host.</summary>
public static class SqliteEntBuilderExtensions
{
    /// <summary>
    /// Stores Ent's data in one SQLite file, created and migrated when the host starts (before any
    /// plugin starts), with the tables of every registered record schema. An acknowledged write is on
    /// disk: WAL mode with <c>synchronous=FULL</c>.
    /// </summary>
    /// <param name="ent">The Ent builder.</param>
    /// <param name="path">The database file; relative paths are taken from the current directory.</param>
    /// <returns>The same builder.</returns>
    public static EntBuilder UseSqlite(this EntBuilder ent, string path)
    {
        ArgumentNullException.ThrowIfNull(ent);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null && !System.IO.Directory.Exists(directory))
        {
            throw new ArgumentException($"The folder of the SQLite database '{path}' does not exist: {directory}.", nameof(path));
        }

        ent.Services.TryAddSingleton(TimeProvider.System);
        ent.Services.AddSingleton(sp => new SqliteDatabase(path, sp.GetRequiredService<TimeProvider>()));
        ent.Services.AddEntEventLog<SqliteEventLog>();
        ent.Services.AddStoredCoreRecords();
        ent.Services.AddSingleton<SqliteRecordStores>();
        ent.Services.Replace(ServiceDescriptor.Singleton<IRecordStores>(sp => sp.GetRequiredService<SqliteRecordStores>()));
        ent.Services.AddSingleton<IEntStartupTask, SqliteStartup>();
        return ent;
    }

    private sealed class SqliteStartup(SqliteDatabase database, SqliteRecordStores records, IServiceProvider services) : IEntStartupTask
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = SqliteEventLog.Migrations }, cancellationToken).ConfigureAwait(false);
            await records.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await services.LoadStoredCoreAsync(cancellationToken).ConfigureAwait(false); // the directory, then the calendar
        }
    }
}
