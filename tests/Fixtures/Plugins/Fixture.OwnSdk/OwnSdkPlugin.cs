using Ent.Sdk.Plugins;

namespace Fixture.OwnSdk;

public sealed class OwnSdkPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context)
    {
    }
}
