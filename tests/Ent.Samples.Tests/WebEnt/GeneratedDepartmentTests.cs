using System.Net;
using Ent.Samples.DepartmentHost.Generation;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// The main command with <c>--scale department</c>, on a department of the same make as the real one but small enough for a
/// test (seven collèges of one class per level, three pupils each, waves of two then one a quarter): its schools in staggered
/// waves, a term of use from each school's wave on, and classes whose councils have every subject's averages.
/// </summary>
public sealed class GeneratedDepartmentTests(GeneratedDepartmentServer server) : IClassFixture<GeneratedDepartmentServer>
{
    [Fact]
    public async Task The_generated_department_is_rolled_out_in_staggered_waves_a_quarter_apart()
    {
        using var admin = await server.SignInAsync("admin");

        var rollout = await admin.GetAsync("admin/rollout");

        Assert.Equal(
            ["Vague 1: 01/09/2025, 2, commencée", "Vague 2: 01/12/2025, 1, commencée", "Vague 3: 01/03/2026, 1, commencée", "Vague 4: 01/06/2026, 1, commencée",
             "Vague 5: 01/09/2026, 1, commencée", "Vague 6: 01/12/2026, 1, à venir"],
            rollout.Document.QuerySelectorAll("main table:not(#schools) tbody tr").Select(r => $"{r.Children[0].TextContent}: {r.Children[1].TextContent}, {r.Children[2].TextContent}, {r.Children[4].TextContent}"));
        Assert.Equal(7, rollout.Document.QuerySelectorAll("#schools tbody tr").Length);
        Assert.Contains("Département généré / department generated: 7/7 collèges", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_schools_have_timetables_and_roll_calls_and_the_indicator_counts_their_absences()
    {
        using var admin = await server.SignInAsync("admin");

        var csv = (await admin.GetAsync("attendance/indicator/export")).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.DoesNotContain("ent.attendance", server.Errors, StringComparison.Ordinal); // no school's roll calls failed
        Assert.Equal(9, csv.Count(l => l.StartsWith("department,", StringComparison.Ordinal))); // September to May
        var november = csv.Where(l => l.Contains(",2026-11,", StringComparison.Ordinal) && !l.StartsWith("0930001W", StringComparison.Ordinal) && !l.StartsWith("department", StringComparison.Ordinal))
            .Select(l => int.Parse(l.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(november.Sum() > 0, string.Join('\n', csv)); // the generated schools' roll calls of November put pupils at the threshold
    }

    [Fact]
    public async Task A_school_whose_wave_has_not_begun_has_its_enrolments_and_no_pedagogical_use()
    {
        var term = await server.TermAsync();

        var waiting = term.Single(l => l.Dimension == "school" && l.Value == GeneratedDepartmentServer.LastSchool);
        var started = term.Where(l => l.Dimension == "school" && l.Value != GeneratedDepartmentServer.LastSchool).ToArray();

        Assert.Equal((0, 12), (waiting.Pedagogical, waiting.Administration)); // 4 classes of 3 pupils enrolled by the school's staff
        Assert.Equal(6, started.Length);
        Assert.All(started, s => Assert.True(s.Pedagogical > s.Administration, $"{s.Value}: {s.Pedagogical} pedagogical, {s.Administration} administration"));
    }

    [Fact]
    public async Task The_terms_use_is_spread_over_its_school_weeks_and_none_in_the_holidays()
    {
        var term = await server.TermAsync();

        var weeks = term.Where(l => l.Dimension == "week").ToDictionary(l => l.Value, l => l.Pedagogical);

        Assert.Equal(0, weeks["2026-10-19"] + weeks["2026-10-26"]); // Toussaint, zone C
        Assert.True(weeks.Count(w => w.Value > 0) >= 9, string.Join(", ", weeks.Select(w => $"{w.Key}: {w.Value}")));
    }

    [Fact]
    public async Task Teachers_and_pupils_use_it_for_teaching_and_the_schools_staff_for_administration()
    {
        var term = await server.TermAsync();

        var roles = term.Where(l => l.Dimension == "role").ToDictionary(l => l.Value);

        Assert.True(roles["Teacher"].Pedagogical > 0);
        Assert.True(roles["Learner"].Pedagogical > 0);
        Assert.True(roles["SchoolStaff"].Administration >= 6 * 12);
    }

    [Fact]
    public async Task A_generated_class_council_has_the_averages_of_each_subject_its_teachers_marked_for_each_pupil()
    {
        using var head = await server.SignInAsync("head");
        var councils = await head.GetAsync("grading/councils");
        var link = councils.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "6e A").GetAttribute("href")!;

        var council = await head.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, council.Status);
        var headers = council.Document.QuerySelectorAll("main table thead th").Select(h => h.TextContent).ToArray();
        Assert.NotEmpty(headers[1..^1]);
        Assert.Subset(DepartmentShape.Subjects.Select(s => s.Name).ToHashSet(), headers[1..^1].ToHashSet()); // a teacher who does not use the gradebook has no column
        var pupils = council.Document.QuerySelectorAll("main table tbody tr");
        Assert.Equal(3, pupils.Length);
        Assert.All(pupils, p => Assert.Matches(@"^\d{1,2},\d{2}$", p.Children[^1].TextContent.Trim()));
        var card = await head.GetAsync(pupils[0].QuerySelector("th a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Contains("6e A", card.Main, StringComparison.Ordinal);
        Assert.Contains("Trimestre 1", card.Main, StringComparison.Ordinal);
        Assert.Equal(headers.Length - 2, card.Document.QuerySelectorAll("main small.teacher").Count(t => t.TextContent.Length > 0)); // every subject with its teacher
    }
}

/// <summary>The main command with <c>--scale department</c> on a small department of the real one's make.</summary>
public class GeneratedDepartmentServer : WebEntServer
{
    /// <summary>The UAI of the last generated school, whose wave begins on 1 December 2026.</summary>
    public const string LastSchool = "0930006B";

    /// <summary>A server on its own data folder.</summary>
    public GeneratedDepartmentServer()
        : base(signInAttemptsPerMinute: 1000)
    {
    }

    /// <summary>A server on a data folder its caller keeps (to start it again on the same data).</summary>
    internal GeneratedDepartmentServer(string dataFolder)
        : base(signInAttemptsPerMinute: 1000, dataFolder)
    {
    }

    /// <summary>Seven collèges of one class per level, three pupils per class; waves of two schools, then one a quarter.</summary>
    internal static readonly DepartmentShape Small = new(7, 1, 3) { FirstWave = 2, NextWaves = 1 };

    /// <inheritdoc />
    private protected override DepartmentShape? Shape => Small;

    /// <inheritdoc />
    protected override IEnumerable<string> Arguments => ["--scale", "department"];

    /// <summary>The usage figures of the term up to yesterday, from the department administrator's CSV export.</summary>
    public async Task<IReadOnlyList<UsageLine>> TermAsync()
    {
        using var admin = await SignInAsync("admin");
        var csv = await admin.GetAsync("admin/usage/export?from=2026-09-01&to=2026-11-25");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        return [.. csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(UsageLine.Parse)];
    }
}

/// <summary>A line of the usage export.</summary>
public sealed record UsageLine(string Dimension, string Value, long Pedagogical, long Administration, long Total)
{
    /// <summary>Reads a line (no field of the generated department has a comma or a quote).</summary>
    public static UsageLine Parse(string line)
    {
        var fields = line.Split(',');
        return new UsageLine(fields[0], fields[1], long.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(fields[5], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(fields[6], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The generator is deterministic and adds nothing twice: a restart and a generation elsewhere give the same figures.</summary>
public sealed class GeneratedDepartmentRestartTests
{
    [Fact]
    public async Task A_restart_adds_nothing_and_another_generation_makes_the_same_department()
    {
        var first = Directory.CreateTempSubdirectory("ent-generated-").FullName;
        var second = Directory.CreateTempSubdirectory("ent-generated-").FullName;
        try
        {
            var generated = await TermOnAsync(first);
            var restarted = await TermOnAsync(first, server => Assert.DoesNotContain("Département généré", server.Output, StringComparison.Ordinal));
            var elsewhere = await TermOnAsync(second);

            Assert.Equal(generated, restarted);
            Assert.Equal(generated, elsewhere);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<UsageLine>> TermOnAsync(string data, Action<GeneratedDepartmentServer>? check = null)
    {
        var server = new GeneratedDepartmentServer(data);
        await server.InitializeAsync();
        try
        {
            check?.Invoke(server);
            return await server.TermAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
