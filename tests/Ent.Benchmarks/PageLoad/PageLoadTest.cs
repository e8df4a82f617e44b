using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Ent.Samples.DepartmentHost;

namespace Ent.Benchmarks.PageLoad;

/// <summary>
/// A bounded loopback load test of the web ENT (<c>dotnet run -c Release --project tests/Ent.Benchmarks -- page-load [--postgres]
/// [--scale department] [--pages &lt;part of a page's name&gt;]</c>): the department host started as the README's main command, signed-in clients sharing the machine
/// with it, each page requested by concurrent workers for a fixed time; throughput and latency percentiles of the report card
/// page and the gradebook page, beside the host's static answer (<c>/health</c>) in the same run, and the cost of signing in and
/// of the home page (the navigation composed for the viewer). With <c>--scale department</c> the host serves the generated
/// department (125 collèges, 75,000 pupils, a term of marks and use), generated once into <c>$ENT_PAGE_LOAD_DATA</c> (by
/// default a folder of the system's temporary directory, kept for the next run) or into the PostgreSQL database, and the pages
/// of a generated class of 25 are measured too, as its head of school opens them.
/// </summary>
internal static partial class PageLoadTest
{
    private const int Workers = 16;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>How long each page is requested before it is measured.</summary>
    private static readonly TimeSpan PageWarmup = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Before any page is measured, the host is warmed with all of them in turn until it serves them at a steady rate: windows of
    /// this length until two in a row are within <see cref="SteadyWithin"/> of each other. The runtime compiles hot code a second
    /// time, optimised, in the background; with the workers keeping both cores busy that takes tens of seconds, and a page
    /// measured before is measured cold (a department's host runs for days).
    /// </summary>
    private static readonly TimeSpan WarmupWindow = TimeSpan.FromSeconds(5);

