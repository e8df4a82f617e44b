using BenchmarkDotNet.Attributes;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading;
using Ent.Sdk.Hosting;
using Ent.Storage.Engines;
using Ent.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Benchmarks;

/// <summary>
/// Composing a signed-in teacher's navigation (the pages on in their school whose capability they hold there), against the
/// naive way of finding out: opening every page with a menu entry and keeping those that answer. Target: under 5 ms. Measured
/// in a directory of one collège and in one of a department's size (125 collèges of 24 classes of 25 pupils, their teachers).
/// </summary>
[MemoryDiagnoser]
public class NavigationBenchmarks
{
    private EntHost _host = null!;
    private IEntPages _pages = null!;
    private PageViewer _teacher = null!;

    /// <summary>How many collèges the directory holds.</summary>
    [Params(1, 125)]
    public int Schools { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var directory = new InMemoryOrganisationDirectory();
        var department = new Department(DepartmentId.New(), "93", "Seine-Saint-Denis");
        var school = new School(SchoolId.New(), department.Id, Uai.Parse("0930001W"), "Collège");
        var year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));
        var dates = new DateRange(year.Dates.Begin, year.Dates.End);
        directory.Add(department);
        directory.Add(school);
        var teacher = new Person(PersonId.New(), department.Id, "Marie", "Curie");
        directory.Add(teacher);
        for (var c = 0; c < 6; c++)
        {
            var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, $"5e {c}");
            directory.Add(@class);
            directory.Add(new RoleAssignment(teacher.Id, Role.Teacher, AccessScope.OfClass(department.Id, school.Id, @class.Id), dates));
        }

        for (var s = 1; s < Schools; s++)
        {
            FillSchool(directory, department, year, dates, s);
        }

        var builder = EntHost.CreateBuilder();
        builder.Services.Replace(ServiceDescriptor.Singleton<IOrganisationDirectory>(directory));
        builder.Services.AddSingleton<IEventLog, InMemoryEventLog>();
        builder.Services.AddSingleton<IRecordStores>(sp => new InMemoryRecordStores(sp.GetServices<RecordSchema>()));
        builder.Ent.AddPlugin<GradingPlugin>();
        builder.Ent.EnablePlugin("ent.grading", year.Dates.Begin);
        _host = builder.Build();
        await _host.StartAsync();
        ((InMemorySchoolCalendar)_host.Services.GetRequiredService<ISchoolCalendar>()).RestoreYear(department.Id, null, year);
        _pages = _host.Services.GetRequiredService<IEntPages>();
        _teacher = new PageViewer(new Actor(teacher.Id, department.Id), school, "fr");
    }

    /// <summary>Another collège of the department: 24 classes of 25 pupils, a teacher per class, imported at once.</summary>
    private static void FillSchool(InMemoryOrganisationDirectory directory, Department department, AcademicYear year, DateRange dates, int number)
    {
        var school = new School(SchoolId.New(), department.Id, Uai.Parse($"{930001 + number:D7}{Uai.CheckLetterFor(930001 + number)}"), $"Collège {number}");
        directory.Add(school);
        var (classes, people, roles, enrolments) = (new List<SchoolClass>(), new List<Person>(), new List<RoleAssignment>(), new List<Enrolment>());
        for (var c = 0; c < 24; c++)
        {
            var @class = new SchoolClass(ClassId.New(), school.Id, year.Id, $"Classe {c}");
            var scope = AccessScope.OfClass(department.Id, school.Id, @class.Id);
            classes.Add(@class);
            var teacher = new Person(PersonId.New(), department.Id, "Professeur", $"{number}-{c}");
            people.Add(teacher);
            roles.Add(new RoleAssignment(teacher.Id, Role.Teacher, scope, dates));
            for (var p = 0; p < 25; p++)
            {
                var pupil = new Person(PersonId.New(), department.Id, "Élève", $"{number}-{c}-{p}");
                people.Add(pupil);
                roles.Add(new RoleAssignment(pupil.Id, Role.Learner, scope, dates));
                enrolments.Add(Enrolment.InClass(pupil.Id, @class, dates));
            }
        }

        directory.Import(new DirectoryImport(department.Id) { Classes = classes, People = people, Roles = roles, Enrolments = enrolments });
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _host.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task<int> OpenEveryMenuPage()
    {
        var shown = 0;
        foreach (var page in _pages.Pages.Where(p => p.Navigation is not null))
        {
            if ((await _pages.DispatchAsync(new PageRequest(page, _teacher, IsPost: false, new Dictionary<string, string?>()))).Status == PageStatus.Page)
            {
                shown++;
            }
        }

        return shown;
    }

    [Benchmark]
    public int ComposeTheNavigation() => _pages.NavigationFor(_teacher).Count;
}
