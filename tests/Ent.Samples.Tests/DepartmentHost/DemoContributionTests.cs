using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Text;
using Ent.Samples.DepartmentHost;
using Ent.Sdk.Demo;
using Ent.Sdk.Hosting;
using Ent.Sdk.Plugins;
using Ent.Sdk.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ent.Samples.Tests.DepartmentHost;

/// <summary>Plugins' demonstration content: a contributor that fails is reported and the others still run.</summary>
public sealed class DemoContributionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ent-demo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_failing_contributor_is_reported_and_the_next_ones_run_and_bad_file_names_are_refused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddInMemoryRecordStores();
        builder.Ent.AddPlugin(new ContributingPlugin(), new PluginManifest("test.contributors", SemanticVersion.Parse("1.0.0"), VersionRange.Parse("^1.0.0"), new LocalizedText("Test"), new LocalizedText("Test")));
        builder.Ent.EnablePlugin("test.contributors", new DateOnly(2026, 9, 1));
        await using var host = builder.Build();
        await host.StartAsync();
        var department = new Department(DepartmentId.New(), "93", "Test");
        var school = new School(SchoolId.New(), department.Id, Uai.Parse("0930001W"), "Collège test");
        var demo = await DemoSchool.SeedAsync(host.Services, department, [school], time);
        using var output = new StringWriter();

        await new HostReport(output, HostReport.French).DemoContributionsAsync(host, demo, _folder);

        var report = output.ToString();
        Assert.Contains("! InvalidOperationException: boom", report, StringComparison.Ordinal);
        Assert.Contains("test.contributors: fine", report, StringComparison.Ordinal);
        Assert.Contains("nom de document refusé '../escape.html'", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "ok.txt")));
        Assert.False(File.Exists(Path.Combine(_folder, "..", "escape.html")));
    }

    private sealed class ContributingPlugin : EntPlugin
    {
        public override void ConfigureServices(PluginServiceContext context) =>
            context.AddDemoContributor<Failing>().AddDemoContributor<Fine>();
    }

    private sealed class Failing : IDemoContributor
    {
        public Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }

    private sealed class Fine : IDemoContributor
    {
        public Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new DemoContribution("fine", [new DemoDocument("ok.txt", "ok"), new DemoDocument("../escape.html", "no")]));
    }
}
