using Ent.Core.Identifiers;

namespace Ent.Hosting.AspNetCore;

/// <summary>How the web host serves Ent: sign-in, cookies and limits. Checked when the host starts.</summary>
public sealed class EntWebOptions
{
    /// <summary>
    /// Demonstration mode: the sign-in page lets a visitor pick one of <see cref="DemoPersonas"/>, and every page says it is a
    /// demonstration. Never on for real people's data.
    /// </summary>
    public bool Demo { get; set; }

    /// <summary>The people a visitor may sign in as in demonstration mode, in the order shown.</summary>
    public IList<DemoPersona> DemoPersonas { get; } = [];

    /// <summary>Whether the session and antiforgery cookies are sent over HTTPS only (true unless the host serves loopback over HTTP).</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>How long a session lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts allowed per client address and minute; more are refused with 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>The problems of these options, each naming its value; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SessionIdleTimeout <= TimeSpan.Zero)
        {
            problems.Add($"EntWebOptions.SessionIdleTimeout: {SessionIdleTimeout} is not a positive duration.");
        }

        if (SignInAttemptsPerMinute < 1)
        {
            problems.Add($"EntWebOptions.SignInAttemptsPerMinute: {SignInAttemptsPerMinute} is not a positive number.");
        }

        if (Demo && DemoPersonas.Count == 0)
        {
            problems.Add("EntWebOptions.DemoPersonas: demonstration mode needs at least one persona to sign in as.");
        }

        foreach (var duplicate in DemoPersonas.GroupBy(p => p.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"EntWebOptions.DemoPersonas: the key '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        return problems;
    }
}

/// <summary>A person of the demonstration department a visitor may sign in as.</summary>
/// <param name="Key">A short key, e.g. <c>teacher</c>.</param>
/// <param name="Person">The person in the directory.</param>
/// <param name="Description">What the persona shows, in French (e.g. « Professeure de mathématiques, 5e B »).</param>
/// <param name="EnglishDescription">The same in English.</param>
public sealed record DemoPersona(string Key, PersonId Person, string Description, string EnglishDescription);
