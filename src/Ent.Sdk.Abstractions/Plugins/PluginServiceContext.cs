using System.Reflection;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Core.Strategies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Sdk.Plugins;

/// <summary>
/// What a plugin gets while it registers: a service collection of its own (merged into the host's
/// only if registration succeeds), its manifest and folder, which other plugins are present, and
/// helpers for Ent's contribution points.
/// </summary>
public sealed class PluginServiceContext
{
    private readonly IReadOnlySet<string> _presentPlugins;
    private readonly Assembly _assembly;

    private readonly List<Type> _optionsTypes = [];

    private readonly PluginOptionsBinder _options;

    internal PluginServiceContext(PluginManifest manifest, string? folder, IServiceCollection services, IReadOnlySet<string> presentPlugins, Assembly assembly, IConfiguration configuration, PluginOptionsBinder options)
    {
        _assembly = assembly;
        _options = options;
        Configuration = configuration.GetSection(ConfigurationSection(manifest.Id));
        Manifest = manifest;
        Folder = folder;
        Services = services;
        _presentPlugins = presentPlugins;
    }

    /// <summary>The section of the host's configuration holding a plugin's settings: <c>plugins:&lt;plugin id&gt;</c>.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    public static string ConfigurationSection(string pluginId) => $"plugins:{pluginId}";

    /// <summary>The plugin's section of the host's configuration (<c>plugins:&lt;plugin id&gt;</c>); empty when the host has none.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The options types declared with <see cref="AddOptions{TOptions}"/>, validated when the host starts.</summary>
    internal IReadOnlyList<Type> OptionsTypes => _optionsTypes;

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The plugin's folder, or null for a plugin registered in-process.</summary>
    public string? Folder { get; }

    /// <summary>Where the plugin registers its services. Resolved from the host's provider, they get <c>ILogger&lt;T&gt;</c>, options and <see cref="TimeProvider"/> injected.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Whether a plugin is present and healthy so far: use it for optional dependencies.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    public bool IsPluginPresent(string pluginId) => _presentPlugins.Contains(pluginId);

    /// <summary>
    /// Declares the plugin's options: bound from its configuration section (<c>plugins:&lt;plugin id&gt;</c>; a key
    /// that is not a property is an error) and validated when the host starts, with the validations added to the
    /// returned builder or registered as <see cref="Microsoft.Extensions.Options.IValidateOptions{TOptions}"/>. Invalid
    /// options fail the plugin with ENT055 naming the key and the value (a strict host does not start).
    /// </summary>
    /// <typeparam name="TOptions">The plugin's options type.</typeparam>
    /// <returns>The options builder, to add validations.</returns>
    public OptionsBuilder<TOptions> AddOptions<TOptions>()
        where TOptions : class
    {
        _optionsTypes.Add(typeof(TOptions));
        return _options.Bind(Services.AddOptions<TOptions>(), Configuration);
    }

    /// <summary>
    /// Declares a kind of document the plugin keeps: its key, the indexes it is queried by and its upgrades. The host's
    /// storage engine creates and migrates its table at start; the plugin's units of work read and write it
    /// (<see cref="Operations.IUnitOfWork.Documents{T}"/>). Named after the type (<c>MarkChange</c> is <c>mark-change</c>).
    /// </summary>
    /// <typeparam name="T">The documents' type: a record whose constructor takes its properties.</typeparam>
    /// <param name="declare">Declares the key (<c>d.Key(x =&gt; new { x.Course, x.Id })</c>), the indexes and the upgrades.</param>
    /// <returns>This context, for chaining.</returns>
    /// <exception cref="ArgumentException">A member, an index or an upgrade is invalid; the message says which.</exception>
    /// <exception cref="NotSupportedException">A member's type cannot be stored; the message names its path.</exception>
    public PluginServiceContext AddDocuments<T>(Action<Ent.Storage.Documents.DocumentTypeBuilder<T>> declare)
        where T : class => AddDocuments(null, declare);

    /// <summary>Declares a kind of document under a name of the plugin's choosing; see <see cref="AddDocuments{T}(Action{Ent.Storage.Documents.DocumentTypeBuilder{T}})"/>.</summary>
    /// <typeparam name="T">The documents' type.</typeparam>
    /// <param name="name">The name: lower-case letters, digits and '-', unique within the plugin.</param>
    /// <param name="declare">Declares the key, the indexes and the upgrades.</param>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext AddDocuments<T>(string? name, Action<Ent.Storage.Documents.DocumentTypeBuilder<T>> declare)
        where T : class
    {
        var type = Ent.Storage.Documents.DocumentTypes.Create(Manifest.Id, name, declare);
        if (Services.Any(d => d.ImplementationInstance is Ent.Storage.Documents.DocumentType known && (known.Name == type.Name || known.ClrType == type.ClrType)))
        {
            throw new ArgumentException($"'{Manifest.Id}' declares the documents '{type.Name}' ({typeof(T).Name}) twice.", nameof(name));
        }

        Services.AddDocumentType(type);
        return this;
    }

