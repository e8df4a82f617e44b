using Ent.Sdk.Hosting;
using Ent.Storage.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Storage.Tests.Records;

/// <summary>How record schemas are registered and stores handed out.</summary>
public sealed class RecordStoreRegistrationTests
{
    [Fact]
    public void A_host_without_a_storage_engine_says_how_to_choose_one()
    {
        var services = new ServiceCollection();
        services.AddEnt();
        services.AddRecordSchema(Marks.V1);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IRecordStores>().For(Marks.V1));

        Assert.Contains("'test.grading'", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseSqlite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_schemas_for_one_component_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new InMemoryRecordStores([Marks.V1, Marks.V2]));

        Assert.Contains("'test.grading'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_schema_registered_twice_is_one_registration()
    {
        var stores = new InMemoryRecordStores([Marks.V1, Marks.V1]);

        Assert.Same(stores.For(Marks.V1), stores.For(Marks.V1));
    }

    [Fact]
    public void An_unregistered_schema_has_no_store_and_the_error_says_how_to_register_it()
    {
        var stores = new InMemoryRecordStores([Marks.V1]);
        var other = RecordSchema.Create("test.other", s => s.Version(1, "One", v => v.CreateTable("t", t => t.Key(Column.Id("id")))));

        var error = Assert.Throws<InvalidOperationException>(() => stores.For(other));

        Assert.Contains("AddRecordSchema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_declaration_of_a_registered_schema_is_refused()
    {
        var stores = new InMemoryRecordStores([Marks.V2]);

        Assert.Throws<InvalidOperationException>(() => stores.For(Marks.V1));
    }

    [Fact]
    public void Ents_own_event_log_component_cannot_be_taken_by_a_record_schema()
    {
        var schema = RecordSchema.Create("core.events", s => s.Version(1, "One", v => v.CreateTable("t", t => t.Key(Column.Id("id")))));

        Assert.Throws<InvalidOperationException>(() => new InMemoryRecordStores([schema]));
    }

    [Fact]
    public async Task The_storage_engine_migrates_the_schemas_registered_before_the_host_starts()
    {
        await using var engine = new Engines.SqliteEngine();
        var services = new ServiceCollection();
        services.AddEnt().UseSqlite(engine.Path);
        services.AddRecordSchema(Marks.V1);
        await using var provider = services.BuildServiceProvider();
        foreach (var task in provider.GetServices<IEntStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }

        var store = provider.GetRequiredService<IRecordStores>().For(Marks.V1);

        Assert.Empty(await store.QueryAsync(Ent.Core.Identifiers.DepartmentId.New(), RecordQuery.From(Marks.Table(Marks.V1))));
    }
}
