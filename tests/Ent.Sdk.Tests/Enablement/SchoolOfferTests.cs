using Ent.Core.Courses;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Demo;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Tests.TestPlugins;
using Ent.Sdk.Views;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Sdk.Tests.Enablement;

/// <summary>A plugin off in a school is absent from it: its strategies, activity kinds, demo contributions and views are not offered there.</summary>
public sealed class SchoolOfferTests
{
    private static readonly ActivityKind Podcast = new("acme.notes.podcast", new LocalizedText("Podcast", "Podcast"));
    private readonly TestWorld _world = new();

    [Fact]
    public async Task A_plugins_contributions_are_offered_in_the_schools_where_it_is_on()
    {
        await using var host = await StartAsync();
        var offer = host.Services.GetRequiredService<ISchoolOffer>();

        Assert.Contains(offer.Strategies(_world.School.Id), s => s is NotesStrategy);
        Assert.Contains(Podcast, offer.ActivityKinds(_world.School.Id));
        Assert.Contains(offer.DemoContributors(_world.School.Id), c => c is NotesDemo);
    }

    [Fact]
    public async Task A_plugin_off_in_a_school_offers_it_nothing_and_the_core_still_offers_its_own()
    {
        await using var host = await StartAsync();
        var offer = host.Services.GetRequiredService<ISchoolOffer>();

        Assert.DoesNotContain(offer.Strategies(_world.OtherSchool.Id), s => s is NotesStrategy);
        Assert.Contains(offer.Strategies(_world.OtherSchool.Id), s => s.Id == "sequential");
        Assert.DoesNotContain(Podcast, offer.ActivityKinds(_world.OtherSchool.Id));
        Assert.Contains(ActivityKind.Video, offer.ActivityKinds(_world.OtherSchool.Id));
        Assert.DoesNotContain(offer.DemoContributors(_world.OtherSchool.Id), c => c is NotesDemo);
    }

    [Fact]
    public async Task A_plugin_turned_off_from_a_date_is_no_longer_offered_from_that_date()
    {
        await using var host = await StartAsync(until: new DateOnly(2026, 11, 25)); // the world's clock stands on the 26th

        Assert.DoesNotContain(host.Services.GetRequiredService<ISchoolOffer>().Strategies(_world.School.Id), s => s is NotesStrategy);
    }

    [Fact]
    public async Task A_plugins_view_renders_for_a_school_where_it_is_on_and_department_wide()
    {
        await using var host = await StartAsync();
        var views = host.Services.GetRequiredService<IViewRenderer>();

        Assert.Equal("Bonjour", views.Render("acme-notes/echo-text", new { Value = "Bonjour" }, new ViewScope(_world.School.Uai.Value)).Trim());
        Assert.Equal("Bonjour", views.Render("acme-notes/echo-text", new { Value = "Bonjour" }, ViewScope.Department).Trim());
        Assert.True(host.Services.GetRequiredService<ISchoolOffer>().OffersView("acme-notes/echo-text", _world.School.Id));
    }

    [Fact]
    public async Task A_plugins_view_is_refused_for_a_school_where_it_is_off_naming_the_plugin_the_school_and_the_day()
    {
        await using var host = await StartAsync();
        var views = host.Services.GetRequiredService<IViewRenderer>();

        var error = Assert.Throws<PluginDisabledException>(() => views.Render("acme-notes/echo-text", new { Value = "Bonjour" }, new ViewScope(_world.OtherSchool.Uai.Value)));

        Assert.Equal(("acme.notes", _world.OtherSchool.Id, new DateOnly(2026, 11, 26)), (error.PluginId, error.School, error.Day));
        Assert.False(host.Services.GetRequiredService<ISchoolOffer>().OffersView("acme-notes/echo-text", _world.OtherSchool.Id));
    }

    [Fact]
    public async Task A_plugins_view_is_refused_for_a_school_the_directory_does_not_know()
    {
        await using var host = await StartAsync();
        var views = host.Services.GetRequiredService<IViewRenderer>();

        var error = Assert.Throws<ArgumentException>(() => views.Render("acme-notes/echo-text", new { Value = "Bonjour" }, new ViewScope("0931234X")));

        Assert.Contains("'0931234X' is not a school of the directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("plugin 'acme.notes'", error.Message, StringComparison.Ordinal);
    }

    private async Task<EntHost> StartAsync(DateOnly? until = null)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton(_world.Directory));
        builder.Ent.AddPlugin(new ConfiguringPlugin(c => c.AddStrategy<NotesStrategy>().AddActivityKind(Podcast).AddDemoContributor<NotesDemo>().AddViews("acme-notes")), RecordingPlugin.Manifest("acme.notes"));
        builder.Ent.EnablePlugin("acme.notes", _world.School.Id, new DateOnly(2026, 9, 1), until);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public sealed class NotesStrategy : IPedagogicalStrategy
    {
        public string Id => "acme.notes.strategy";

        public LocalizedText Name => new("Notes", "Notes");

        public LearnerProposal ProposeFor(LearnerSituation situation) => new(Id, situation.Learner, []);
    }

    public sealed class NotesDemo : IDemoContributor
    {
        public Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken) => Task.FromResult(new DemoContribution("notes", []));
    }
}