    private const double SteadyWithin = 0.05;
    private static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.Contains("--postgres") ? Environment.GetEnvironmentVariable("ENT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set ENT_TEST_POSTGRES for --postgres.") : null;
        var department = args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault() is "department";
        // The generated department is kept for the next run (generating it takes minutes); a small one is made afresh each time.
        var data = department
            ? Directory.CreateDirectory(Environment.GetEnvironmentVariable("ENT_PAGE_LOAD_DATA") is { Length: > 0 } kept ? kept : Path.Combine(Path.GetTempPath(), "ent-page-load-department")).FullName
            : Directory.CreateTempSubdirectory("ent-page-load-").FullName;
        using var stopping = new CancellationTokenSource();
        var started = new TaskCompletionSource<Uri>();
        var plugins = typeof(PageLoadTest).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false).Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "EntPlugins").Value!;
        var config = Path.Combine(data, "department.json");
        await using (var embedded = typeof(DepartmentHostApp).Assembly.GetManifestResourceStream("department.json")!)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(embedded, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
            json["web"] = new System.Text.Json.Nodes.JsonObject { ["signInAttemptsPerMinute"] = 100_000 };
            await File.WriteAllTextAsync(config, json.ToJsonString());
        }

        string[] hostArgs = ["--config", config, "--plugins", plugins, "--port", "0", "--data", Path.Combine(data, "department.db"),
            .. postgres is null ? Array.Empty<string>() : ["--postgres", postgres], .. department ? ["--scale", "department"] : Array.Empty<string>()];
        var clock = Stopwatch.StartNew();
        var host = Task.Run(() => DepartmentHostApp.MainAsync(hostArgs, department ? Console.Out : TextWriter.Null, Console.Error, TimeProvider.System, stopping.Token, data, started.SetResult));
        var address = await started.Task.WaitAsync(TimeSpan.FromMinutes(department ? 60 : 2));
        Console.WriteLine($"Started (seeded{(department ? ", generated or found generated" : string.Empty)}) in {clock.Elapsed.TotalSeconds:0} s.");
        try
        {
            Console.WriteLine($"Web ENT on {address} ({(postgres is null ? "SQLite" : "PostgreSQL")}), {Workers} workers, {Duration.TotalSeconds:0} s per page after {PageWarmup.TotalSeconds:0} s of its own warm-up, on {Environment.ProcessorCount} cores shared with the host.");
            var teacher = await SignedInAsync(address, "teacher");
            var pupil = await SignedInAsync(address, "pupil");
            var gradebook = await FirstLinkAsync(teacher, await FirstLinkAsync(teacher, "grading/courses", "/grading/courses/"), "/assessments/");
            var card = await FirstLinkAsync(pupil, (await pupil.GetAsync("grading/marks")).Headers.Location!.ToString(), "/report-cards/");
            var pages = new List<(string Name, HttpClient Client, string Path)> { ("static (/health)", teacher, "health"), ("home: navigation", teacher, ""), ("report card", pupil, card), ("gradebook", teacher, gradebook) };
            if (department)
            {
                // A generated class of 25 in the demonstration's collège: its oldest period's council (the term of marks), a pupil's bilan, a gradebook.
                var head = await SignedInAsync(address, "head");
                var council = (await LinksAsync(head, "grading/councils")).Last(l => l.Text == "3e A").Href;
                pages.Add(("report card, generated 3e A", head, await FirstLinkAsync(head, council, "/report-cards/")));
                pages.Add(("gradebook, generated 3e A", head, await FirstLinkAsync(head, await FirstLinkAsync(head, "grading/courses", "/grading/courses/"), "/assessments/")));
                pages.Add(("class council, generated 3e A", head, council));
            }

            // --pages <text> measures only the pages whose name holds it (e.g. "generated"), to look into one page at a time.
            var only = args.SkipWhile(a => a != "--pages").Skip(1).FirstOrDefault();
            var measured = pages.Where(p => only is null || p.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
            var warmup = await WarmAsync(measured);
            Console.WriteLine($"Warmed with these pages in turn for {warmup.TotalSeconds:0} s, until the host served them at a steady rate.");
            Console.WriteLine("| page | requests/s | p50 (ms) | p99 (ms) | errors | GC paused | allocated per request (KB) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, client, path) in measured)
            {
                var result = await LoadAsync(client, path);
                Console.WriteLine($"| {name} | {result.PerSecond:0} | {result.P50:0.00} | {result.P99:0.00} | {result.Errors} | {result.Paused:P1} | {result.AllocatedKb:0} |");
            }

            var signIn = await MeasureSignInAsync(address, 400); // after the loads: the host warm, as it is once people use it
            Console.WriteLine($"Signing in (the persona form's post: the session opened; one client after the other): median {signIn.P50:0.00} ms, p99 {signIn.P99:0.00} ms over {signIn.Count} sign-ins.");
            if (department)
            {
                // The department's usage dashboard over the school year so far, from the stored log: one request at a time.
                var admin = await SignedInAsync(address, "admin");
                var today = DateOnly.FromDateTime(DateTime.Today);
                var path = $"admin/usage?from={new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
                var times = new List<double>();
                for (var i = 0; i < 6; i++)
                {
                    var timing = Stopwatch.StartNew();
                    using var response = await admin.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add(timing.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"The department's usage dashboard over the school year (one request at a time, after one to warm up): median {Percentile([.. times.Skip(1).Order()], 0.5):0} ms.");
            }
        }
        finally
        {
            await stopping.CancelAsync();
            await host;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!department)
            {
                Directory.Delete(data, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>A page's figures; <paramref name="Paused"/> is the share of the time the garbage collector held the process, <paramref name="AllocatedKb"/> what a request allocated (host and load generator together: they share the process).</summary>
    private sealed record Result(double PerSecond, double P50, double P99, int Errors, int Count, double Paused = 0, double AllocatedKb = 0);

    private static async Task<Result> LoadAsync(HttpClient client, string path)
    {
        var latencies = new List<double>[Workers];
        var errors = 0;
        async Task WorkAsync(int worker, DateTime until, bool record)
        {
            latencies[worker] = [];
            while (DateTime.UtcNow < until)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }

                if (record)
                {
                    latencies[worker].Add(elapsed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => WorkAsync(w, DateTime.UtcNow + PageWarmup, record: false)));
        errors = 0;
        var (paused, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var start = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => WorkAsync(w, DateTime.UtcNow + Duration, record: true)));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var elapsed = start.Elapsed;
        return new Result(all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors, all.Length,
            (GC.GetTotalPauseDuration() - paused) / elapsed, (GC.GetTotalAllocatedBytes() - allocated) / Math.Max(1, all.Length) / 1024.0);
    }

    /// <summary>Warms the host with every page in turn until its rate is steady (see <see cref="WarmupWindow"/>); returns how long it took.</summary>
    private static async Task<TimeSpan> WarmAsync(IReadOnlyList<(string Name, HttpClient Client, string Path)> pages)
    {
        async Task<double> WindowAsync()
        {
            var served = 0;
            var until = DateTime.UtcNow + WarmupWindow;
            var start = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
            {
                for (var i = worker; DateTime.UtcNow < until; i++)
                {
                    var (_, client, path) = pages[i % pages.Count];
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    Interlocked.Increment(ref served);
                }
            }));
            return served / start.Elapsed.TotalSeconds;
        }

        var warming = Stopwatch.StartNew();
        var previous = await WindowAsync();
        while (warming.Elapsed < MaxWarmup)
        {
            var rate = await WindowAsync();
            if (warming.Elapsed >= MinWarmup && Math.Abs(rate - previous) <= SteadyWithin * previous)
            {
                break;
            }

            previous = rate;
        }

        return warming.Elapsed;
    }

    /// <summary>Signing in: the post of the persona's form (its session opened), timed alone, one client after the other.</summary>
    private static async Task<Result> MeasureSignInAsync(Uri address, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var timing = new Stopwatch();
            using var client = await SignedInAsync(address, "teacher", timing);
            times.Add(timing.Elapsed.TotalMilliseconds);
        }

        var sorted = times.Order().ToArray();
        return new Result(0, Percentile(sorted, 0.5), Percentile(sorted, 0.99), 0, sorted.Length);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<HttpClient> SignedInAsync(Uri address, string persona, Stopwatch? timing = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var page = await client.GetStringAsync("sign-in");
        var form = Regex.Match(page, $"<form method=\"post\" action=\"(?<action>[^\"]+)\"><input type=\"hidden\" name=\"__ent_antiforgery\" value=\"(?<token>[^\"]+)\">\\s*<input type=\"hidden\" name=\"persona\" value=\"{persona}\">");
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("__ent_antiforgery", form.Groups["token"].Value), KeyValuePair.Create("persona", persona), KeyValuePair.Create("return", "/")]);
        timing?.Start();
        using var response = await client.PostAsync(form.Groups["action"].Value.TrimStart('/'), content);
        timing?.Stop();
        return response.StatusCode == HttpStatusCode.SeeOther ? client : throw new InvalidOperationException($"Signing in as {persona} answered {response.StatusCode}.");
    }

    private static async Task<string> FirstLinkAsync(HttpClient client, string path, string containing)
    {
        var page = await client.GetStringAsync(path.TrimStart('/'));
        return Link().Matches(page).Select(m => m.Groups[1].Value).First(h => h.Contains(containing, StringComparison.Ordinal)).TrimStart('/');
    }

    private static async Task<IReadOnlyList<(string Href, string Text)>> LinksAsync(HttpClient client, string path) =>
        [.. LinkWithText().Matches(await client.GetStringAsync(path.TrimStart('/'))).Select(m => (m.Groups[1].Value.TrimStart('/'), m.Groups[2].Value))];

    [GeneratedRegex("href=\"(/[^\"]+)\"")]
    private static partial Regex Link();

    [GeneratedRegex("href=\"(/[^\"]+)\">([^<]*)</a>")]
    private static partial Regex LinkWithText();
}
