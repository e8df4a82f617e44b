using Ent.Core.Strategies;
using Ent.Sdk.Plugins;

namespace Fixture.Throwing;

public sealed class ThrowingPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
        // Registers something first: none of it may reach the host.
        context.AddStrategy<SequentialStrategy>();
        throw new InvalidOperationException("fixture.throwing fails on purpose while registering");
    }
}
