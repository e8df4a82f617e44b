using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;

namespace Acme.Hello;

public sealed class HelloPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.AddViews("hello").AddStrategy<HelloStrategy>();
}

public sealed class HelloStrategy : IPedagogicalStrategy
{
    public string Id => "acme.hello";

    public LocalizedText Name { get; } = new("Bonjour depuis un paquet", "Hello from a package");

    public LearnerProposal ProposeFor(LearnerSituation situation) => new SequentialStrategy().ProposeFor(situation) with { Strategy = Id };
}
