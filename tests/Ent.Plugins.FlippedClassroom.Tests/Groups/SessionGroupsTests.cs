using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.TestSupport;

namespace Ent.Plugins.FlippedClassroom.Tests.Groups;

public sealed class SessionGroupsTests
{
    [Fact]
    public async Task Without_personalised_learning_the_groups_are_made_from_the_readiness_check()
    {
        await using var host = await FlippedHost.StartAsync(ClassOfSix());
        var flipped = await host.FlipAsync();
        await AnswerAsync(host);

        var groups = await host.Sessions.GroupAsync(host.Teacher, host.Course.Id, flipped.Id, new GroupingChoice(GroupingMode.Homogeneous, 3, [], []));

        Assert.Equal(LevelBasis.Readiness, groups.Basis);
        Assert.Equal([3, 3], groups.Groups.Select(g => g.Length));
        Assert.Contains(groups.Groups, g => g.Contains(host.World.Learner.Id) && g.Contains(host.World.Classmate.Id)); // the two who got everything right
    }

    [Fact]
    public async Task With_personalised_learning_on_and_a_skill_map_the_groups_are_made_from_mastery()
    {
        await using var host = await FlippedHost.StartAsync(ClassOfSix(), withLearning: true);
        await MapAsync(host);
        var flipped = await host.FlipAsync();
        await AnswerAsync(host);

        var groups = await host.Sessions.GroupAsync(host.Teacher, host.Course.Id, flipped.Id, new GroupingChoice(GroupingMode.Homogeneous, 3, [], []));

        Assert.Equal(LevelBasis.Mastery, groups.Basis);
        Assert.DoesNotContain(groups.Groups, g => g.Contains(host.World.Learner.Id) && g.Contains(host.World.Classmate.Id)); // equally ready, far apart in mastery
    }

    [Fact]
    public async Task With_personalised_learning_off_in_the_school_the_groups_are_made_from_the_readiness_check()
    {
        await using var host = await FlippedHost.StartAsync(ClassOfSix(), withLearning: true, learningOn: false);
        var flipped = await host.FlipAsync();
        await AnswerAsync(host);

        var groups = await host.Sessions.GroupAsync(host.Teacher, host.Course.Id, flipped.Id, new GroupingChoice(GroupingMode.Mixed, 2, [], []));

        Assert.Equal(LevelBasis.Readiness, groups.Basis);
    }

    [Fact]
    public async Task The_teachers_constraints_are_kept_and_the_groups_shown_to_pupils_once_class_begins()
    {
        await using var host = await FlippedHost.StartAsync(ClassOfSix());
        var flipped = await host.FlipAsync();
        await AnswerAsync(host);
        var apart = new PupilPair(host.World.Learner.Id, host.World.Classmate.Id);

        var groups = await host.Sessions.GroupAsync(host.Teacher, host.Course.Id, flipped.Id, new GroupingChoice(GroupingMode.Homogeneous, 3, [apart], []));
        var before = await host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id);
        host.World.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var during = await host.Sessions.PreparationAsync(host.Pupil, host.Course.Id, flipped.Id, host.World.Learner.Id);

        Assert.DoesNotContain(groups.Groups, g => g.Contains(apart.First) && g.Contains(apart.Second));
        Assert.Empty(groups.Unmet);
        Assert.Empty(before.Group);
        Assert.Contains(host.World.Learner.Id, during.Group);
        Assert.Equal(groups.Groups.Select(g => g.ToArray()), (await host.Sessions.FindAsync(host.Teacher, host.Course.Id, flipped.Id))!.Groups!.Groups.Select(g => g.ToArray()));
    }

    [Fact]
    public async Task A_constraint_naming_a_pupil_not_of_the_session_is_refused_naming_them()
    {
        await using var host = await FlippedHost.StartAsync(ClassOfSix());
        var flipped = await host.FlipAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.GroupAsync(host.Teacher, host.Course.Id, flipped.Id,
            new GroupingChoice(GroupingMode.Mixed, 2, [new PupilPair(host.World.Learner.Id, host.World.LearnerOf4A.Id)], [])));

        Assert.Contains(host.World.LearnerOf4A.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_size_outside_2_to_10_is_refused_naming_it()
    {
        await using var host = await FlippedHost.StartAsync(ClassOfSix());
        var flipped = await host.FlipAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.GroupAsync(host.Teacher, host.Course.Id, flipped.Id, new GroupingChoice(GroupingMode.Mixed, 11, [], [])));

        Assert.Contains("11 is not that", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The world with four more pupils in 5e B.</summary>
    private static TestWorld ClassOfSix()
    {
        var world = new TestWorld();
        var year = new DateRange(world.Year.Dates.Begin, world.Year.Dates.End);
        foreach (var (given, family) in new[] { ("Nora", "Haddad"), ("Yanis", "Roux"), ("Emma", "Lopez"), ("Adam", "Traoré") })
        {
            var pupil = new Person(PersonId.New(), world.Department.Id, given, family);
            world.Directory.Add(pupil);
            world.Directory.Add(new Ent.Core.Access.RoleAssignment(pupil.Id, Role.Learner, Ent.Core.Access.AccessScope.OfClass(world.Department.Id, world.School.Id, world.Class5B.Id), year));
            world.Directory.Add(Enrolment.InClass(pupil.Id, world.Class5B, year));
        }

        return world;
    }

    /// <summary>Lina and Hugo get everything right; two get half; two do not prepare.</summary>
    private static async Task AnswerAsync(FlippedHost host)
    {
        var others = host.World.Directory.PupilsOn(host.Course.Audience, FlippedHost.NextThursday).Where(p => p != host.World.Learner.Id && p != host.World.Classmate.Id).ToArray();
        await host.AnswerAsync(host.World.Learner, 1, 6);
        await host.AnswerAsync(host.World.Classmate, 1, 6);
        foreach (var pupil in others.Take(2))
        {
            await host.AnswerAsync(host.World.Directory.FindPerson(pupil)!, 1, 5);
        }
    }

    /// <summary>A skill map for the course and its plan; Lina answers its activity right three times, Hugo wrong: far apart in mastery.</summary>
    private static async Task MapAsync(FlippedHost host)
    {
        var maps = host.Get<ISkillMaps>();
        var skill = await maps.SaveSkillAsync(host.Teacher, host.Course.Id, new SkillDraft(null, "fractions équivalentes", [], "D1.3"));
        var activity = host.World.Activities[2];
        await maps.SavePlanAsync(host.Teacher, new CoursePlan(host.Course.Id, 0.95, [ActivityLink.For(activity.Id, ActivityRole.Practice, skill.Id)], []));
        var paths = host.Get<ILearningPaths>();
        for (var i = 0; i < 3; i++)
        {
            await paths.RecordAnswerAsync(host.Pupil, host.Course.Id, activity.Id, host.World.Learner.Id, new ActivityAnswer($"lina-{i}", 1));
            await paths.RecordAnswerAsync(TestWorld.As(host.World.Classmate), host.Course.Id, activity.Id, host.World.Classmate.Id, new ActivityAnswer($"hugo-{i}", 0));
        }
    }
}
