using System.Reflection;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Composition;
using Ent.Sdk.Enablement;
using Ent.Sdk.Loading;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ent.Sdk.Hosting;

/// <summary>
/// Configures Ent in a service collection: plugin directories, in-process plugins, strictness and
/// per-school enablement. The plugins are composed once, by <c>AddEnt</c> or <see cref="EntHostBuilder.Build"/>;
/// after that, adding plugins throws, while <see cref="Services"/> stays open for the host's own registrations.
/// </summary>
public sealed class EntBuilder
{
    private readonly List<(EntPlugin Plugin, PluginManifest Manifest)> _inProcess = [];
    private readonly List<PluginEnablementRule> _enablement = [];
    private readonly List<Rollout.RolloutWave> _waves = [];
    private IPluginAssemblyLoader _loader = new McMasterPluginAssemblyLoader();
    private Microsoft.Extensions.Configuration.IConfiguration? _configuration;

    internal EntBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection Ent registers into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The options; change them before composition.</summary>
    public EntOptions Options { get; } = new();

    /// <summary>Whether the plugins have been composed; from then on the plugin configuration is frozen.</summary>
    public bool IsComposed { get; private set; }

    /// <summary>Adds a directory whose sub-folders are plugin folders.</summary>
    /// <param name="path">The directory; relative paths are taken from the current directory.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder AddPluginDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ThrowIfComposed();
        Options.PluginDirectories.Add(Path.GetFullPath(path));
        return this;
    }

    /// <summary>Registers a plugin in-process (no folder), reading its manifest from the <c>plugin.json</c> embedded in its assembly.</summary>
    /// <typeparam name="TPlugin">The plugin type.</typeparam>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="Plugins.PluginManifestException">The assembly embeds no valid <c>plugin.json</c>.</exception>
    public EntBuilder AddPlugin<TPlugin>()
        where TPlugin : EntPlugin, new() => AddPlugin(new TPlugin(), ReadEmbeddedManifest(typeof(TPlugin).Assembly));

    /// <summary>Registers a plugin in-process (no folder) with its manifest.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder AddPlugin(EntPlugin plugin, PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(manifest);
        ThrowIfComposed();
        _inProcess.Add((plugin, manifest));
        return this;
    }

    /// <summary>Makes the host refuse to start on any plugin problem, listing every diagnostic at once.</summary>
    /// <param name="strict">Whether to be strict.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder UseStrictPlugins(bool strict = true)
    {
        ThrowIfComposed();
        Options.Strict = strict;
        return this;
    }

    /// <summary>
    /// Gives the plugins their settings: each plugin reads the section <c>plugins:&lt;plugin id&gt;</c> (for example
    /// <c>plugins:ent.grading:RoundingStep</c>) into the options it declares with <c>context.AddOptions&lt;T&gt;()</c>,
    /// validated when the host starts.
    /// </summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder UseConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ThrowIfComposed();
        _configuration = configuration;
        return this;
    }

    /// <summary>Replaces the plugin assembly loader (McMaster.NETCore.Plugins by default).</summary>
    /// <param name="loader">The loader.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder UsePluginLoader(IPluginAssemblyLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ThrowIfComposed();
        _loader = loader;
        return this;
    }

    /// <summary>
    /// Reads the department's template and string overrides from a folder (see <see cref="Views.ViewOptions.OverrideDirectory"/>):
    /// <c>views/grading/report-card.sbn-html</c> for the department, <c>schools/0930001W/views/…</c> for one school,
    /// <c>strings/grading.fr.json</c> for the wording.
    /// </summary>
    /// <param name="directory">The folder; relative paths are taken from the current directory.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder UseViewOverrides(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        Services.Configure<Views.ViewOptions>(o => o.OverrideDirectory = full);
        return this;
    }

    /// <summary>Sets the language of renders and texts that name none (<c>fr</c> unless changed).</summary>
    /// <param name="language">The language code, e.g. <c>fr</c> or <c>en</c>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException">Not a known language code.</exception>
    public EntBuilder UseDefaultLanguage(string language)
    {
        if (!Localization.LanguageCode.IsValid(language))
        {
            throw new ArgumentException($"'{language}' is not a language code such as 'fr' or 'en'.", nameof(language));
        }

        Services.Configure<Views.ViewOptions>(o => o.DefaultLanguage = language);
        return this;
    }

    /// <summary>Turns a plugin on in every school of the department, from a date.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="from">The first day it is on.</param>
    /// <param name="until">The last day it is on, or null.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder EnablePlugin(string pluginId, DateOnly from, DateOnly? until = null) => AddRule(pluginId, null, from, until);

    /// <summary>Turns a plugin on in one school, from a date (for rollout waves).</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="school">The school.</param>
    /// <param name="from">The first day it is on.</param>
    /// <param name="until">The last day it is on, or null.</param>
    /// <returns>This builder, for chaining.</returns>
    public EntBuilder EnablePlugin(string pluginId, SchoolId school, DateOnly from, DateOnly? until = null) => AddRule(pluginId, school, from, until);

    /// <summary>
    /// Adds a wave of the department's rollout: its plugins are on in its schools from its start (and, like any
    /// enablement, only while they are healthy and what they require is on there too). See <see cref="Rollout.IRolloutPlan"/>.
    /// </summary>
    /// <param name="wave">The wave.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException">A wave of that name exists, or one of its schools is in another wave; the message names both.</exception>
    public EntBuilder AddRolloutWave(Rollout.RolloutWave wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ThrowIfComposed();
        if (_waves.FirstOrDefault(w => string.Equals(w.Name, wave.Name, StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            throw new ArgumentException($"There is a rollout wave '{named.Name}' already; name the new one differently.", nameof(wave));
        }

        foreach (var school in wave.Schools)
        {
            if (_waves.FirstOrDefault(w => w.Schools.Contains(school)) is { } other)
            {
                throw new ArgumentException($"School {school.Value} is in rollout wave '{other.Name}' already; it cannot also be in '{wave.Name}'.", nameof(wave));
            }
        }

        _waves.Add(wave);
        foreach (var plugin in wave.Plugins)
        {
            foreach (var school in wave.Schools)
            {
                AddRule(plugin, school, wave.Start, until: null);
            }
        }

        return this;
    }

    /// <summary>Discovers, validates, loads and registers the plugins, then registers Ent's services. Runs once.</summary>
    internal void Compose()
    {
        ThrowIfComposed();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Ent options: " + string.Join(" ", problems));
        }

        if (Services.Any(d => d.ServiceType == typeof(EntMarker)))
        {
            throw new InvalidOperationException("AddEnt has already composed Ent in this service collection; call it once.");
        }

        IsComposed = true;
        var composition = new PluginComposer(_loader, Options.UnloadablePlugins, _configuration).Compose(Options.PluginDirectories, _inProcess, Services, Options.Strict);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZone);
        var rules = _enablement.ToArray();
        Services.AddSingleton<EntMarker>();
        Services.AddLogging();
        Services.AddOptions();
        Services.TryAddSingleton(zone);
        Services.AddEntCore();
        Services.TryAddSingleton<Ent.Storage.Engines.IRecordStores, Ent.Storage.Engines.MissingStorageEngine>(); // until UseSqlite / UsePostgreSql replaces it
        Services.TryAddSingleton<Ent.Storage.Events.IEventDeliveryFailures, Ent.Storage.Events.InMemoryEventDeliveryFailures>();
        Services.TryAddSingleton(sp => new Ent.Storage.Documents.DocumentRegistry(sp.GetServices<Ent.Storage.Documents.DocumentType>()));
        Services.TryAddSingleton<Ent.Storage.Events.CommittedEvents>();
        Services.TryAddSingleton<Operations.IOperations, Operations.PluginOperations>();
        Services.TryAddSingleton<Scheduling.RecurringTasks>();
        Services.AddOptions<Content.MarkdownOptions>()
            .Validate(o => o.MaxInputLength > 0 && o.MaxNestingDepth > 0, "MarkdownOptions: MaxInputLength and MaxNestingDepth must be positive.")
            .ValidateOnStart();
        Services.TryAddSingleton<Content.IMarkdownRenderer, Content.MarkdownRenderer>();
        Services.AddEntViewSystem();
        var (startTimeout, stopTimeout) = (Options.PluginStartTimeout, Options.PluginStopTimeout);
        Services.AddSingleton(sp => new EntRuntime(composition, sp, sp.GetRequiredService<ILogger<EntRuntime>>(), startTimeout, stopTimeout));
        Services.AddSingleton<IEntRuntime>(sp => sp.GetRequiredService<EntRuntime>());
        Services.AddSingleton<IPluginEnablement>(sp => new PluginEnablement(rules, sp.GetRequiredService<IEntRuntime>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TimeZoneInfo>()));
        Services.TryAddSingleton<Analytics.IUsageAnalytics, Analytics.UsageAnalytics>();
        Services.TryAddSingleton<IEntPages, Pages.EntPages>();
        var waves = _waves.ToArray();
        Services.AddSingleton<Rollout.IRolloutPlan>(sp => new Rollout.RolloutPlan(waves, sp.GetRequiredService<IPluginEnablement>(), sp.GetRequiredService<IEntRuntime>()));
        Services.AddSingleton<Ent.Core.Events.IDomainEventDeliveryFilter, PluginEventDelivery>();
        Services.AddSingleton<SchoolOffer>(); // the views demand it, whatever an application adds as ISchoolOffer
        Services.AddSingleton<ISchoolOffer>(sp => sp.GetRequiredService<SchoolOffer>());
    }

    private EntBuilder AddRule(string pluginId, SchoolId? school, DateOnly from, DateOnly? until)
    {
        if (!PluginManifest.IsValidId(pluginId))
        {
            throw new ArgumentException($"'{pluginId}' is not a valid plugin id.", nameof(pluginId));
        }

        ThrowIfComposed();
        _enablement.Add(new PluginEnablementRule(pluginId, school, new DateRange(from, until)));
        return this;
    }

    private void ThrowIfComposed()
    {
        if (IsComposed)
        {
            throw new InvalidOperationException("Ent's plugins are already composed; configure plugins, options and enablement before AddEnt returns or before EntHostBuilder.Build.");
        }
    }

    private static PluginManifest ReadEmbeddedManifest(Assembly assembly)
    {
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(PluginManifest.FileName, StringComparison.OrdinalIgnoreCase))
            ?? throw new PluginManifestException($"{assembly.GetName().Name} embeds no {PluginManifest.FileName}: add <EmbeddedResource Include=\"plugin.json\" LogicalName=\"plugin.json\" /> to the plugin project, or pass the manifest to AddPlugin.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return PluginManifest.Parse(reader.ReadToEnd(), $"{assembly.GetName().Name}/{name}");
    }

    /// <summary>Marks a service collection in which Ent is composed.</summary>
    private sealed class EntMarker;
}
