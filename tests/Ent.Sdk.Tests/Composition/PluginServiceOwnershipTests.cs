using Ent.Core.Access;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Diagnostics;
using Ent.Sdk.Hosting;
using Ent.Sdk.Plugins;
using Ent.Sdk.Tests.TestPlugins;
using Ent.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Tests.Composition;

/// <summary>Only the core registers its security and platform services; a plugin owns its own types and capabilities.</summary>
public sealed class PluginServiceOwnershipTests
{
    [Fact]
    public async Task A_folder_plugin_that_replaces_access_control_is_refused_and_the_core_access_control_stays()
    {
        using var plugins = PluginDirectory.With("Fixture.Hijacker", "Fixture.Healthy");
        await using var host = FolderPluginLoadingTests.Build(plugins);

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ServiceReserved, "fixture.hijacker"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("Ent.Core.Access.IAccessControl", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["fixture.healthy"], host.Runtime.Plugins.Select(p => p.Id));
        Assert.IsType<AccessControl>(host.Services.GetRequiredService<IAccessControl>());
    }

    [Fact]
    public void A_strict_host_refuses_to_start_with_a_plugin_that_replaces_access_control()
    {
        using var plugins = PluginDirectory.With("Fixture.Hijacker");

        var error = Assert.Throws<PluginCompositionException>(() => FolderPluginLoadingTests.Build(plugins, ent => ent.UseStrictPlugins()));

        Assert.Equal(PluginDiagnosticCodes.ServiceReserved, Assert.Single(error.Diagnostics).Code);
    }

    public static TheoryData<string> CoreServices => new(CoreRegistrations.Keys);

    [Theory]
    [MemberData(nameof(CoreServices))]
    public async Task A_plugin_may_not_register_a_core_service(string service)
    {
        await using var host = Build(("acme.notes", CoreRegistrations[service]));

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ServiceReserved, "acme.notes"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains(service, diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(host.Runtime.Plugins);
    }

    [Fact]
    public async Task A_plugin_may_not_replace_a_service_another_plugin_registered()
    {
        await using var host = Build(
            ("acme.notes", c => c.Services.AddSingleton<INotes, Notes>()),
            ("evil.notes", c => c.Services.AddSingleton<INotes, OtherNotes>()));

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.ServiceOwnedByAnotherPlugin, "evil.notes"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("acme.notes", diagnostic.Message, StringComparison.Ordinal);
        Assert.IsType<Notes>(host.Services.GetRequiredService<INotes>());
    }

    [Fact]
    public async Task Several_plugins_add_implementations_of_an_extension_point()
    {
        await using var host = Build(
            ("acme.rules", c => c.Services.AddSingleton<IRule, FirstRule>()),
            ("other.rules", c => c.Services.AddSingleton<IRule, SecondRule>()));

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.Equal([typeof(FirstRule), typeof(SecondRule)], host.Services.GetServices<IRule>().Select(r => r.GetType()));
    }

    [Fact]
    public async Task Plugins_validate_their_own_options_at_start_and_add_event_handlers()
    {
        await using var host = Build(
            ("acme.notes", c => c.Services.AddOptions<NotesOptions>().Validate(o => o.Limit > 0, "Limit must be positive.").ValidateOnStart()),
            ("other.notes", c =>
            {
                c.Services.AddOptions<OtherOptions>().ValidateOnStart();
                c.AddEventHandler<DomainEvent, IgnoreEvents>();
            }));

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.Equal(2, host.Runtime.Plugins.Count);
        Assert.Equal(1, host.Services.GetRequiredService<IOptions<NotesOptions>>().Value.Limit);
    }

    [Fact]
    public async Task A_plugin_grants_its_own_capabilities()
    {
        await using var host = Build(("acme.notes", c => c.GrantCapability(Role.Teacher, GrantReach.Scope, new Capability("acme.notes.write"))));

        Assert.Empty(host.Runtime.Diagnostics);
        Assert.Contains(host.Services.GetRequiredService<AccessPolicy>().Grants, g => g.Capability.Name == "acme.notes.write" && g.Role == Role.Teacher);
    }

    [Theory]
    [InlineData("ent.grading.marks.write")] // another plugin's
    [InlineData("core.progress.view")] // the core's
    [InlineData("acme.notesx.read")] // a look-alike prefix
    public async Task A_plugin_may_not_grant_a_capability_that_is_not_its_own(string capability)
    {
        await using var host = Build(("acme.notes", c => c.GrantCapability(Role.Learner, GrantReach.Scope, new Capability(capability))));

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.CapabilityNotOwned, "acme.notes"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains(capability, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Services.GetRequiredService<AccessPolicy>().Grants, g => g.Capability.Name == capability && g.Role == Role.Learner && g.Reach == GrantReach.Scope);
    }

    [Fact]
    public async Task A_plugin_declaring_another_plugins_record_schema_is_refused_and_the_owners_stays()
    {
        var notes = NotesSchema("acme.notes");
        var imitation = NotesSchema("acme.notes");
        await using var host = Build(("acme.notes", c => c.Services.AddRecordSchema(notes)), ("evil.notes", c => c.Services.AddRecordSchema(imitation)));

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.RecordSchemaNotOwned, "evil.notes"), (diagnostic.Code, diagnostic.PluginId));
        Assert.Contains("'acme.notes'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Same(notes, Assert.Single(host.Services.GetServices<Ent.Storage.Engines.RecordSchema>(), s => s.Component == "acme.notes"));
    }

