using System.Text.Json.Nodes;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>A web ENT whose department signs people in through its OpenID Connect provider (a real one, on loopback).</summary>
public sealed class ProviderWebEntServer : WebEntServer
{
    public TestIdentityProvider Provider { get; } = new();

    /// <summary>Today: the provider's answer comes back with cookies whose expiry the browser checks against its own clock.</summary>
    protected override DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }

    protected override void Configure(JsonObject web) => web["openIdConnect"] = new JsonObject
    {
        ["authority"] = Provider.Address.ToString(),
        ["clientId"] = TestIdentityProvider.ClientId,
        ["clientSecret"] = TestIdentityProvider.ClientSecret,
        ["displayName"] = "ÉduConnect (test)",
        ["requireHttpsMetadata"] = false,
    };
}
