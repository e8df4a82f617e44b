using Ent.Core.Identifiers;
using Ent.Sdk.Hosting;
using Ent.Storage.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Record = Ent.Storage.Engines.Record;

namespace Ent.Benchmarks;

/// <summary>Marks as a grading component would keep them, and stores to put them in, on each engine.</summary>
internal static class MarkData
{
    public static readonly RecordSchema Schema = RecordSchema.Create("bench.grading", schema => schema
        .Version(1, "Marks, kept in gradebook order: the key leads with the class, as the gradebook reads them", v => v.CreateTable("marks", t => t
            .Key(Column.Id("class"), Column.Id("assessment"), Column.Id("pupil"))
            .Columns(
                Column.Text("subject", 40),
                Column.Number("score", 0, 20, nullable: true),
                Column.Number("coefficient", 0, 10),
                Column.Timestamp("recorded_at")))));

    public static TableDefinition Marks => Schema.Table("marks");

    public static readonly string[] Subjects = ["français", "mathématiques", "histoire-géographie", "anglais", "espagnol", "SVT", "physique-chimie", "technologie", "arts plastiques", "EPS"];

    public static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One assessment's marks for a class of pupils.</summary>
    public static Record[] Assessment(Guid @class, IReadOnlyList<Guid> pupils, int n) =>
        Assessment(Guid.CreateVersion7(), @class, pupils, n);

    public static Record[] Assessment(Guid assessment, Guid @class, IReadOnlyList<Guid> pupils, int n)
    {
        var marks = new Record[pupils.Count];
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] = Marks.NewRecord(@class, assessment, pupils[i], Subjects[n % Subjects.Length], (double)((n + i) % 21), 1.0, Start.AddMinutes(n));
        }

        return marks;
    }

    /// <summary>A class's gradebook: 35 pupils × 10 subjects × 30 marks = 10,500 marks.</summary>
    public static Record[] Gradebook(Guid @class)
    {
        var pupils = Enumerable.Range(0, 35).Select(_ => Guid.CreateVersion7()).ToArray();
        return Enumerable.Range(0, 300).SelectMany(n => Assessment(@class, pupils, n)).ToArray();
    }

    /// <summary>The naive baselines' statement: one plain INSERT of one mark, its parameters bound by name.</summary>
    public static SqliteCommand NaiveSqliteInsert(SqliteConnection connection, SqliteTransaction? transaction, Record mark)
    {
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{Marks.PhysicalName}\" (department_id, class, assessment, pupil, subject, score, coefficient, recorded_at, row_version) VALUES ($d, $c, $a, $p, $s, $score, $coef, $at, 1)";
        insert.Parameters.AddWithValue("$d", Department.Value.ToByteArray(bigEndian: true));
        insert.Parameters.AddWithValue("$c", mark.GetId("class").ToByteArray(bigEndian: true));
        insert.Parameters.AddWithValue("$a", mark.GetId("assessment").ToByteArray(bigEndian: true));
        insert.Parameters.AddWithValue("$p", mark.GetId("pupil").ToByteArray(bigEndian: true));
        insert.Parameters.AddWithValue("$s", mark.GetText("subject"));
        insert.Parameters.AddWithValue("$score", mark["score"]);
        insert.Parameters.AddWithValue("$coef", mark["coefficient"]);
        insert.Parameters.AddWithValue("$at", mark.Get<DateTimeOffset>("recorded_at").UtcTicks);
        return insert;
    }

    /// <summary>The naive baselines' statement on PostgreSQL: one plain INSERT of one mark.</summary>
    public static NpgsqlCommand NaivePostgreSqlInsert(NpgsqlConnection connection, NpgsqlTransaction? transaction, Record mark)
    {
        var insert = new NpgsqlCommand(
            $"INSERT INTO ent.\"{Marks.PhysicalName}\" (department_id, class, assessment, pupil, subject, score, coefficient, recorded_at, row_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)",
            connection, transaction);
        foreach (var value in new[] { Department.Value, mark["class"], mark["assessment"], mark["pupil"], mark["subject"], mark["score"], mark["coefficient"], mark["recorded_at"] })
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return insert;
    }

    public static async Task<(IRecordStore Store, ServiceProvider Services)> SqliteAsync(string path)
    {
        var services = new ServiceCollection();
        services.AddEnt().UseSqlite(path);
        services.AddRecordSchema(Schema);
        services.AddRecordSchema(PackedGradebook.Schema);
        return await StartAsync(services);
    }

    public static async Task<(IRecordStore Store, ServiceProvider Services, string ConnectionString)> PostgreSqlAsync()
    {
        var connectionString = await CreatePostgreSqlDatabaseAsync();
        var services = new ServiceCollection();
        services.AddEnt().UsePostgreSql(connectionString);
        services.AddRecordSchema(Schema);
        services.AddRecordSchema(PackedGradebook.Schema);
        var (store, provider) = await StartAsync(services);
        return (store, provider, connectionString);
    }

    public static DepartmentId Department { get; } = DepartmentId.New();

    /// <summary>Creates a database of its own on the server named by ENT_TEST_POSTGRES, dropped with the others; returns its connection string.</summary>
    public static async Task<string> CreatePostgreSqlDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set ENT_TEST_POSTGRES to run the PostgreSQL benchmarks (see the README).");
        var name = "ent_bench_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        Created.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static List<string> Created { get; } = [];

    /// <summary>
    /// Drops the databases created so far: between iterations, so that autovacuum on a million rows
    /// written by the previous benchmark does not run during the next one's measurement.
    /// </summary>
    public static async Task DropPostgreSqlDatabasesAsync()
    {
        if (Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES") is not { } server)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        foreach (var name in Created)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Created.Clear();
    }

    /// <summary>Remembers a database a benchmark created, to drop it with the others.</summary>
    public static void Track(string name) => Created.Add(name);

    private static async Task<(IRecordStore, ServiceProvider)> StartAsync(ServiceCollection services)
    {
        var provider = services.BuildServiceProvider();
        foreach (var task in provider.GetServices<IEntStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }

        return (provider.GetRequiredService<IRecordStores>().For(Schema), provider);
    }
}
