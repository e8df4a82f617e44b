using System.Net.Sockets;
using Ent.Storage.Schema;
using Npgsql;

namespace Ent.Storage.PostgreSql;

/// <summary>
/// One Ent database on a PostgreSQL server: Ent's tables live in the <c>ent</c> schema, versioned
/// component by component in <c>ent.schema_versions</c>, migrated under an advisory lock so that
/// several hosts starting together migrate once.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the database handle; nothing is opened until <see cref="OpenAsync"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <exception cref="ArgumentException">The connection string is malformed; the message says which part.</exception>
    public PostgreSqlDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"The PostgreSQL connection string is invalid: {exception.Message}", nameof(connectionString), exception);
        }

        Location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        if (builder.MaxAutoPrepare == 0)
        {
            // Ent repeats a small set of statements: let Npgsql prepare them once per connection.
            builder.MaxAutoPrepare = 64;
        }

        // Ent leaves no session state on a connection (no SET, no temporary table, no session lock or LISTEN): a connection
        // handed back to the pool needs no reset, which would otherwise be sent before the next statement of each use.
        builder.NoResetOnClose = true;

        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The server and database, for messages (never the password).</summary>
    public string Location { get; }

    /// <summary>Checks, creates and migrates Ent's schema. Safe to call more than once, from several hosts at once.</summary>
    /// <param name="migrations">The migrations of each component.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="IncompatibleStoreException">A component's schema is newer than this code.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    public async Task OpenAsync(IReadOnlyDictionary<string, IReadOnlyCollection<SchemaMigration>> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, """
                SELECT pg_advisory_xact_lock(4542545401);
                CREATE SCHEMA IF NOT EXISTS ent;
                CREATE TABLE IF NOT EXISTS ent.schema_versions (component text PRIMARY KEY, version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
                """, cancellationToken).ConfigureAwait(false);
            foreach (var (component, componentMigrations) in migrations)
            {
                await using var read = new NpgsqlCommand("SELECT version FROM ent.schema_versions WHERE component = $1", connection, transaction);
                read.Parameters.Add(new NpgsqlParameter { Value = component });
                var stored = (int?)await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0;
                foreach (var migration in SchemaCheck.Pending(Location, component, stored, componentMigrations))
                {
                    await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                    await using var record = new NpgsqlCommand(
                        "INSERT INTO ent.schema_versions (component, version) VALUES ($1, $2) ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now()",
                        connection, transaction);
                    record.Parameters.Add(new NpgsqlParameter { Value = component });
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw Translate(exception);
        }
    }

    /// <summary>Opens a connection from the pool.</summary>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="StoreUnavailableException">The server cannot be reached.</exception>
    public async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw Translate(exception);
        }
    }

    /// <summary>Turns an engine error into a storage error that names the server.</summary>
    /// <param name="exception">The engine's error.</param>
    public StorageException Translate(NpgsqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is SocketException or IOException or TimeoutException || exception.IsTransient)
        {
            return new StoreUnavailableException(Location, $"the PostgreSQL server cannot be reached or went away ({exception.Message}); what was acknowledged before is safe, the operation in progress was not applied.", exception);
        }

        return new StorageException(Location, exception.Message, exception);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
