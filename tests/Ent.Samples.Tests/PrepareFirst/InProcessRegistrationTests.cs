using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Strategies;
using Ent.Samples.PrepareFirst;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ent.Samples.Tests.PrepareFirst;

/// <summary>An application that references the plugin package directly registers it in-process, without a folder.</summary>
public sealed class InProcessRegistrationTests
{
    [Fact]
    public async Task The_plugin_registers_in_process_and_its_handler_keeps_each_learners_preparation_in_documents()
    {
        var world = new TestWorld();
        await using var host = await StartAsync(world, world.School.Id);

        await Complete(host, world, world.Activities[0].Id);
        await Complete(host, world, world.Activities[1].Id, new Score(15, 20));

        Assert.Equal("sample.prepare-first", Assert.Single(host.Runtime.Plugins).Id);
        var preparation = Assert.Single(await host.Services.GetRequiredService<ReadinessBoard>().OfCourseAsync(TestWorld.As(world.Teacher), world.MathsCourse.Id));
        Assert.Equal((world.Learner.Id, 2, 0.75m), (preparation.Learner, preparation.Completed, preparation.LatestScore));
        Assert.Contains(host.Services.GetServices<IPedagogicalStrategy>(), s => s.Id == PrepareFirstStrategy.StrategyId);
    }

    [Fact]
    public async Task A_learner_may_not_read_the_classs_readiness()
    {
        var world = new TestWorld();
        await using var host = await StartAsync(world, world.School.Id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => host.Services.GetRequiredService<ReadinessBoard>().OfCourseAsync(TestWorld.As(world.Learner), world.MathsCourse.Id));
    }

    [Fact]
    public async Task In_a_school_where_the_plugin_is_off_its_board_is_refused_and_its_handler_hears_nothing()
    {
        var world = new TestWorld();
        await using var host = await StartAsync(world, world.OtherSchool.Id);

        await Complete(host, world, world.Activities[0].Id);

        var error = await Assert.ThrowsAsync<PluginDisabledException>(() => host.Services.GetRequiredService<ReadinessBoard>().OfCourseAsync(TestWorld.As(world.Teacher), world.MathsCourse.Id));
        Assert.Equal(("sample.prepare-first", world.School.Id), (error.PluginId, error.School));
        var offer = host.Services.GetRequiredService<ISchoolOffer>();
        Assert.False(offer.OffersView("prepare-first/class-readiness", world.School.Id));
        Assert.True(offer.OffersView("prepare-first/class-readiness", world.OtherSchool.Id));
        Assert.DoesNotContain(offer.Strategies(world.School.Id), s => s.Id == PrepareFirstStrategy.StrategyId);
        Assert.DoesNotContain(offer.ActivityKinds(world.School.Id), k => k == PrepareFirstPlugin.ReadinessQuiz);
    }

    private static Task Complete(EntHost host, TestWorld world, ActivityId activity, Score? score = null) =>
        host.Services.GetRequiredService<ILearnerRecords>().RecordAsync(
            TestWorld.As(world.Learner), world.MathsCourse.Id, activity, world.Learner.Id, CompletionStatus.Completed, score is { } s ? new ScoreEvidence(s) : null);

    private static async Task<EntHost> StartAsync(TestWorld world, SchoolId enabledIn)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton<Ent.Core.Organisation.IOrganisationDirectory>(world.Directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<Ent.Core.Courses.ICourseCatalog>(world.Courses));
        builder.Services.AddInMemoryRecordStores();
        builder.Ent.AddPlugin<PrepareFirstPlugin>();
        builder.Ent.EnablePlugin("sample.prepare-first", enabledIn, new DateOnly(2026, 9, 1)); // its handler hears only the schools where it is on
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task An_invalid_threshold_is_refused_when_the_options_are_read()
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.Configure<PrepareFirstOptions>(o => o.ReadinessThreshold = 1.5m);
        builder.Ent.AddPlugin<PrepareFirstPlugin>();
        await using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PrepareFirstOptions>>().Value);

        Assert.Contains("ReadinessThreshold must be in (0, 1]", error.Message, StringComparison.Ordinal);
    }
}
