using Ent.Sdk.Plugins;

namespace Fixture.BuiltForNewerSdk;

public sealed class FuturePlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) =>
        throw new InvalidOperationException("A plugin built against a newer SDK must never run.");
}
