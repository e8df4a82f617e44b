using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ent.Core.Tests.Events;

public sealed class InProcessDomainEventPublisherTests
{
    private readonly FakeLogCollector _logs = new();
    private readonly List<string> _handled = [];

    [Fact]
    public async Task A_handler_that_throws_is_logged_and_isolated_and_the_others_still_run()
    {
        await using var services = Services(s => s
            .AddDomainEventHandler<ActivityProgressRecorded, Throwing>()
            .AddDomainEventHandler<ActivityProgressRecorded, Recording>()
            .AddDomainEventHandler<DomainEvent, RecordingAll>());

        var result = await services.GetRequiredService<IDomainEventPublisher>().PublishAsync(Event());

        Assert.Equal(["specific", "all"], _handled);
        Assert.Equal(2, result.Handled);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((typeof(Throwing).FullName, "handler broke"), (failure.HandlerType, failure.Exception.Message));
        var log = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains(typeof(Throwing).FullName!, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_of_all_events_receives_every_event_type()
    {
        await using var services = Services(s => s.AddDomainEventHandler<DomainEvent, RecordingAll>());

        await services.GetRequiredService<IDomainEventPublisher>().PublishAsync(Event());

        Assert.Equal(["all"], _handled);
    }

    [Fact]
    public async Task An_event_without_handlers_is_published_without_error()
    {
        await using var services = Services(_ => { });

        var result = await services.GetRequiredService<IDomainEventPublisher>().PublishAsync(Event());

        Assert.Equal((0, 0), (result.Handled, result.Failures.Count));
    }

    [Fact]
    public async Task Registering_the_same_handler_twice_subscribes_it_once()
    {
        await using var services = Services(s => s
            .AddDomainEventHandler<ActivityProgressRecorded, Recording>()
            .AddDomainEventHandler<ActivityProgressRecorded, Recording>());

        await services.GetRequiredService<IDomainEventPublisher>().PublishAsync(Event());

        Assert.Equal(["specific"], _handled);
    }

    private ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(_logs)));
        services.AddSingleton(_handled);
        services.AddEntCore();
        configure(services);
        return services.BuildServiceProvider();
    }

    private static ActivityProgressRecorded Event() => new(PersonId.New(), DepartmentId.New(), SchoolId.New(), DateTimeOffset.UnixEpoch, CourseId.New(),
        new ActivityProgress(PersonId.New(), ActivityId.New(), CompletionStatus.Completed, DateTimeOffset.UnixEpoch, []));

    private sealed class Throwing : IDomainEventHandler<ActivityProgressRecorded>
    {
        public Task HandleAsync(ActivityProgressRecorded domainEvent, CancellationToken cancellationToken) => throw new InvalidOperationException("handler broke");
    }

    private sealed class Recording(List<string> handled) : IDomainEventHandler<ActivityProgressRecorded>
    {
        public Task HandleAsync(ActivityProgressRecorded domainEvent, CancellationToken cancellationToken)
        {
            handled.Add("specific");
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingAll(List<string> handled) : IDomainEventHandler<DomainEvent>
    {
        public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
        {
            handled.Add("all");
            return Task.CompletedTask;
        }
    }
}
