using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Hosting.AspNetCore;

/// <summary>How the web host serves Ent: sign-in, cookies and limits. Checked when the host starts.</summary>
public sealed class EntWebOptions
{
    /// <summary>
    /// Demonstration mode: the sign-in page lets a visitor pick one of <see cref="DemoPersonas"/>, and every page says it is a
    /// demonstration. Never on for real people's data.
    /// </summary>
    public bool Demo { get; set; }

    /// <summary>Sign-in through the department's OpenID Connect provider (the académie's or ÉduConnect's), or null for none.</summary>
    public EntOpenIdConnectOptions? OpenIdConnect { get; set; }

    /// <summary>The people a visitor may sign in as in demonstration mode, in the order shown.</summary>
    public IList<DemoPersona> DemoPersonas { get; } = [];

    /// <summary>Whether the session and antiforgery cookies are sent over HTTPS only (true unless the host serves loopback over HTTP).</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>How long a session lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts allowed per client address and minute; more are refused with 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>The largest file a form may send, in bytes (1 MiB): a larger one is refused with 413 before any page sees it.</summary>
    public int MaxUploadBytes { get; set; } = 1024 * 1024;

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

        if (MaxUploadBytes is < 1 or > 64 * 1024 * 1024)
        {
            problems.Add($"EntWebOptions.MaxUploadBytes: {MaxUploadBytes} is outside 1 byte–64 MiB.");
        }

        if (OpenIdConnect is { } oidc)
        {
            problems.AddRange(oidc.Validate());
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

/// <summary>
/// The department's OpenID Connect provider: people sign in there (authorization code flow with PKCE) and are found in the
/// directory by the claim that carries their id there (<see cref="Person.ExternalId"/>); a person the directory does not
/// know is refused, never created.
/// </summary>
public sealed class EntOpenIdConnectOptions
{
    /// <summary>The provider's address (its discovery document is at <c>.well-known/openid-configuration</c> below it).</summary>
    public Uri? Authority { get; set; }

    /// <summary>The ENT's client id at the provider.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The ENT's client secret at the provider.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The department whose directory holds the people who sign in there.</summary>
    public DepartmentId Department { get; set; }

    /// <summary>The claim holding a person's id at the provider (<c>sub</c> by default).</summary>
    public string ExternalIdClaim { get; set; } = "sub";

    /// <summary>The scopes asked for.</summary>
    public IList<string> Scopes { get; } = ["openid", "profile"];

    /// <summary>The provider's name on the sign-in button, e.g. <c>ÉduConnect</c>.</summary>
    public string DisplayName { get; set; } = "ÉduConnect";

    /// <summary>Whether the provider's metadata must come over HTTPS (true; only a provider on loopback may be reached over HTTP).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The problems of these options, each naming its value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Authority is null || !Authority.IsAbsoluteUri)
        {
            problems.Add($"EntWebOptions.OpenIdConnect.Authority: '{Authority}' is not an absolute address.");
        }
        else if (RequireHttpsMetadata && Authority.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"EntWebOptions.OpenIdConnect.Authority: '{Authority}' is not HTTPS; only a provider on loopback may be reached over HTTP (RequireHttpsMetadata = false).");
        }
        else if (!RequireHttpsMetadata && Authority.Scheme != Uri.UriSchemeHttps && !Authority.IsLoopback)
        {
            problems.Add($"EntWebOptions.OpenIdConnect.Authority: '{Authority}' is reached over HTTP and is not on loopback.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("EntWebOptions.OpenIdConnect.ClientId: the client id is required.");
        }

        if (Department.Value == Guid.Empty)
        {
            problems.Add("EntWebOptions.OpenIdConnect.Department: the department whose people sign in is required.");
        }

        if (string.IsNullOrWhiteSpace(ExternalIdClaim))
        {
            problems.Add("EntWebOptions.OpenIdConnect.ExternalIdClaim: the claim is required.");
        }

        return problems;
    }
}
