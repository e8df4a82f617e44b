using Ent.Sdk.Hosting;
using Ent.Storage.PostgreSql;
using Ent.Storage.PostgreSql.Records;
using Ent.Storage.Engines;
using Ent.Storage.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL engine for an Ent host.</summary>
public static class PostgreSqlEntBuilderExtensions
{
    /// <summary>Stores Ent's data on a PostgreSQL server; Ent's schema, with the tables of every registered record schema, is created and migrated when the host starts, before any plugin starts.</summary>
    /// <param name="ent">The Ent builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public static EntBuilder UsePostgreSql(this EntBuilder ent, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(ent);
        var database = new PostgreSqlDatabase(connectionString); // validates the connection string now
        ent.Services.AddSingleton(_ => database);                // created by a factory: the provider disposes it
        ent.Services.AddEntEventLog<PostgreSqlEventLog>();
        ent.Services.AddStoredCoreRecords();
        ent.Services.AddSingleton<PostgreSqlRecordStores>();
        ent.Services.Replace(ServiceDescriptor.Singleton<IRecordStores>(sp => sp.GetRequiredService<PostgreSqlRecordStores>()));
        ent.Services.AddSingleton<IEntStartupTask, PostgreSqlStartup>();
        return ent;
    }

    private sealed class PostgreSqlStartup(PostgreSqlDatabase database, PostgreSqlRecordStores records, IServiceProvider services) : IEntStartupTask
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await database.OpenAsync(new Dictionary<string, IReadOnlyCollection<SchemaMigration>> { [SchemaComponents.EventLog] = PostgreSqlEventLog.Migrations }, cancellationToken).ConfigureAwait(false);
            await records.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await services.LoadStoredCoreAsync(cancellationToken).ConfigureAwait(false); // the directory, then the calendar
        }
    }
}
