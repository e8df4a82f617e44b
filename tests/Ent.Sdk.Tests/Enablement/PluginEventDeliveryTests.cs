using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.Composition;
using Ent.Sdk.Tests.TestPlugins;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Sdk.Tests.Enablement;

/// <summary>A plugin's event handlers receive only the events of schools where the plugin is on; the host's handlers receive all.</summary>
public sealed class PluginEventDeliveryTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_plugins_handler_receives_the_events_of_schools_where_it_is_on_and_not_the_others()
    {
        var seen = new List<DomainEvent>();
        await using var host = await Start(seen, ent => ent.EnablePlugin("acme.notes", _world.School.Id, new DateOnly(2026, 9, 1)));
        var publisher = host.Services.GetRequiredService<IDomainEventPublisher>();
        var here = Event(_world.School.Id);
        var elsewhere = Event(_world.OtherSchool.Id);

        await publisher.PublishAsync(here);
        await publisher.PublishAsync(elsewhere);

        Assert.Equal([here], seen);
        Assert.Equal([here, elsewhere], host.Services.GetRequiredService<HostLog>().Seen);
    }

    [Fact]
    public async Task An_event_before_the_plugin_was_turned_on_in_the_school_does_not_reach_it()
    {
        var seen = new List<DomainEvent>();
        await using var host = await Start(seen, ent => ent.EnablePlugin("acme.notes", _world.School.Id, new DateOnly(2026, 11, 1)));
        var early = Event(_world.School.Id) with { OccurredAt = new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero) };

        await host.Services.GetRequiredService<IDomainEventPublisher>().PublishAsync(early);

        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_department_event_reaches_a_plugin_on_in_one_of_its_schools_and_not_a_plugin_on_nowhere()
    {
        var seen = new List<DomainEvent>();
        var departmentEvent = Event(null);
        await using (var on = await Start(seen, ent => ent.EnablePlugin("acme.notes", _world.OtherSchool.Id, new DateOnly(2026, 9, 1))))
        {
            await on.Services.GetRequiredService<IDomainEventPublisher>().PublishAsync(departmentEvent);
        }

        await using (var off = await Start(seen, _ => { }))
        {
            await off.Services.GetRequiredService<IDomainEventPublisher>().PublishAsync(departmentEvent);
        }

        Assert.Equal([departmentEvent], seen);
    }

    [Fact]
    public async Task A_folder_plugins_handler_receives_no_event_of_a_school_where_it_is_off()
    {
        using var plugins = PluginDirectory.With("Fixture.Healthy");
        await using var host = FolderPluginLoadingTests.Build(plugins, ent => ent.EnablePlugin("fixture.healthy", _world.School.Id, new DateOnly(2026, 9, 1)));
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<IDomainEventPublisher>();

        await publisher.PublishAsync(Event(_world.OtherSchool.Id));
        await publisher.PublishAsync(Event(_world.School.Id));
        await publisher.PublishAsync(Event(_world.School.Id));

        var handler = host.Services.GetServices<IDomainEventHandler<DomainEvent>>().Single(h => h.GetType().Name == "CountingHandler");
        var counter = handler.GetType().GetConstructors().Single().GetParameters().Single().ParameterType;
        Assert.Equal(2, (int)counter.GetField("Count")!.GetValue(host.Services.GetRequiredService(counter))!);
    }

    private async Task<EntHost> Start(List<DomainEvent> seen, Action<EntBuilder> enable)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton(_world.Directory));
        builder.Services.AddSingleton<HostLog>();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>>(sp => sp.GetRequiredService<HostLog>());
        builder.Ent.AddPlugin(new ConfiguringPlugin(c =>
        {
            c.Services.AddSingleton(new PluginLog(seen));
            c.AddEventHandler<DomainEvent, PluginHandler>();
        }), RecordingPlugin.Manifest("acme.notes"));
        enable(builder.Ent);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private NoteWritten Event(SchoolId? school) =>
        new(_world.Teacher.Id, _world.Department.Id, school, _world.Time.GetUtcNow(), new ObjectReference("note", Guid.NewGuid()));

    private sealed record NoteWritten(PersonId Actor, DepartmentId Department, SchoolId? School, DateTimeOffset OccurredAt, ObjectReference About)
        : DomainEvent(Actor, Department, School, OccurredAt, About)
    {
        public override UsageCategory Category => UsageCategory.Pedagogical;
    }

    private sealed record PluginLog(List<DomainEvent> Seen);

    private sealed class PluginHandler(PluginLog log) : IDomainEventHandler<DomainEvent>
    {
        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            log.Seen.Add(domainEvent);
            return Task.CompletedTask;
        }
    }

    private sealed class HostLog : IDomainEventHandler<DomainEvent>
    {
        public List<DomainEvent> Seen { get; } = [];

        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            Seen.Add(domainEvent);
            return Task.CompletedTask;
        }
    }
}
