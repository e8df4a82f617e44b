using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Plugins;

/// <summary>Binds a plugin's options to its configuration section; the host supplies it (binding is the host's business, not the plugin's).</summary>
internal abstract class PluginOptionsBinder
{
    /// <summary>Binds the options to the section, a key that is not a property being an error.</summary>
    public abstract OptionsBuilder<TOptions> Bind<TOptions>(OptionsBuilder<TOptions> options, IConfiguration section)
        where TOptions : class;
}
