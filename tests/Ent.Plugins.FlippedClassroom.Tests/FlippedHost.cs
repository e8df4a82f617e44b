using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Notifications;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Sessions;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.FlippedClassroom.Tests;

/// <summary>
/// A started host with the flipped-classroom plugin registered in-process over a test world and in-memory records, and a timetable:
/// Marie Curie teaches maths (the world's fractions course) to 5e B on Thursdays at 10:00 and Latin to the 4e Latin group on Fridays
/// at 14:00. The world's clock says Thursday 26 November 2026, 10:00 in Paris: the next maths session is on 3 December.
/// Lina Benali and Hugo Martin are of 5e B; Inès Diallo of 4e A and of the Latin group; Karim Benali is Lina's father.
/// </summary>
internal sealed class FlippedHost : IAsyncDisposable
{
    private readonly EntHost _host;

    private readonly PublishedEvents _events;

    private FlippedHost(TestWorld world, EntHost host, PublishedEvents events, SchoolTimetable timetable, Course latin)
    {
        (World, _host, _events, Timetable, LatinCourse) = (world, host, events, timetable, latin);
    }

    public static DateOnly NextThursday { get; } = new(2026, 12, 3);

    public TestWorld World { get; }

    public SchoolTimetable Timetable { get; }

    public Course Course => World.MathsCourse;

    public Course LatinCourse { get; }

    public TimetableSlot Maths => Timetable.Slots[0];

    public TimetableSlot Latin => Timetable.Slots[1];

    public Actor Teacher => TestWorld.As(World.Teacher);

    public Actor Pupil => TestWorld.As(World.Learner);

    public IFlippedSessions Sessions => Get<IFlippedSessions>();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<FlippedHost> StartAsync(TestWorld? world = null, bool withLearning = false, bool learningOn = true, DateOnly? enabledUntil = null)
    {
        world ??= new TestWorld();
        var years = new DateRange(world.Year.Dates.Begin, world.Year.Dates.End);
        world.Directory.Add(new RoleAssignment(world.Teacher.Id, Role.Teacher, AccessScope.OfGroup(world.Department.Id, world.School.Id, world.LatinGroup.Id), years));
        world.Directory.Add(Enrolment.InGroup(world.LearnerOf4A.Id, world.LatinGroup, years));
        var latin = new Course(CourseId.New(), world.School.Id, CourseAudience.ForGroup(world.LatinGroup.Id), new Subject("LCA", "Latin"), "Rome antique", []);
        await world.Courses.SaveAsync(world.Department.Id, latin);

        var published = new PublishedEvents();
        var builder = EntHost.CreateBuilder();
        builder.Services.AddTestWorld(world).AddInMemoryRecordStores();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>>(published);
        if (withLearning)
        {
            builder.Ent.AddPlugin<Ent.Plugins.PersonalisedLearning.PersonalisedLearningPlugin>();
            if (learningOn)
            {
                builder.Ent.EnablePlugin("ent.personalised-learning", world.Year.Dates.Begin);
            }
        }

        builder.Ent.AddPlugin<FlippedClassroomPlugin>();
        builder.Ent.EnablePlugin("ent.flipped-classroom", world.Year.Dates.Begin, enabledUntil);
        var host = builder.Build();
        await host.StartAsync();
        if (host.Runtime.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The flipped-classroom plugin did not start cleanly: " + string.Join(" | ", host.Runtime.Diagnostics));
        }

        var timetable = new SchoolTimetable(world.School.Id, new(2026, 9, 7),
        [
            new(TimetableSlotId.New(), world.School.Id, world.MathsCourse.Audience, new Subject("MATHS", "Mathématiques"), world.Teacher.Id, "B12", DayOfWeek.Thursday, new(10, 0), new(11, 0), TeachingWeeks.Every, years),
            new(TimetableSlotId.New(), world.School.Id, latin.Audience, new Subject("LCA", "Latin"), world.Teacher.Id, "C3", DayOfWeek.Friday, new(14, 0), new(15, 0), TeachingWeeks.Every, years),
        ], []);
        await host.Services.GetRequiredService<ITimetables>().ImportAsync(TestWorld.As(world.Staff), world.Year.Id, timetable);
        return new FlippedHost(world, host, published, timetable, latin);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The events published since the host started, of a type.</summary>
    public IReadOnlyList<T> Events<T>()
        where T : DomainEvent => _events.Of<T>();

    /// <summary>The session a slot gives on a day (next Thursday's maths by default).</summary>
    public Session SessionOf(TimetableSlot? slot = null, DateOnly? day = null)
    {
        slot ??= Maths;
        var date = day ?? (slot == Latin ? NextThursday.AddDays(1) : NextThursday);
        return Get<ITimetables>().SessionsBetween(World.School.Id, date, date).Single(s => s.Slot == slot.Id);
    }

    /// <summary>The readiness check of the fractions session: a choice, a number, a short text.</summary>
    public static ImmutableArray<Question> Check { get; } =
    [
        Question.Choice("Quelle fraction est égale à 1/2 ?", 1, "2/3", "3/6", "1/3"),
        Question.Numeric("Combien font 3/4 de 8 ?", 6),
        Question.ShortText("Explique avec tes mots ce qu'est un dénominateur."),
    ];

    public static FlippedSessionDraft Draft(int hoursBefore = 12, ImmutableArray<Question>? exitTicket = null, string title = "Les fractions égales") => new(
        title,
        [Resource.Link("Vidéo : fractions égales", "https://videos.example.org/fractions", 8), Resource.Written("Fiche de cours", "Deux fractions sont **égales** quand…", 5)],
        Check, hoursBefore, ["Vote sur la question 1", "Travail en groupes", "Mise en commun"],
        exitTicket ?? [Question.Choice("As-tu compris la leçon ?", 0, "Oui", "Pas encore")], 3, "Exercices 4 et 5 page 52");

    /// <summary>Flips next Thursday's maths session (published unless told otherwise).</summary>
    public async Task<FlippedSession> FlipAsync(FlippedSessionDraft? draft = null, bool publish = true, Session? session = null)
    {
        session ??= SessionOf();
        var flipped = await Sessions.SaveAsync(Teacher, World.School.Id, session.Date, session.Id, draft ?? Draft());
        if (publish)
        {
            await Sessions.PublishAsync(Teacher, flipped.Course, flipped.Id);
        }

        return flipped;
    }

    /// <summary>A pupil answers the check: the choice (0-based option), the number, the text.</summary>
    public Task<Preparation> AnswerAsync(Person pupil, int choice, decimal number, string? text = null, FlippedSession? flipped = null)
    {
        var check = flipped?.Content.Check ?? Check;
        List<Answer> answers = [new(check[0].Id, Option: choice), new(check[1].Id, Number: number)];
        if (text is not null)
        {
            answers.Add(new(check[2].Id, Text: text));
        }

        return Sessions.AnswerAsync(TestWorld.As(pupil), flipped?.Course ?? Course.Id, flipped?.Id ?? SessionOf().Id, pupil.Id, CheckPart.Readiness, answers);
    }

    /// <summary>A person's inbox.</summary>
    public Task<IReadOnlyList<ReceivedNotification>> InboxOf(Person person) => Get<INotifications>().InboxAsync(TestWorld.As(person));
}
