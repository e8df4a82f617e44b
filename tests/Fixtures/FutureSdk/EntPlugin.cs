namespace Ent.Sdk.Plugins;

public abstract class EntPlugin
{
    public abstract void ConfigureServices(PluginServiceContext context);
}

public sealed class PluginServiceContext;
