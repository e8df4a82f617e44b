using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fixture.Healthy;

public sealed class HealthyPlugin : EntPlugin
{
    public static readonly Capability Annotate = new("fixture.healthy.annotate");

    public override void ConfigureServices(PluginServiceContext context)
    {
        // Reflection by name inside the plugin must find the plugin's own types (contextual reflection).
        var reflected = Type.GetType("Fixture.Healthy.ReflectedByName, Fixture.Healthy", throwOnError: true)!;
        context.Services.Configure<GreetingOptions>(o => o.Greeting = $"Bonjour from {reflected.Name}");
        context.AddStrategy<GreetingStrategy>()
            .AddActivityKind(new ActivityKind("fixture.lab", new LocalizedText("Laboratoire", "Lab"), producesEvidence: true))
            .AddEventHandler<DomainEvent, CountingHandler>()
            .GrantCapability(Role.Teacher, GrantReach.Scope, Annotate);
        context.Services.AddSingleton<CountingHandler.Counter>();
    }
}

public sealed class ReflectedByName;

public sealed class GreetingOptions
{
    public string Greeting { get; set; } = "unset";
}

/// <summary>A strategy whose dependencies prove that the host injects logging, options and time into plugin services.</summary>
public sealed class GreetingStrategy(ILogger<GreetingStrategy> logger, IOptions<GreetingOptions> options, TimeProvider time) : IPedagogicalStrategy
{
    public string Id => "fixture.greeting";

    public LocalizedText Name => new($"{options.Value.Greeting} at {time.GetUtcNow():yyyy-MM-dd}", "Greeting");

    public LearnerProposal ProposeFor(LearnerSituation situation)
    {
        logger.LogInformation("Proposing for {Learner}", situation.Learner);
        return new SequentialStrategy().ProposeFor(situation) with { Strategy = Id };
    }
}

public sealed class CountingHandler(CountingHandler.Counter counter) : IDomainEventHandler<DomainEvent>
{
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref counter.Count);
        return Task.CompletedTask;
    }

    public sealed class Counter
    {
        public int Count;
    }
}