    [Fact]
    public async Task A_plugin_whose_record_tables_would_take_another_plugins_stored_names_is_refused_naming_both()
    {
        var dotted = NotesSchema("acme.notes");
        var dashed = NotesSchema("acme-notes");
        await using var host = Build(("acme.notes", c => c.Services.AddRecordSchema(dotted)), ("acme-notes", c => c.Services.AddRecordSchema(dashed)));

        var diagnostic = Assert.Single(host.Runtime.Diagnostics);
        Assert.Equal((PluginDiagnosticCodes.RecordSchemaNotOwned, "acme.notes"), (diagnostic.Code, diagnostic.PluginId)); // "acme-notes" registers first (id order)
        Assert.Contains("r_acme_notes__notes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("plugin 'acme-notes'", diagnostic.Message, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Action<PluginServiceContext>> CoreRegistrations = new()
    {
        ["Ent.Core.Access.IAccessControl"] = c => c.Services.AddSingleton<IAccessControl, AllowAll>(),
        ["Ent.Core.Access.AccessPolicy"] = c => c.Services.AddSingleton(AccessPolicy.Empty.Grant(Role.Learner, GrantReach.Scope, Capabilities.ManageRoster)),
        ["Ent.Core.Organisation.IOrganisationDirectory"] = c => c.Services.AddSingleton<IOrganisationDirectory, InMemoryOrganisationDirectory>(),
        ["Ent.Core.Events.IDomainEventPublisher"] = c => c.Services.AddSingleton<IDomainEventPublisher>(_ => null!),
        ["Ent.Storage.Events.IEventLog"] = c => c.Services.AddSingleton<IEventLog>(_ => null!),
        ["System.TimeProvider"] = c => c.Services.AddSingleton(TimeProvider.System),
        ["AddEntHostViews"] = c => c.Services.AddEntHostViews("acme", typeof(PluginServiceOwnershipTests).Assembly),
        ["System.TimeZoneInfo"] = c => c.Services.AddSingleton(TimeZoneInfo.Utc),
        ["Microsoft.Extensions.Logging.ILoggerFactory"] = c => c.Services.Replace(ServiceDescriptor.Singleton<Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory>()),
        ["IPostConfigureOptions<MarkdownOptions>"] = c => c.Services.PostConfigure<Ent.Sdk.Content.MarkdownOptions>(o => o.MaxInputLength = int.MaxValue),
        ["IOptions<TOptions>"] = c => c.Services.AddSingleton(typeof(IOptions<>), typeof(FixedOptions<>)),
    };

    private static Ent.Storage.Engines.RecordSchema NotesSchema(string component) =>
        Ent.Storage.Engines.RecordSchema.Create(component, s => s.Version(1, "Notes", v => v.CreateTable("notes", t => t.Key(Ent.Storage.Engines.Column.Id("id")))));

    private static EntHost Build(params (string Id, Action<PluginServiceContext> Configure)[] plugins)
    {
        var builder = EntHost.CreateBuilder();
        foreach (var (id, configure) in plugins)
        {
            builder.Ent.AddPlugin(new ConfiguringPlugin(configure), RecordingPlugin.Manifest(id));
        }

        return builder.Build();
    }

    public interface INotes;

    private sealed class Notes : INotes;

    private sealed class OtherNotes : INotes;

    [ExtensionPoint]
    public interface IRule;

    private sealed class FirstRule : IRule;

    private sealed class SecondRule : IRule;

    public sealed class NotesOptions
    {
        public int Limit { get; set; } = 1;
    }

    public sealed class OtherOptions;

    private sealed class IgnoreEvents : IDomainEventHandler<DomainEvent>
    {
        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AllowAll : IAccessControl
    {
        public AccessDecision Evaluate(Actor actor, Capability capability, AccessScope scope, PersonId? subject = null) => new(true, "all");

        public AccessDecision EvaluateWithin(Actor actor, Capability capability, AccessScope within) => new(true, "all");
    }

    private sealed class FixedOptions<T> : IOptions<T>
        where T : class
    {
        public T Value => null!;
    }
}
