using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Attendance.Tests;

/// <summary>
/// A started host with the attendance plugin registered in-process over a test world, in-memory records, and the school's
/// timetable: on Thursdays 5e B has maths 8–9 and 9–10 and French 14–15 (Marie Curie), history 11–12 (another teacher), and the
/// Latin group 10–11 (its own teacher). Thursday 26 November 2026 is the world's today.
/// </summary>
internal sealed class AttendanceHost : IAsyncDisposable
{
    public static readonly DateOnly Thursday = new(2026, 11, 26);

    private readonly EntHost _host;

    private readonly PublishedEvents _events;

    private AttendanceHost(TestWorld world, EntHost host, PublishedEvents events, Person historyTeacher, Person latinTeacher, SchoolTimetable timetable)
    {
        (World, _host, _events, HistoryTeacher, LatinTeacher, Timetable) = (world, host, events, historyTeacher, latinTeacher, timetable);
    }

    public TestWorld World { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Teaches 5e B history on Thursdays 11–12.</summary>
    public Person HistoryTeacher { get; }

    /// <summary>Teaches the Latin group on Thursdays 10–11.</summary>
    public Person LatinTeacher { get; }

    public SchoolTimetable Timetable { get; }

    public TimetableSlot MathsAt8 => Timetable.Slots[0];

    public TimetableSlot MathsAt9 => Timetable.Slots[1];

    public TimetableSlot FrenchAt14 => Timetable.Slots[2];

    public TimetableSlot HistoryAt11 => Timetable.Slots[3];

    public TimetableSlot LatinAt10 => Timetable.Slots[4];

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>The session a slot gives on a day.</summary>
    public Session SessionOf(TimetableSlot slot, DateOnly? day = null) =>
        Get<ITimetables>().SessionsBetween(World.School.Id, day ?? Thursday, day ?? Thursday).Single(s => s.Slot == slot.Id);

    public static async Task<AttendanceHost> StartAsync(TestWorld? world = null, Action<AttendanceOptions>? options = null, Action<EntHostBuilder>? configure = null)
    {
        world ??= new TestWorld();
        var years = new DateRange(world.Year.Dates.Begin, world.Year.Dates.End);
        var history = Teacher(world, "Jules", "Michelet", AccessScope.OfClass(world.Department.Id, world.School.Id, world.Class5B.Id), years);
        var latin = Teacher(world, "Jacqueline", "de Romilly", AccessScope.OfGroup(world.Department.Id, world.School.Id, world.LatinGroup.Id), years);
        world.Directory.Add(Enrolment.InGroup(world.LearnerOf4A.Id, world.LatinGroup, years));

        var published = new PublishedEvents();
        var builder = EntHost.CreateBuilder();
        builder.Services.AddTestWorld(world).AddInMemoryRecordStores();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>>(published);
        if (options is not null)
        {
            builder.Services.Configure(options);
        }

        builder.Ent.AddPlugin<AttendancePlugin>();
        builder.Ent.EnablePlugin("ent.attendance", world.Year.Dates.Begin);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        if (configure is null && options is null && host.Runtime.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The attendance plugin did not start cleanly: " + string.Join(" | ", host.Runtime.Diagnostics));
        }

        TimetableSlot Slot(CourseAudience audience, string subject, Person teacher, int start) => new(TimetableSlotId.New(), world.School.Id, audience, new Subject(subject, subject), teacher.Id, "B12",
            DayOfWeek.Thursday, new(start, 0), new(start + 1, 0), TeachingWeeks.Every, years);
        var timetable = new SchoolTimetable(world.School.Id, new(2026, 9, 7),
        [
            Slot(CourseAudience.ForClass(world.Class5B.Id), "MATHS", world.Teacher, 8),
            Slot(CourseAudience.ForClass(world.Class5B.Id), "MATHS", world.Teacher, 9),
            Slot(CourseAudience.ForClass(world.Class5B.Id), "FRANCAIS", world.Teacher, 14),
            Slot(CourseAudience.ForClass(world.Class5B.Id), "HG", history, 11),
            Slot(CourseAudience.ForGroup(world.LatinGroup.Id), "LCA", latin, 10),
        ], []);
        await host.Services.GetRequiredService<ITimetables>().ImportAsync(TestWorld.As(world.Staff), world.Year.Id, timetable);
        return new AttendanceHost(world, host, published, history, latin, timetable);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The events published since the host started, of a type.</summary>
    public IReadOnlyList<T> Events<T>()
        where T : DomainEvent => _events.Of<T>();

    private static Person Teacher(TestWorld world, string given, string family, AccessScope scope, DateRange years)
    {
        var person = new Person(PersonId.New(), world.Department.Id, given, family);
        world.Directory.Add(person);
        world.Directory.Add(new RoleAssignment(person.Id, Role.Teacher, scope, years));
        return person;
    }
}
