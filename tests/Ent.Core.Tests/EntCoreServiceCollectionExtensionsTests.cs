using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Core.Strategies;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Core.Tests;

public sealed class EntCoreServiceCollectionExtensionsTests
{
    [Fact]
    public void Calling_AddEntCore_twice_registers_each_service_once()
    {
        var services = new ServiceCollection().AddLogging().AddEntCore().AddEntCore();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IPedagogicalStrategy>());
        Assert.Single(services, d => d.ServiceType == typeof(IAccessControl));
    }

    [Fact]
    public void Registered_capability_grants_extend_the_default_policy()
    {
        var grant = new CapabilityGrant(Role.Teacher, new Capability("acme.x"), GrantReach.Scope);
        var services = new ServiceCollection().AddLogging().AddEntCore().AddSingleton(grant);
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<AccessPolicy>();

        Assert.Contains(grant, policy.Grants);
        Assert.True(AccessPolicy.Default.Grants.All(policy.Grants.Contains));
    }
}
