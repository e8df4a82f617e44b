using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// A real OpenID Connect provider on loopback (OpenIddict's server, without stores): one confidential client, the
/// authorization code flow with PKCE, and whoever the test says is at the keyboard (<see cref="Subject"/>) signed in
/// at its authorization endpoint. It stands for the académie's or ÉduConnect's provider.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "ent-93";
    public const string ClientSecret = "the-departments-secret";

    private WebApplication? _app;

    /// <summary>The provider's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Who signs in at the next authorization request (the provider's subject), or null to refuse it.</summary>
    public string? Subject { get; set; }

    /// <summary>How many authorization codes were exchanged at the token endpoint.</summary>
    public int TokensIssued { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                .SetConfigurationEndpointUris(".well-known/openid-configuration").SetJsonWebKeySetEndpointUris(".well-known/jwks");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.EnableDegradedMode(); // no stores: the client and its redirect are checked below
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, $"Unknown client '{context.ClientId}'.");
                }
                else if (context.RedirectUri is not { } redirect || !new Uri(redirect).IsLoopback || !redirect.EndsWith("/sign-in/oidc/callback", StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, $"'{context.RedirectUri}' is not the ENT's callback.");
                }

                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "The client's id or secret is wrong.");
                }
                else
                {
                    TokensIssued++;
                }

                return default;
            }));
        });
        _app = builder.Build();
        _app.UseAuthentication();
        _app.MapGet("connect/authorize", (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            if (Subject is not { } subject)
            {
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, "Quelqu'un");
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
