using System.Net;
using Ent.TestSupport;
using Npgsql;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>A web ENT on PostgreSQL, as one of several host processes serving the department from the same database.</summary>
public sealed class PostgreSqlWebEntServer(string connectionString) : WebEntServer
{
    protected override IEnumerable<string> Arguments => ["--postgres", connectionString];
}

/// <summary>
/// Two hosts serving one department on one PostgreSQL database, as behind a load balancer: a session opened on one is good
/// on the other (the data-protection keys are in the database), and marks saved through both at once are all kept, each
/// change logged once. On the server named by ENT_TEST_POSTGRES, in a database of its own.
/// </summary>
public sealed class WebEntOnTwoHostsTests : IAsyncLifetime
{
    private readonly string _database = "ent_web_" + Guid.NewGuid().ToString("N");
    private string _server = string.Empty;
    private PostgreSqlWebEntServer? _first;
    private PostgreSqlWebEntServer? _second;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

    public async Task InitializeAsync()
    {
        try
        {
            _server = TestServers.PostgreSql();
        }
        catch (Xunit.SkipException)
        {
            return; // each test says it is skipped
        }

        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        // One after the other, as a rollout starts them: the first creates the schema and seeds the demonstration.
        _first = new PostgreSqlWebEntServer(ConnectionString);
        await _first.InitializeAsync();
        _second = new PostgreSqlWebEntServer(ConnectionString);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_server.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task A_person_signed_in_on_one_host_is_signed_in_on_the_other_and_its_forms_post_there()
    {
        TestServers.PostgreSql();
        using var onFirst = await _first!.SignInAsync("teacher");
        using var onSecond = new WebClient(_second!.Address, onFirst.Cookies); // the same browser, sent to the other host

        var courses = await onSecond.GetAsync("grading/courses");
        var course = await onFirst.GetAsync(courses.Document.QuerySelector("main a[href^='/grading/courses/']")!.GetAttribute("href")!);
        var created = await onSecond.SubmitAsync(course, new Dictionary<string, string> { ["title"] = "Devoir sur deux serveurs", ["date"] = "2026-11-24" });

        Assert.NotEqual(_first.Address.Port, _second.Address.Port);
        Assert.Equal(HttpStatusCode.OK, courses.Status);
        Assert.Equal(HttpStatusCode.SeeOther, created.Status); // a form served by the first host, its antiforgery token accepted by the second
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync(created.Location!)).Status);
    }

    [SkippableFact]
    public async Task Marks_saved_through_both_hosts_at_once_are_all_kept_and_each_change_is_logged_once()
    {
        TestServers.PostgreSql();
        using var teacherOnFirst = await _first!.SignInAsync("teacher");
        using var teacherOnSecond = await _second!.SignInAsync("teacher");
        var courses = await teacherOnFirst.GetAsync("grading/courses");
        var course = await teacherOnFirst.GetAsync(courses.Document.QuerySelector("main a[href^='/grading/courses/']")!.GetAttribute("href")!);
        var path = course.Document.QuerySelectorAll("main a[href*='/assessments/']").Single(a => a.TextContent == "Interrogation écrite").GetAttribute("href")!;
        var first = await teacherOnFirst.GetAsync(path);
        var second = await teacherOnSecond.GetAsync(path);
        var pupils = first.Document.QuerySelectorAll("input[name^='marks[']").Select(i => i.GetAttribute("name")!).ToArray();
        var logged = await MarkEventsAsync();

        var saved = new List<WebClient.WebPage>();
        for (var round = 0; round < 5; round++)
        {
            // Each host changes a different pupil's mark at the same moment, five times over.
            saved.AddRange(await Task.WhenAll(
                teacherOnFirst.SubmitAsync(first, new Dictionary<string, string> { [pupils[0]] = $"{round + 1}" }),
                teacherOnSecond.SubmitAsync(second, new Dictionary<string, string> { [pupils[1]] = $"{round + 2}" })));
            first = await teacherOnFirst.GetAsync(path);
            second = await teacherOnSecond.GetAsync(path);
        }

        var after = await teacherOnFirst.GetAsync(path);
        Assert.All(saved, s => Assert.Equal(HttpStatusCode.SeeOther, s.Status));
        Assert.Equal("5", after.Document.QuerySelector($"input[name='{pupils[0]}']")!.GetAttribute("value"));
        Assert.Equal("6", after.Document.QuerySelector($"input[name='{pupils[1]}']")!.GetAttribute("value"));
        Assert.Equal(logged + 10, await MarkEventsAsync()); // ten changes, ten events: none lost, none twice
    }

    private async Task<long> MarkEventsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM ent.events WHERE type LIKE '%MarkChanged%'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
