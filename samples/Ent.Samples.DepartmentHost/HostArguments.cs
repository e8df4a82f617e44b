namespace Ent.Samples.DepartmentHost;

/// <summary>The department host's command line.</summary>
internal sealed record HostArguments(string? ConfigPath, string? DataFile, string? PostgreSql, IReadOnlyList<string> PluginDirectories, bool Strict, string Language, bool Help)
{
    /// <summary>Print the console report and exit instead of serving the web ENT.</summary>
    public bool Report { get; init; }

    /// <summary>The loopback port the web ENT listens on (0: any free port).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Whether the web ENT runs in demonstration mode (persona sign-in).</summary>
    public bool Demo { get; init; } = true;

    /// <summary>How large a demonstration department to seed (<c>--scale small|department</c>).</summary>
    public Generation.DemoScale Scale { get; init; } = Generation.DemoScale.Small;

    /// <summary>The port of the README's main command.</summary>
    public const int DefaultPort = 5080;

    public const string Usage = """
        Ent department host: composes the department's ENT from its plugin folders and serves it on the web, on
        http://127.0.0.1:5080/ by default, as a demonstration (pick a persona to sign in), until Ctrl+C.

        Usage: Ent.Samples.DepartmentHost [options]
          --port <n>         the loopback port to listen on (5080 by default; 0 for any free port)
          --no-demo          no demonstration sign-in (people sign in through the department's identity provider)
          --scale <s>        small (the configured schools and a demonstration class; the default) or department:
                             125 collèges in rollout waves, 75,000 pupils, their families, teachers and courses,
                             and a term of use, generated once into the data (several minutes the first time)
          --report           print what loaded and the demonstration's report instead, and exit
          --config <file>    department configuration (JSON); the embedded sample department by default
          --plugins <dir>    a plugins directory (repeatable); replaces the configuration's directories
          --data <file>      the SQLite database file; by default department.db in $ENT_DATA_DIR,
                             else in the user's data folder (~/.local/share/Ent); the path is printed
          --postgres <cs>    store on PostgreSQL instead (an Npgsql connection string)
          --strict           refuse to start on any plugin problem, listing them all
          --lang fr|en       language of the report (fr by default)
          --help             this text
        Warnings (plugin diagnostics, failing handlers) go to the error output.
        Configuration: a JSON file; see docs/hosting.md ("The department host's configuration file").
        Exit codes: 0 ran, 1 refused to start (strict plugins) or stopped on a storage error (a corrupt or
        unreachable store; nothing more is written), 2 bad arguments or configuration (the message names the
        file, the field and the value).
        """;

    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        string? config = null;
        string? data = null;
        string? postgreSql = null;
        var plugins = new List<string>();
        var strict = false;
        var language = "fr";
        var help = false;
        var report = false;
        var demo = true;
        var port = DefaultPort;
        var scale = Generation.DemoScale.Small;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config":
                    config = Value(args, ref i);
                    break;
                case "--data":
                    data = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--postgres":
                    postgreSql = Value(args, ref i);
                    break;
                case "--plugins":
                    plugins.Add(Path.GetFullPath(Value(args, ref i)));
                    break;
                case "--strict":
                    strict = true;
                    break;
                case "--lang":
                    language = Value(args, ref i);
                    if (language is not ("fr" or "en"))
                    {
                        throw new ConfigurationException($"--lang: '{language}' is not a supported language (fr, en).");
                    }

                    break;
                case "--report":
                    report = true;
                    break;
                case "--no-demo":
                    demo = false;
                    break;
                case "--port":
                    var text = Value(args, ref i);
                    if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        throw new ConfigurationException($"--port: '{text}' is not a port number (0 to 65535).");
                    }

                    break;
                case "--scale":
                    var size = Value(args, ref i);
                    scale = size switch
                    {
                        "small" => Generation.DemoScale.Small,
                        "department" => Generation.DemoScale.Department,
                        _ => throw new ConfigurationException($"--scale: '{size}' is not a scale (small, department)."),
                    };
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new ConfigurationException($"Unknown argument '{args[i]}'. Run with --help for the options.");
            }
        }

        if (report && scale == Generation.DemoScale.Department)
        {
            throw new ConfigurationException("--scale department generates a department for the web ENT; it cannot be combined with --report.");
        }

        return new HostArguments(config, data, postgreSql, plugins, strict, language, help) { Report = report, Demo = demo, Port = port, Scale = scale };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new ConfigurationException($"{args[i - 1]} needs a value.");
}
