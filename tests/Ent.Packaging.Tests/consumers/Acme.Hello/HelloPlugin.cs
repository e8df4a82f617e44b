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

    // Read through the plugin's own dependency, which its folder ships: Ent's packages do not provide Json.NET.
    public LocalizedText Name { get; } = Newtonsoft.Json.JsonConvert.DeserializeObject<LocalizedText>("""{ "French": "Bonjour depuis un paquet", "English": "Hello from a package" }""")!;

    public LearnerProposal ProposeFor(LearnerSituation situation) => new SequentialStrategy().ProposeFor(situation) with { Strategy = Id };
}
