using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Dependent;

public sealed class DependentPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
        if (!context.IsPluginPresent("fixture.healthy"))
        {
            throw new InvalidOperationException("fixture.healthy must be registered before fixture.dependent.");
        }

        context.AddStrategy<RelayStrategy>();
    }
}

/// <summary>Builds on the healthy plugin's strategy through the shared contract, not through its types.</summary>
public sealed class RelayStrategy(IServiceProvider services) : IPedagogicalStrategy
{
    public string Id => "fixture.relay";

    public LocalizedText Name => new("Relais", "Relay");

    public LearnerProposal ProposeFor(LearnerSituation situation) =>
        services.GetServices<IPedagogicalStrategy>().Single(s => s.Id == "fixture.greeting").ProposeFor(situation) with { Strategy = Id };
}
