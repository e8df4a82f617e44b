using System.Reflection;
using Ent.Samples.DepartmentHost;
using Ent.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Ent.Samples.Tests.DepartmentHost;

/// <summary>
/// The department host on PostgreSQL (<c>--postgres</c>), in a database of its own on the server named by
/// ENT_TEST_POSTGRES; without that variable the tests report themselves skipped (failed when ENT_REQUIRE_SERVERS is set).
/// </summary>
public sealed class DepartmentHostOnPostgreSqlTests : IAsyncLifetime
{
    private static readonly string PluginArtifacts = typeof(DepartmentHostOnPostgreSqlTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EntPlugins").Value!;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly string _database = "ent_host_" + Guid.NewGuid().ToString("N");
    private readonly string _documents = Directory.CreateTempSubdirectory("ent-host-pg-").FullName; // the demo's documents
    private string _server = string.Empty;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

    public async Task InitializeAsync()
    {
        _server = TestServers.PostgreSql();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(_documents, recursive: true);
        if (_server.Length == 0)
        {
            return; // skipped: no server, no database
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task The_department_data_is_kept_in_postgresql_across_restarts()
    {
        var (first, firstReport, firstError) = await Run();
        var (second, secondReport, _) = await Run();

        Assert.True(first == 0, firstError);
        Assert.Equal(0, second);
        Assert.Contains($"/{_database}", firstReport, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", firstReport, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Usage (cette exécution): pédagogique 0, administration 0", secondReport, StringComparison.Ordinal);
        Assert.Contains("Usage (journal, toutes exécutions): pédagogique 61, administration 3", secondReport, StringComparison.Ordinal); // 6 progress records, 9 marks and 1 correction, 3 comments, 1 set of competency evaluations; a path designed (3 skills, its plan, 5 representations), 22 answers and 5 marks as evidence; a flipped session saved, published, answered twice and grouped
        Assert.Contains("ent.grading: notes déjà saisies, bulletin et historique des notes de Lina Benali", secondReport, StringComparison.Ordinal); // the plugin's records, read back from the server
    }

    [SkippableFact]
    public async Task A_server_that_cannot_be_reached_stops_the_host_naming_it()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DepartmentHostApp.RunAsync(["--plugins", PluginArtifacts, "--postgres", "Host=127.0.0.1;Port=1;Username=ent;Database=ent;Timeout=3"], output, error, _time, dataDirectory: _documents);

        Assert.Equal(1, exit);
        Assert.Contains("postgresql://127.0.0.1:1/ent", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> Run()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DepartmentHostApp.RunAsync(["--plugins", PluginArtifacts, "--postgres", ConnectionString], output, error, _time, dataDirectory: _documents);
        return (exit, output.ToString(), error.ToString());
    }
}
