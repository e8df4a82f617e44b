using System.Reflection;
using Ent.Samples.DepartmentHost;
using Microsoft.Extensions.Time.Testing;
using Snapshooter.Xunit;

namespace Ent.Samples.Tests.DepartmentHost;

public sealed class DepartmentHostAppTests : IDisposable
{
    private static readonly string PluginArtifacts = typeof(DepartmentHostAppTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EntPlugins").Value!;

    private static readonly string TestPluginArtifacts = typeof(DepartmentHostAppTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EntTestPlugins").Value!;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly string _data = Directory.CreateTempSubdirectory("ent-host-data-").FullName;

    private string DataFile => Path.Combine(_data, "department.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_report_in_french_lists_plugins_diagnostics_enablement_the_demo_and_usage()
    {
        var (exit, report, _) = await Run("--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Snapshot.Match(Normalise(report));
    }

    [Fact]
    public async Task The_report_in_english()
    {
        var (exit, report, _) = await Run("--plugins", PluginArtifacts, "--lang", "en");

        Assert.Equal(0, exit);
        Snapshot.Match(Normalise(report));
    }

    [Fact]
    public async Task The_department_data_is_kept_in_its_sqlite_file_across_restarts()
    {
        var (first, firstReport, _) = await Run("--plugins", PluginArtifacts);
        var (second, secondReport, _) = await Run("--plugins", PluginArtifacts);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("Usage (journal, toutes exécutions): pédagogique 61, administration 3", firstReport, StringComparison.Ordinal); // 6 progress records, 9 marks and 1 correction, 3 comments, 1 set of competency evaluations; a path designed (3 skills, its plan, 5 representations), 22 answers and 5 marks as evidence; a flipped session saved, published, answered twice and grouped
        Assert.Contains("Usage (cette exécution): pédagogique 0, administration 0", secondReport, StringComparison.Ordinal);
        Assert.Contains("Usage (journal, toutes exécutions): pédagogique 61, administration 3", secondReport, StringComparison.Ordinal);
        Assert.Contains("ent.flipped-classroom: Classe inversée : « Les fractions égales » est déjà préparée", secondReport, StringComparison.Ordinal);
        Assert.Contains("ent.grading: 9 notes saisies dans 3 devoirs", firstReport, StringComparison.Ordinal);
        Assert.Contains("ent.grading: notes déjà saisies, bulletin et historique des notes de Lina Benali", secondReport, StringComparison.Ordinal); // the plugin's records, read back from the file
        Assert.Equal(DemoSection(firstReport), DemoSection(secondReport)); // the class, its pupils and their progress, read back from the file
        Assert.True(File.Exists(DataFile));
    }

    [Fact]
    public async Task The_plugin_loaded_from_its_folder_keeps_its_own_documents_in_the_department_file()
    {
        await Run("--plugins", PluginArtifacts);
        await Run("--plugins", PluginArtifacts);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DataFile};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(*), sum(row_version) FROM r_sample_prepare_first_learner_preparation__documents";
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        // The demo is seeded once: each of its five completions saved its learner's preparation once (a document per learner, a version per completion).
        Assert.Equal(5L, reader.GetInt64(1));
        Assert.InRange(reader.GetInt64(0), 1L, 5L);
    }

    [Fact]
    public async Task The_grading_plugin_loaded_from_its_folder_records_demo_marks_and_writes_a_report_card_and_a_mark_history()
    {
        var (exit, report, _) = await Run("--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.Contains("2. ent.grading 0.1.0 — Notes et compétences [Started]", report, StringComparison.Ordinal); // after ent.attendance, which it reads when present
        var card = await File.ReadAllTextAsync(Path.Combine(_data, "demo", "bulletin-lina-benali.html"));
        Assert.Contains("<title>Bulletin de Lina Benali — Trimestre 1</title>", card, StringComparison.Ordinal);
        Assert.Contains("<td>Mathématiques<br><small>Marie Curie</small></td>", card, StringComparison.Ordinal); // the subject and its teacher
        Assert.Contains("Langages mathématiques, scientifiques et informatiques", card, StringComparison.Ordinal);
        Assert.Contains("<td class=\"comment\">Trimestre sérieux : un travail régulier et des progrès nets sur les fractions.</td>", card, StringComparison.Ordinal);
        var history = await File.ReadAllTextAsync(Path.Combine(_data, "demo", "historique-notes-lina-benali.html"));
        Assert.Contains("<title>Historique des notes de Lina Benali — Mathématiques</title>", history, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">9</td><td class=\"num\">10</td><td>Question 4 oubliée à la correction</td>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_attendance_plugin_in_its_own_folder_the_report_card_shows_the_half_days_of_the_demo_roll_calls()
    {
        var (exit, report, error) = await Run("--plugins", PluginArtifacts);

        Assert.True(exit == 0, error);
        Assert.Contains("ent.attendance: 41 appels de la 5e B enregistrés depuis le 01/09/2026", report, StringComparison.Ordinal);
        var card = await File.ReadAllTextAsync(Path.Combine(_data, "demo", "bulletin-lina-benali.html"));
        // Two days of illness declared by her parent and accepted (one session each), one session missed without a reason, late twice.
        Assert.Contains("<p>Demi-journées d'absence : 3 (justifiées : 2, non justifiées : 1)</p>", card, StringComparison.Ordinal);
        Assert.Contains("<p>Retards : 2</p>", card, StringComparison.Ordinal);
        var letter = await File.ReadAllTextAsync(Path.Combine(_data, "demo", "courrier-l131-8-martin-hugo-202610.html"));
        Assert.Contains("Hugo Martin a manqué 4 demi-journées de classe en octobre 2026", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_attendance_plugin_the_report_card_has_no_line_of_absences()
    {
        var plugins = Directory.CreateTempSubdirectory("ent-plugins-").FullName;
        try
        {
            CopyFolder(Path.Combine(PluginArtifacts, "Ent.Plugins.Grading"), Path.Combine(plugins, "Ent.Plugins.Grading"));

            await Run("--plugins", plugins);

            Assert.DoesNotContain("Demi-journées", await File.ReadAllTextAsync(Path.Combine(_data, "demo", "bulletin-lina-benali.html")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(plugins, recursive: true);
        }
    }

    [Fact]
    public async Task Every_demo_mark_and_its_correction_are_events_in_the_durable_log_with_old_and_new_values_and_the_reason()
    {
        await Run("--plugins", PluginArtifacts);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DataFile};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT payload FROM ent_events WHERE type = 'MarkChanged' ORDER BY sequence";
        var changes = new List<(string? Old, string? New, string? Reason)>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                using var payload = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
                string? Field(string name) => payload.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals(name) || string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: System.Text.Json.JsonValueKind.String } v ? v.GetString() : null;
                changes.Add((Field("OldValue"), Field("NewValue"), Field("Reason")));
            }
        }

        Assert.Equal(10, changes.Count); // 9 marks, then one corrected
        Assert.Equal(9, changes.Count(c => c.Old is null));
        Assert.Contains(("9", "10", "Question 4 oubliée à la correction"), changes);
    }

    [Fact]
    public async Task A_corrupt_data_file_stops_the_host_naming_it_and_it_is_left_as_it_was()
    {
        await File.WriteAllTextAsync(DataFile, "this is not a database, only some text that someone wrote here");

        var (exit, _, error) = await Run("--plugins", PluginArtifacts);

        Assert.Equal(1, exit);
        Assert.Contains(DataFile, error, StringComparison.Ordinal);
        Assert.Equal("this is not a database, only some text that someone wrote here", await File.ReadAllTextAsync(DataFile));
    }

    [Fact]
    public async Task A_damaged_page_inside_the_data_file_stops_the_host_naming_the_file_without_a_stack_trace_and_changes_nothing()
    {
        Assert.Equal(0, (await Run("--plugins", PluginArtifacts)).Exit);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var file = File.Open(DataFile, FileMode.Open, FileAccess.ReadWrite))
        {
            var noise = new byte[200];
            new Random(7).NextBytes(noise);
            for (var page = 1L; page < file.Length / 4096; page++)
            {
                // Inside the page, past its header (a damaged page, not a damaged header), and in its cell area at the end, where
                // a sparse page keeps its rows: whatever the layout, what the host reads at start is damaged.
                file.Position = page * 4096 + 100;
                await file.WriteAsync(noise);
                file.Position = ((page + 1) * 4096) - noise.Length;
                await file.WriteAsync(noise);
            }
        }

        var damaged = await File.ReadAllBytesAsync(DataFile);

        var (exit, _, error) = await Run("--plugins", PluginArtifacts);

        Assert.Equal(1, exit);
        Assert.Contains(DataFile, error, StringComparison.Ordinal);
        Assert.Contains("corrupt", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(damaged, await File.ReadAllBytesAsync(DataFile));
    }

    [Theory]
    [InlineData("\"plugin\": \"Not An Id!\", \"from\": \"2026-09-01\"", "field 'enablement[0].plugin': 'Not An Id!' is not a plugin id")]
    [InlineData("\"plugin\": \"ent.grading\", \"from\": \"2026-09-01\", \"until\": \"2026-08-01\"", "field 'enablement[0].until' of 'ent.grading': 2026-08-01 is before its 'from', 2026-09-01")]
    public async Task A_bad_enablement_rule_exits_with_2_naming_the_file_the_field_and_the_value(string rule, string expected)
    {
        var config = await Configuration($$"""[ { "uai": "0930001W", "name": "Collège Jean Jaurès" } ]""", $"[ {{ {rule} }} ]");

        var (exit, _, error) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(2, exit);
        Assert.Contains(config, error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(DataFile)); // refused before anything is opened or stored
    }

    private const string TwoSchools = """[ { "uai": "0930001W", "name": "Collège Jean Jaurès" }, { "uai": "0930002X", "name": "Collège Louise Michel" } ]""";

    [Fact]
    public async Task The_waves_of_the_file_turn_their_plugins_on_in_their_schools_and_the_report_names_each_schools_wave()
    {
        var config = await Configuration(TwoSchools, "[]", """
            [ { "name": "Vague 1", "start": "2026-09-01", "schools": [ "0930001W" ], "plugins": [ "ent.grading" ] },
              { "name": "Vague 2", "start": "2026-12-01", "schools": [ "0930002X" ], "plugins": [ "ent.grading" ] } ]
            """);

        var (exit, report, _) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.Contains("0930001W Collège Jean Jaurès (Vague 1, 01/09/2026): ent.attendance désactivée, ent.grading activée", report, StringComparison.Ordinal); // the waves name grading only
        Assert.Contains("0930002X Collège Louise Michel (Vague 2, 01/12/2026): ent.attendance désactivée, ent.grading désactivée", report, StringComparison.Ordinal); // the clock says 26 November
    }

    [Theory]
    [InlineData("""[ { "name": "Vague 1", "start": "2026-09-01", "schools": [ "0931234L" ], "plugins": [ "ent.grading" ] } ]""", "field 'waves[0].schools[0]' of wave 'Vague 1' names school '0931234L', which is not among the department's schools")]
    [InlineData("""[ { "name": "Vague 1", "start": "2026-09-01", "schools": [ "0930001W" ], "plugins": [ "ent.grading" ] }, { "name": "Vague 2", "start": "2026-12-01", "schools": [ "0930001W" ], "plugins": [ "ent.grading" ] } ]""", "field 'waves[1].schools[0]': school 0930001W is in wave 'Vague 1' already")]
    [InlineData("""[ { "name": "Vague 1", "start": "2026-09-01", "schools": [ "0930001W" ], "plugins": [ "Not An Id" ] } ]""", "field 'waves[0].plugins': Rollout wave 'Vague 1' lists 'Not An Id', which is not a plugin id")]
    public async Task A_bad_wave_exits_with_2_naming_the_file_the_field_and_the_value(string waves, string expected)
    {
        var config = await Configuration(TwoSchools, "[]", waves);

        var (exit, _, error) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(2, exit);
        Assert.Contains($"{config}: {expected}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(DataFile));
    }

    [Fact]
    public async Task A_school_name_over_its_stored_limit_exits_with_2_naming_the_field_and_the_length()
    {
        var name = new string('é', 201);
        var config = await Configuration($$"""[ { "uai": "0930001W", "name": "{{name}}" } ]""", "[]");

        var (exit, _, error) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(2, exit);
        Assert.Contains($"{config}: field 'schools[0].name'", error, StringComparison.Ordinal);
        Assert.Contains("201 characters; at most 200", error, StringComparison.Ordinal);
        Assert.False(File.Exists(DataFile));
    }

    [Fact]
    public async Task Without_a_data_path_the_data_is_kept_in_the_data_directory_outside_the_build_output_and_its_path_printed()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DepartmentHostApp.RunAsync(["--plugins", PluginArtifacts], output, error, _time, dataDirectory: _data);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(DataFile));
        Assert.True(File.Exists(Path.Combine(_data, "demo", "bulletin-lina-benali.html")));
        Assert.Contains($"Données: {DataFile}", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AppContext.BaseDirectory, DepartmentSetup.DefaultDataDirectory(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hosts_warnings_go_to_its_error_output()
    {
        var (exit, _, error) = await Run("--plugins", Path.Combine(_data, "no-such-folder"), "--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.Contains("warn: Ent.Sdk.Hosting.EntRuntime: Plugin diagnostic ENT001", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chosen_language_reaches_the_plugins_demo_lines_and_documents()
    {
        var (exit, report, _) = await Run("--plugins", PluginArtifacts, "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("ent.grading: 9 marks recorded in 3 assessments, report card and mark history of Lina Benali", report, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", await File.ReadAllTextAsync(Path.Combine(_data, "demo", "bulletin-lina-benali.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.3", "A rounding step of 0.3 is not offered")] // refused by the plugin's validation
    [InlineData("\"un peu\"", "'un peu'")] // not a number
    public async Task Invalid_grading_options_in_the_configuration_file_fail_the_folder_loaded_plugin_naming_the_value(string step, string named)
    {
        var config = await ConfigurationWithGrading($$"""{ "RoundingStep": {{step}} }""");

        var (exit, report, error) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(0, exit); // lenient: the others run
        Assert.Contains("ENT055 error: plugin 'ent.grading'", report, StringComparison.Ordinal);
        Assert.Contains("plugins:ent.grading", report, StringComparison.Ordinal);
        Assert.Contains(named, report, StringComparison.Ordinal);
        Assert.Contains("ENT055", error, StringComparison.Ordinal); // and as a warning on the error output
        Assert.Contains("sample.prepare-first 1.0.0 — Exemple : préparer d'abord [Started]", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_host_with_invalid_grading_options_exits_with_1_naming_them()
    {
        var config = await ConfigurationWithGrading("""{ "Rule": "moodle.nonexistent" }""");

        var (exit, _, error) = await Run("--config", config, "--plugins", PluginArtifacts, "--strict");

        Assert.Equal(1, exit);
        Assert.Contains("ENT055", error, StringComparison.Ordinal);
        Assert.Contains("'moodle.nonexistent'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grading_options_of_the_configuration_file_reach_the_folder_loaded_plugin()
    {
        var config = await ConfigurationWithGrading("""{ "RoundingStep": 1, "RoundingDirection": "Up" }""");

        var (exit, report, _) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("ENT055", report, StringComparison.Ordinal);
        var card = await File.ReadAllTextAsync(Path.Combine(_data, "demo", "bulletin-lina-benali.html"));
        var averages = System.Text.RegularExpressions.Regex.Matches(card, "<td class=\"num\">([0-9]+(,[0-9]+)?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(averages);
        Assert.All(averages, a => Assert.EndsWith(",00", a, StringComparison.Ordinal)); // whole points, rounded up (the template shows two decimals)
    }

    [Fact]
    public async Task Help_prints_the_options()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("--plugins <dir>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate", "Unknown argument '--frobnicate'")]
    [InlineData("--lang", "--lang needs a value")]
    [InlineData("--lang de", "'de' is not a supported language")]
    [InlineData("--port 70000", "--port: '70000' is not a port number")]
    public async Task A_bad_argument_exits_with_2_naming_it(string arguments, string expected)
    {
        var (exit, _, error) = await Run(arguments.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_with_an_invalid_uai_exits_with_2_naming_it()
    {
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, """
            { "department": { "id": "0193a000-0000-7000-8000-000000000001", "code": "93", "name": "Test" }, "timeZone": "Europe/Paris", "strict": false,
              "pluginDirectories": [], "schools": [ { "uai": "0930001A", "name": "Faux" } ], "enablement": [] }
            """);

        var (exit, _, error) = await Run("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("'0930001A' is not a valid UAI", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "signInAttemptsPerMinute": 0 }""", "field 'web.signInAttemptsPerMinute' is 0")]
    [InlineData("""{ "openIdConnect": { "authority": "http://idp.example/", "clientId": "ent" } }""", "field 'web.openIdConnect': Authority: 'http://idp.example/' is not HTTPS")]
    [InlineData("""{ "openIdConnect": { "authority": "http://idp.example/", "clientId": "ent", "requireHttpsMetadata": false } }""", "is reached over HTTP and is not on loopback")]
    [InlineData("""{ "openIdConnect": { "authority": "https://idp.example/" } }""", "field 'web.openIdConnect': ClientId: the client id is required")]
    public async Task A_bad_web_setting_exits_with_2_naming_the_field_and_the_value(string web, string expected)
    {
        var config = Path.Combine(_data, "web.json");
        await File.WriteAllTextAsync(config, $$"""
            { "department": { "id": "0193a000-0000-7000-8000-000000000001", "code": "93", "name": "Test" }, "timeZone": "Europe/Paris", "strict": false,
              "pluginDirectories": [], "schools": [], "enablement": [], "web": {{web}} }
            """);

        var (exit, _, error) = await Run("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_address_over_300_characters_exits_with_2_naming_the_field()
    {
        var config = await Configuration($$"""[ { "uai": "0930001W", "name": "Collège", "address": "{{new string('x', 301)}}" } ]""", "[]");

        var (exit, _, error) = await Run("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("field 'schools[0].address'", error, StringComparison.Ordinal);
        Assert.Contains("has 301 characters; at most 300", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_host_with_a_broken_plugin_folder_exits_with_1_listing_the_problem()
    {
        var plugins = Directory.CreateTempSubdirectory("ent-host-").FullName;
        Directory.CreateDirectory(Path.Combine(plugins, "no-manifest"));

        var (exit, _, error) = await Run("--plugins", plugins, "--strict");

        Assert.Equal(1, exit);
        Assert.Contains("ENT002", error, StringComparison.Ordinal);
        Assert.Contains("no-manifest", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lenient_host_with_a_broken_plugin_folder_starts_and_reports_it()
    {
        var plugins = Directory.CreateTempSubdirectory("ent-host-").FullName;
        Directory.CreateDirectory(Path.Combine(plugins, "no-manifest"));

        var (exit, report, _) = await Run("--plugins", plugins, "--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.Contains("ENT002 error: plugin '?'", report, StringComparison.Ordinal);
        Assert.Contains("5. sample.prepare-first 1.0.0", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_overrides_the_plugins_view_for_one_school_and_rewords_it_for_all()
    {
        var overrides = Directory.CreateDirectory(Path.Combine(_data, "overrides")).FullName;
        var schoolView = Path.Combine(overrides, "schools", "0930001W", "views", "prepare-first", "class-readiness.sbn-txt");
        Directory.CreateDirectory(Path.GetDirectoryName(schoolView)!);
        await File.WriteAllTextAsync(schoolView, "Collège Jean Jaurès — {{ t \"title\" class_name session_title }} {{ learners.size }} élèves\n");
        Directory.CreateDirectory(Path.Combine(overrides, "strings"));
        await File.WriteAllTextAsync(Path.Combine(overrides, "strings", "prepare-first.fr.json"), "{ \"title\": \"Où en est la {0} ({1}) ?\" }");
        var config = await ConfigurationWith(overrides);

        var (exit, report, _) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.Contains("Collège Jean Jaurès — Où en est la 5e B (Les fractions) ? 3 élèves", report, StringComparison.Ordinal);
        Assert.Contains("prepare-first/class-readiness (Text) — fourni par sample.prepare-first + 1 surcharge(s) d'établissement", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_view_override_is_reported_and_the_plugins_view_is_shown()
    {
        var overrides = Directory.CreateDirectory(Path.Combine(_data, "overrides")).FullName;
        var view = Path.Combine(overrides, "views", "prepare-first", "class-readiness.sbn-txt");
        Directory.CreateDirectory(Path.GetDirectoryName(view)!);
        await File.WriteAllTextAsync(view, "{{ for x in }}");
        var config = await ConfigurationWith(overrides);

        var (exit, report, _) = await Run("--config", config, "--plugins", PluginArtifacts);

        Assert.Equal(0, exit);
        Assert.Contains("Préparation de la classe 5e B avant « Les fractions » :", report, StringComparison.Ordinal);
        Assert.Contains("! prepare-first/class-readiness (department override " + view + "), line 1, column", report, StringComparison.Ordinal);
    }

    private async Task<string> Configuration(string schools, string enablement, string waves = "[]")
    {
        var config = Path.Combine(_data, "department.json");
        await File.WriteAllTextAsync(config, $$"""
            { "department": { "id": "0193a000-0000-7000-8000-000000000001", "code": "93", "name": "Test" }, "timeZone": "Europe/Paris", "strict": false,
              "pluginDirectories": [], "schools": {{schools}}, "enablement": {{enablement}}, "waves": {{waves}} }
            """);
        return config;
    }

    /// <summary>The embedded configuration with the grading plugin's settings replaced.</summary>
    private async Task<string> ConfigurationWithGrading(string settings)
    {
        await using var stream = typeof(DepartmentHostApp).Assembly.GetManifestResourceStream("department.json")!;
        using var reader = new StreamReader(stream);
        var json = System.Text.RegularExpressions.Regex.Replace(await reader.ReadToEndAsync(), "\"ent.grading\": \\{[^\n]*", $"\"ent.grading\": {settings}");
        Assert.Contains(settings, json, StringComparison.Ordinal);
        var config = Path.Combine(_data, "department.json");
        await File.WriteAllTextAsync(config, json);
        return config;
    }

    private async Task<string> ConfigurationWith(string viewOverrides)
    {
        await using var stream = typeof(DepartmentHostApp).Assembly.GetManifestResourceStream("department.json")!;
        using var reader = new StreamReader(stream);
        var json = (await reader.ReadToEndAsync()).Replace("\"viewOverrides\": null", $"\"viewOverrides\": \"{viewOverrides}\"", StringComparison.Ordinal);
        var config = Path.Combine(_data, "department.json");
        await File.WriteAllTextAsync(config, json);
        return config;
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        if (!args.Contains("--data") && !args.Contains("--help"))
        {
            args = [.. args, "--data", DataFile];
        }

        var exit = await DepartmentHostApp.RunAsync(args, output, error, _time);
        return (exit, output.ToString(), error.ToString());
    }

    private string Normalise(string report) =>
        report.Replace(Path.GetFullPath(PluginArtifacts).TrimEnd('/'), "<plugins>", StringComparison.Ordinal)
            .Replace(DataFile, "<data>/department.db", StringComparison.Ordinal)
            .ReplaceLineEndings("\n");

    private static string DemoSection(string report) =>
        report[report.IndexOf("Démonstration —", StringComparison.Ordinal)..report.IndexOf("Modèles de vues", StringComparison.Ordinal)];
}
