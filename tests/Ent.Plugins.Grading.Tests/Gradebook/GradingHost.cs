using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>A started host with the grading plugin registered in-process over a test world's directory and courses, and in-memory records.</summary>
internal static class GradingHost
{
    public static async Task<EntHost> StartAsync(TestWorld world, Action<GradingOptions>? options = null, IDomainEventHandler<DomainEvent>? events = null, Action<EntHostBuilder>? configure = null)
    {
        var builder = EntHost.CreateBuilder();
        builder.Services.AddTestWorld(world).AddInMemoryRecordStores(); // the world's clock, directory, courses and calendar (its year, periods and holidays)
        if (options is not null)
        {
            builder.Services.Configure(options);
        }

        if (events is not null)
        {
            builder.Services.AddSingleton(events);
        }

        builder.Ent.AddPlugin<GradingPlugin>();
        builder.Ent.EnablePlugin("ent.grading", world.Year.Dates.Begin); // on in every school of the department
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        if (configure is null && options is null && host.Runtime.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The grading plugin did not start cleanly: " + string.Join(" | ", host.Runtime.Diagnostics));
        }

        return host;
    }

    /// <summary>Adds a history course to the class of 5e B and its teacher: a teacher of another subject than maths.</summary>
    public static async Task<Person> AddHistoryTeacherAsync(TestWorld world)
    {
        var course = new Course(CourseId.New(), world.School.Id, CourseAudience.ForClass(world.Class5B.Id), new Subject("HG", "Histoire-géographie"), "Le Moyen Âge", []);
        await world.Courses.SaveAsync(world.Department.Id, course);
        var teacher = new Person(PersonId.New(), world.Department.Id, "Jules", "Michelet");
        world.Directory.Add(teacher);
        world.Directory.Add(new RoleAssignment(teacher.Id, Role.Teacher, world.Directory.ScopeOf(course), new DateRange(world.Year.Dates.Begin, world.Year.Dates.End)));
        return teacher;
    }
}