    /// <summary>Contributes an activity kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext AddActivityKind(ActivityKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        Services.AddSingleton(kind);
        return this;
    }

    /// <summary>Contributes a pedagogical strategy.</summary>
    /// <typeparam name="TStrategy">The strategy type.</typeparam>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext AddStrategy<TStrategy>()
        where TStrategy : class, IPedagogicalStrategy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPedagogicalStrategy, TStrategy>());
        return this;
    }

    /// <summary>Subscribes a handler to domain events.</summary>
    /// <typeparam name="TEvent">The event type, or <see cref="DomainEvent"/> for every event.</typeparam>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext AddEventHandler<TEvent, THandler>()
        where TEvent : DomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        Services.AddDomainEventHandler<TEvent, THandler>();
        return this;
    }

    /// <summary>Grants one of the plugin's capabilities to a role.</summary>
    /// <param name="role">The role.</param>
    /// <param name="reach">How far the grant reaches.</param>
    /// <param name="capability">The capability, named after the plugin (e.g. <c>acme.notes.write</c>).</param>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext GrantCapability(Role role, GrantReach reach, Capability capability)
    {
        Services.AddSingleton(new CapabilityGrant(role, capability, reach));
        return this;
    }

    /// <summary>
    /// Contributes the templates and strings embedded in the plugin's assembly under an area: files under
    /// <c>Views/</c> (<c>.sbn-html</c>, <c>.sbn-txt</c>) become templates <c>&lt;area&gt;/&lt;path&gt;</c>, and
    /// <c>Strings/&lt;language&gt;.json</c> the area's texts (the Ent.Sdk build embeds both). A department overrides
    /// them by name.
    /// </summary>
    /// <param name="area">The area, e.g. <c>grading</c>: lower-case letters, digits and '-'.</param>
    /// <returns>This context, for chaining.</returns>
    /// <exception cref="ArgumentException">The area is not valid.</exception>
    public PluginServiceContext AddViews(string area)
    {
        Services.AddSingleton(Views.ViewPackage.Create(area, _assembly, Manifest.Id));
        return this;
    }

    /// <summary>
    /// Contributes a page (or a JSON endpoint) that any host serves (see <see cref="Pages.EntPage{TRoute}"/>): at its route,
    /// to people who hold the capability in their school, where the plugin is on. Its route values are bound to the page's
    /// route type, its form (for an <see cref="Pages.EntPage{TRoute, TForm}"/>) to its form type; the plugin never references a web framework.
    /// </summary>
    /// <typeparam name="TPage">The page's type, resolved from the host's services for each request.</typeparam>
    /// <param name="route">
    /// The route: segments of lower-case letters, digits and '-', and <c>{placeholders}</c> named after the route type's
    /// constructor parameters, starting with a literal segment (e.g. <c>grading/courses/{course}</c>); no leading slash.
    /// </param>
    /// <param name="capability">The capability a viewer must hold in their school to open it.</param>
    /// <param name="navigation">Its entry in the navigation (for a route without values), if any.</param>
    /// <returns>This context, for chaining.</returns>
    /// <exception cref="ArgumentException">The route is malformed, does not match the route type, or the page has a navigation entry and route values; the message says which.</exception>
    public PluginServiceContext AddPage<TPage>(string route, Capability capability, Pages.PageNavigation? navigation = null)
        where TPage : class => RegisterPage<TPage>(route, capability, navigation, forDepartment: false);

    private PluginServiceContext RegisterPage<TPage>(string route, Capability capability, Pages.PageNavigation? navigation, bool forDepartment)
        where TPage : class
    {
        var registration = Pages.PageRoutes.Register(Manifest.Id, typeof(TPage), route, capability, navigation) with { ForDepartment = forDepartment };
        if (Services.Any(d => d.ImplementationInstance is Pages.PageRegistration known && known.Route == registration.Route))
        {
            throw new ArgumentException($"'{Manifest.Id}' registers the route '{route}' twice.", nameof(route));
        }

        Services.AddSingleton(registration);
        Services.TryAddTransient<TPage>();
        return this;
    }

    /// <summary>
    /// Adds a page that is also for viewers in no school, such as the department's dashboards: as <see cref="AddPage{TPage}"/>,
    /// and on for the department's administrator while the plugin is on in at least one of its schools. The page's services
    /// check what the viewer may read (a head of school sees their school, the administrator the department).
    /// </summary>
    /// <typeparam name="TPage">The page's type.</typeparam>
    /// <param name="route">The route, as for <see cref="AddPage{TPage}"/>.</param>
    /// <param name="capability">The capability a viewer must hold in their school, or in the department.</param>
    /// <param name="navigation">Its entry in the navigation, if any.</param>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext AddDepartmentPage<TPage>(string route, Capability capability, Pages.PageNavigation? navigation = null)
        where TPage : class => RegisterPage<TPage>(route, capability, navigation, forDepartment: true);

    /// <summary>
    /// Runs a task of the plugin every so often while the host runs (see <see cref="Scheduling.IRecurringTask"/>): reminders before a
    /// deadline, say. The task is registered as a singleton.
    /// </summary>
    /// <typeparam name="TTask">The task's type.</typeparam>
    /// <param name="every">How often, from 1 minute to 1 day.</param>
    /// <returns>This context, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The interval is outside 1 minute to 1 day.</exception>
    public PluginServiceContext AddRecurringTask<TTask>(TimeSpan every)
        where TTask : class, Scheduling.IRecurringTask
    {
        if (every < Scheduling.RecurringTaskSchedule.Shortest || every > Scheduling.RecurringTaskSchedule.Longest)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, $"A recurring task runs every 1 minute to 1 day; {every} is not that.");
        }

        Services.TryAddSingleton<TTask>();
        Services.AddSingleton(new Scheduling.RecurringTaskSchedule(typeof(TTask), every));
        return this;
    }

    /// <summary>Contributes demonstration data and documents to the host's demo school (see <see cref="Demo.IDemoContributor"/>).</summary>
    /// <typeparam name="TContributor">The contributor type.</typeparam>
    /// <returns>This context, for chaining.</returns>
    public PluginServiceContext AddDemoContributor<TContributor>()
        where TContributor : class, Demo.IDemoContributor
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Demo.IDemoContributor, TContributor>());
        return this;
    }
}
