using Ent.Core.Access;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Sdk.Hosting;
using Ent.Storage.Events;
using Ent.Storage.Tests.Engines;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Storage.Tests.Hosting;

/// <summary>A host that uses the SQLite engine, end to end.</summary>
public sealed class SqliteHostTests : IAsyncLifetime
{
    private readonly SqliteEngine _engine = new();
    private readonly TestWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Starting_the_host_creates_and_migrates_the_database()
    {
        await using var host = await StartAsync();

        Assert.True(File.Exists(_engine.Path));
        Assert.Empty(await host.Services.GetRequiredService<IEventLog>().ReadAsync(new EventLogQuery(_world.Department.Id)));
    }

    [Fact]
    public async Task Published_domain_events_are_kept_in_the_log_across_restarts()
    {
        await using (var host = await StartAsync())
        {
            await host.Services.GetRequiredService<IRoster>()
                .EnrolAsync(TestWorld.As(_world.Staff), Enrolment.InGroup(_world.Learner.Id, _world.LatinGroup, new DateRange(new(2026, 9, 1))));
        }

        await using var restarted = await StartAsync();
        var logged = Assert.Single(await restarted.Services.GetRequiredService<IEventLog>().ReadAsync(new EventLogQuery(_world.Department.Id)));
        Assert.Equal((nameof(LearnerEnrolled), _world.Staff.Id, UsageCategory.Administration), (logged.Type, logged.Actor, logged.Category));
    }

    [Fact]
    public async Task The_head_of_school_reads_the_schools_audit_trail_and_a_teacher_is_refused()
    {
        await using var host = await StartAsync();
        await host.Services.GetRequiredService<IEventLog>().AppendAsync([Events.SampleEvents.Progress(_world.Department.Id, _world.School.Id, Events.SampleEvents.Monday)]);
        var trail = host.Services.GetRequiredService<IAuditTrail>();
        var schoolQuery = new EventLogQuery(_world.Department.Id) { School = _world.School.Id };

        Assert.Single(await trail.ReadAsync(TestWorld.As(_world.Head), schoolQuery));
        await Assert.ThrowsAsync<AccessDeniedException>(() => trail.ReadAsync(TestWorld.As(_world.Teacher), schoolQuery));
        await Assert.ThrowsAsync<AccessDeniedException>(() => trail.ReadAsync(TestWorld.As(_world.Head), new EventLogQuery(_world.Department.Id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => trail.ReadAsync(TestWorld.As(_world.OtherDepartmentAdmin), schoolQuery));
    }

    [Fact]
    public async Task A_host_whose_database_file_is_corrupt_refuses_to_start_naming_the_file()
    {
        await File.WriteAllTextAsync(_engine.Path, "not a database at all, but long enough to have a header");

        var error = await Assert.ThrowsAsync<IncompatibleStoreException>(() => StartAsync());

        Assert.Contains(_engine.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_in_a_folder_that_does_not_exist_is_refused_when_configured()
    {
        var error = Assert.Throws<ArgumentException>(() => EntHost.CreateBuilder().Ent.UseSqlite("/no/such/folder/ent.db"));

        Assert.Contains("/no/such/folder", error.Message, StringComparison.Ordinal);
    }

    private async Task<EntHost> StartAsync()
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Ent.UseSqlite(_engine.Path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(_world.Directory)); // the test world, in memory
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
