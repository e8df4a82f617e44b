using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Events;
using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.PersonalisedLearning.Tests;

/// <summary>
/// A started host with the personalised-learning plugin registered in-process over a test world and in-memory records, and the
/// fractions course taught to 5e B by Marie Curie, its skills saved in the school and its plan saved: Lina Benali and Hugo Martin
/// are its pupils, Karim Benali is Lina's father. With the grading plugin, the course's marks are evidence.
/// </summary>
internal sealed class LearningHost : IAsyncDisposable
{
    private readonly EntHost _host;

    private readonly PublishedEvents _events;

    private LearningHost(TestWorld world, EntHost host, PublishedEvents events, Fractions fractions)
    {
        (World, _host, _events, Fractions) = (world, host, events, fractions);
    }

    public TestWorld World { get; }

    public Fractions Fractions { get; }

    public Actor Teacher => TestWorld.As(World.Teacher);

    public Actor Pupil => TestWorld.As(World.Learner);

    public ILearningPaths Paths => Get<ILearningPaths>();

    public ISkillMaps Maps => Get<ISkillMaps>();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<LearningHost> StartAsync(TestWorld? world = null, DateOnly? enabledUntil = null, bool withGrading = false)
    {
        world ??= new TestWorld();
        var published = new PublishedEvents();
        var builder = EntHost.CreateBuilder();
        builder.Services.AddTestWorld(world).AddInMemoryRecordStores();
        builder.Services.AddSingleton<IDomainEventHandler<DomainEvent>>(published);
        if (withGrading)
        {
            builder.Ent.AddPlugin<Ent.Plugins.Grading.GradingPlugin>();
            builder.Ent.EnablePlugin("ent.grading", world.Year.Dates.Begin);
        }

        builder.Ent.AddPlugin<PersonalisedLearningPlugin>();
        builder.Ent.EnablePlugin("ent.personalised-learning", world.Year.Dates.Begin, enabledUntil);
        var host = builder.Build();
        await host.StartAsync();
        if (host.Runtime.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The personalised-learning plugin did not start cleanly: " + string.Join(" | ", host.Runtime.Diagnostics));
        }

        var fractions = new Fractions(world.School.Id, CourseAudience.ForClass(world.Class5B.Id));
        await world.Courses.SaveAsync(world.Department.Id, fractions.Course);
        var maps = host.Services.GetRequiredService<ISkillMaps>();
        var teacher = TestWorld.As(world.Teacher);
        var equivalent = await maps.SaveSkillAsync(teacher, fractions.Course.Id, new SkillDraft(null, "fractions équivalentes", [], "D1.3"));
        var compare = await maps.SaveSkillAsync(teacher, fractions.Course.Id, new SkillDraft(null, "comparer des fractions", [equivalent.Id], "D1.3"));
        var add = await maps.SaveSkillAsync(teacher, fractions.Course.Id, new SkillDraft(null, "additionner des fractions", [equivalent.Id, compare.Id], "D1.3"));
        fractions.UseSkills(equivalent, compare, add);
        await maps.SavePlanAsync(teacher, fractions.Plan);
        return new LearningHost(world, host, published, fractions);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The events published since the host started, of a type.</summary>
    public IReadOnlyList<T> Events<T>()
        where T : DomainEvent => _events.Of<T>();

    /// <summary>Records answers of the pupil on an activity, each with its own key.</summary>
    public async Task<LearningPath> AnswerAsync(Activity activity, double score, int times = 1, Person? pupil = null)
    {
        pupil ??= World.Learner;
        LearningPath path = null!;
        for (var i = 0; i < times; i++)
        {
            World.Time.Advance(TimeSpan.FromMinutes(1));
            path = await Paths.RecordAnswerAsync(TestWorld.As(pupil), Fractions.Course.Id, activity.Id, pupil.Id, new ActivityAnswer($"try-{Guid.NewGuid():N}", score));
        }

        return path;
    }
}
