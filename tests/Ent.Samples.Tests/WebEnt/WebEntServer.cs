using System.Reflection;
using Ent.Samples.DepartmentHost;
using Microsoft.Extensions.Time.Testing;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// The README's main command for real: the department host serving its web ENT on a free loopback port, on its own data file,
/// with the grading plugin's folder, the clock standing on Thursday 26 November 2026; stopped (and its files removed) at the end.
/// </summary>
public class WebEntServer : IAsyncLifetime
{
    private readonly int _signInAttemptsPerMinute;

    /// <summary>A server with room for the many sign-ins of a test run from one address.</summary>
    public WebEntServer()
        : this(signInAttemptsPerMinute: 1000)
    {
    }

    /// <summary>A server allowing so many sign-in attempts per minute and address, on its own data folder or on one its caller keeps.</summary>
    protected WebEntServer(int signInAttemptsPerMinute, string? dataFolder = null)
    {
        _signInAttemptsPerMinute = signInAttemptsPerMinute;
        (_data, _keepsData) = dataFolder is null ? (Directory.CreateTempSubdirectory("ent-web-").FullName, false) : (dataFolder, true);
    }

    /// <summary>The first-party plugins' folders, as the build makes them.</summary>
    protected static readonly string PluginArtifacts = typeof(WebEntServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "EntPlugins").Value!;

    private readonly CancellationTokenSource _stopping = new();
    private readonly string _data;
    private readonly bool _keepsData;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private Task<int>? _run;

    /// <summary>The ENT's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What the host printed.</summary>
    public string Output => _output.ToString();

    /// <summary>What the host wrote to its error output.</summary>
    public string Errors => _error.ToString();

    /// <summary>A new browser-like client (its own cookies), signed in as nobody.</summary>
    public WebClient Client() => new(Address);

    /// <summary>A client signed in as a demonstration persona.</summary>
    public Task<WebClient> SignInAsync(string persona) => Client().SignInAsync(persona);

    public virtual async Task InitializeAsync()
    {
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new FakeTimeProvider(Now);
        // The embedded department, with the sign-in limit of the test.
        var configuration = Path.Combine(_data, "department.json");
        using (var embedded = new StreamReader(typeof(DepartmentHostApp).Assembly.GetManifestResourceStream("department.json")!))
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await embedded.ReadToEndAsync().ConfigureAwait(false), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
            var web = new System.Text.Json.Nodes.JsonObject { ["signInAttemptsPerMinute"] = _signInAttemptsPerMinute };
            Configure(web);
            json["web"] = web;
            await File.WriteAllTextAsync(configuration, json.ToJsonString()).ConfigureAwait(false);
        }

        _run = Task.Run(() => DepartmentHostApp.MainAsync(["--config", configuration, "--plugins", Plugins, "--port", "0", "--data", Path.Combine(_data, "department.db"), .. Arguments],
            _output, _error, time, _stopping.Token, _data, started.SetResult, Shape));
        var first = await Task.WhenAny(started.Task, _run).ConfigureAwait(false);
        if (first == _run)
        {
            throw new InvalidOperationException($"The web ENT stopped with {await _run.ConfigureAwait(false)}: {_error}");
        }

        Address = await started.Task.ConfigureAwait(false);
    }

    /// <summary>The host's clock, which stands still: Thursday 26 November 2026, 10:00 in Paris, unless a server says otherwise.</summary>
    protected virtual DateTimeOffset Now => new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The department <c>--scale department</c> generates, when the arguments ask for one.</summary>
    private protected virtual Ent.Samples.DepartmentHost.Generation.DepartmentShape? Shape => null;

    /// <summary>The folder of plugin folders the host loads: the build's, unless a server says otherwise.</summary>
    protected virtual string Plugins => PluginArtifacts;

    /// <summary>More of the command line (<c>--postgres</c>, say).</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>Adds to the department file's <c>web</c> settings (an identity provider, say).</summary>
    protected virtual void Configure(System.Text.Json.Nodes.JsonObject web)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }

        _stopping.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_keepsData)
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
