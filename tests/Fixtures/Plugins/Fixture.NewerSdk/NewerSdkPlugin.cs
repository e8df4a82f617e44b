using Ent.Sdk.Plugins;

namespace Fixture.NewerSdk;

public sealed class NewerSdkPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) =>
        throw new InvalidOperationException("A plugin refused for its SDK range must never run.");
}
