using Ent.Core.Access;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Samples.FlippedClassroom;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ent.Samples.Tests.FlippedClassroom;

/// <summary>An application that references the plugin package directly registers it in-process, without a folder.</summary>
public sealed class InProcessRegistrationTests
{
    [Fact]
    public async Task The_plugin_registers_in_process_and_its_event_handler_counts_completed_activities_per_school()
    {
        var world = new TestWorld();
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton<Ent.Core.Organisation.IOrganisationDirectory>(world.Directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<Ent.Core.Courses.ICourseCatalog>(world.Courses));
        builder.Services.AddInMemoryRecordStores();
        builder.Ent.AddPlugin<FlippedClassroomPlugin>();
        builder.Ent.EnablePlugin("sample.flipped-classroom", world.School.Id, new DateOnly(2026, 9, 1)); // its handler hears only the schools where it is on
        await using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<ILearnerRecords>()
            .RecordAsync(TestWorld.As(world.Learner), world.MathsCourse.Id, world.Activities[0].Id, world.Learner.Id, CompletionStatus.Completed);

        Assert.Equal("sample.flipped-classroom", Assert.Single(host.Runtime.Plugins).Id);
        Assert.Equal(1, await host.Services.GetRequiredService<ReadinessTracker>().CompletedInAsync(world.Department.Id, world.School.Id));
        Assert.Contains(host.Services.GetServices<IPedagogicalStrategy>(), s => s.Id == FlippedClassroomStrategy.StrategyId);
        Assert.True(host.Services.GetRequiredService<IAccessControl>().Evaluate(TestWorld.As(world.Teacher), FlippedClassroomPlugin.ViewReadiness,
            AccessScope.OfClass(world.Department.Id, world.School.Id, world.Class5B.Id)).Allowed);
    }

    [Fact]
    public async Task An_invalid_threshold_is_refused_when_the_options_are_read()
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.Configure<FlippedClassroomOptions>(o => o.ReadinessThreshold = 1.5m);
        builder.Ent.AddPlugin<FlippedClassroomPlugin>();
        await using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<FlippedClassroomOptions>>().Value);

        Assert.Contains("ReadinessThreshold must be in (0, 1]", error.Message, StringComparison.Ordinal);
    }
}
