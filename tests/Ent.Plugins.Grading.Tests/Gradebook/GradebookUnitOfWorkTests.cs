using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Storage.Events;
using Ent.Storage.Engines;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>The gradebook's operations as units of work: one commit for a class's marks and their events, the plugin's enablement enforced.</summary>
public sealed class GradebookUnitOfWorkTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task The_first_marking_of_a_thirty_pupil_assessment_is_one_commit_with_its_thirty_events_in_the_log()
    {
        var pupils = Enumerable.Range(0, 30).Select(i => AddPupil($"Élève {i}")).ToList();
        var saves = new SaveCounter();
        await using var host = await StartAsync(saves);
        var gradebook = host.Services.GetRequiredService<IGradebook>();
        var test = await gradebook.CreateAssessmentAsync(TestWorld.As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _world.Year.Periods[0].Id, "Fractions", new DateOnly(2026, 11, 20)));
        saves.Count = 0;

        await gradebook.RecordMarksAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, test.Id, pupils.ToDictionary(p => p, p => (Mark?)Mark.Of(12m, 20)));

        Assert.Equal(1, saves.Count);
        var logged = await host.Services.GetRequiredService<IEventLog>().ReadAsync(new EventLogQuery(_world.Department.Id));
        Assert.Equal(30, logged.Count(e => e.Type == nameof(MarkChanged)));
    }

    [Fact]
    public async Task In_a_school_where_grading_is_off_its_operations_are_refused_naming_the_plugin_and_nothing_is_stored()
    {
        await using var host = await StartAsync(new SaveCounter(), enabledIn: _world.OtherSchool.Id);
        var gradebook = host.Services.GetRequiredService<IGradebook>();

        var error = await Assert.ThrowsAsync<PluginDisabledException>(() => gradebook.CreateAssessmentAsync(
            TestWorld.As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _world.Year.Periods[0].Id, "Fractions", new DateOnly(2026, 11, 20))));

        Assert.Equal(("ent.grading", _world.School.Id, new DateOnly(2026, 11, 26)), (error.PluginId, error.School, error.Day));
        await Assert.ThrowsAsync<PluginDisabledException>(() => gradebook.MarksOfAsync(TestWorld.As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task A_period_unknown_to_the_calendar_is_refused_naming_it_before_anything_is_read()
    {
        var saves = new SaveCounter();
        await using var host = await StartAsync(saves);
        var unknown = PeriodId.New();

        var error = await Assert.ThrowsAsync<UnknownReferenceException>(() => host.Services.GetRequiredService<IGradebook>().CreateAssessmentAsync(
            TestWorld.As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, unknown, "Fractions", new DateOnly(2026, 11, 20))));

        Assert.Equal(unknown.Value, error.Id);
        Assert.Equal(0, saves.Count);
    }

    private PersonId AddPupil(string name)
    {
        var pupil = new Person(PersonId.New(), _world.Department.Id, name, "Test");
        _world.Directory.Add(pupil);
        _world.Directory.Add(Enrolment.InClass(pupil.Id, _world.Class5B, new DateRange(_world.Year.Dates.Begin, _world.Year.Dates.End)));
        return pupil.Id;
    }

    private async Task<EntHost> StartAsync(SaveCounter saves, SchoolId? enabledIn = null)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_world.Time);
        builder.Services.Replace(ServiceDescriptor.Singleton(_world.Directory));
        builder.Services.Replace(ServiceDescriptor.Singleton<Ent.Core.Courses.ICourseCatalog>(_world.Courses));
        builder.Services.AddSingleton<Ent.Core.Calendar.ISchoolCalendar>(_world.Calendar);
        builder.Services.AddSingleton<InMemoryEventLog>();
        builder.Services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<InMemoryEventLog>());
        builder.Services.AddSingleton<InMemoryRecordStores>(sp => new InMemoryRecordStores(sp.GetServices<RecordSchema>(), sp.GetRequiredService<InMemoryEventLog>()));
        builder.Services.AddSingleton<IRecordStores>(sp => saves.Around(sp.GetRequiredService<InMemoryRecordStores>()));
        builder.Ent.AddPlugin<GradingPlugin>();
        builder.Ent.EnablePlugin("ent.grading", enabledIn ?? _world.School.Id, _world.Year.Dates.Begin);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Counts the change sets committed: one transaction each.</summary>
    private sealed class SaveCounter
    {
        public int Count { get; set; }

        public IRecordStores Around(IRecordStores inner) => new Counting(this, inner);

        private sealed class Counting(SaveCounter counter, IRecordStores inner) : IRecordStores
        {
            public IRecordStore For(RecordSchema schema) => inner.For(schema);

            public Task<IReadOnlyList<Ent.Storage.Engines.Record>> SaveAsync(DepartmentId department, RecordChanges changes, CancellationToken cancellationToken = default)
            {
                counter.Count++;
                return inner.SaveAsync(department, changes, cancellationToken);
            }
        }
    }
}
