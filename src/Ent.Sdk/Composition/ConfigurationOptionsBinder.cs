using Ent.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Composition;

/// <summary>Binds plugins' options with Microsoft.Extensions.Configuration's binder, refusing keys that are no property.</summary>
internal sealed class ConfigurationOptionsBinder : PluginOptionsBinder
{
    public static ConfigurationOptionsBinder Instance { get; } = new();

    public override OptionsBuilder<TOptions> Bind<TOptions>(OptionsBuilder<TOptions> options, IConfiguration section) =>
        options.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
}
