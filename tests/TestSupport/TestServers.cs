using Xunit;

namespace Ent.TestSupport;

/// <summary>
/// The servers that some tests need. Without one, such a test reports itself skipped with the reason and how to
/// provide the server, unless ENT_REQUIRE_SERVERS is set (as <c>.ci/run</c> does): then a missing server is a failure.
/// </summary>
public static class TestServers
{
    /// <summary>The variable naming the PostgreSQL server: an Npgsql connection string with the right to create databases.</summary>
    public const string PostgreSqlVariable = "ENT_TEST_POSTGRES";

    /// <summary>The variable that turns a missing server into a failure.</summary>
    public const string RequireVariable = "ENT_REQUIRE_SERVERS";

    /// <summary>The connection string of the PostgreSQL server the tests use; skips (or fails, when servers are required) without one.</summary>
    public static string PostgreSql()
    {
        if (Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } value)
        {
            return value;
        }

        var reason = $"No PostgreSQL server: {PostgreSqlVariable} is not set. `bash .ci/run` starts a throw-away cluster itself; "
            + $"by hand: `source .ci/postgres.sh && ent_pg_start`, then run the tests in that shell, then `ent_pg_stop`.";
        if (Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 })
        {
            throw new InvalidOperationException($"{RequireVariable} is set, so server tests must run. {reason}");
        }

        throw new SkipException(reason);
    }

    /// <summary>Where the browser tests find Chromium: Debian's <c>chromium</c> package (no browser can be downloaded here).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Debian's Chromium, which Playwright drives; skips (or fails, when servers are required) without it.</summary>
    public static string Chromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return ChromiumPath;
        }

        var reason = $"No browser: {ChromiumPath} is missing. `bash .ci/run` installs Debian's chromium itself; by hand: `sudo apt-get install chromium`.";
        if (Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 })
        {
            throw new InvalidOperationException($"{RequireVariable} is set, so browser tests must run. {reason}");
        }

        throw new SkipException(reason);
    }
}
