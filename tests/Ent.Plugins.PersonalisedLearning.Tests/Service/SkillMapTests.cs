using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Plugins.PersonalisedLearning.Skills;
using Ent.TestSupport;

namespace Ent.Plugins.PersonalisedLearning.Tests.Service;

public sealed class SkillMapTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Fractions Fractions => _host.Fractions;

    [Fact]
    public async Task The_map_shows_the_schools_skills_each_after_its_prerequisites_and_the_plan()
    {
        var map = await _host.Maps.MapOfAsync(_host.Teacher, Fractions.Course.Id);

        Assert.Equal(["fractions équivalentes", "comparer des fractions", "additionner des fractions"], map.Skills.Select(s => s.Skill.Name));
        Assert.All(map.Skills, s => Assert.True(s.InCourse));
        Assert.Equal(9, map.Plan.Activities.Length);
    }

    [Fact]
    public async Task A_prerequisite_that_would_make_a_cycle_is_refused_naming_it_and_nothing_is_saved()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Maps.SaveSkillAsync(_host.Teacher, Fractions.Course.Id,
            new SkillDraft(Fractions.Equivalent.Id, Fractions.Equivalent.Name, [Fractions.Add.Id])));

        Assert.Contains("additionner des fractions → fractions équivalentes", error.Message, StringComparison.Ordinal);
        var map = await _host.Maps.MapOfAsync(_host.Teacher, Fractions.Course.Id);
        Assert.Empty(map.Skills.Single(s => s.Skill.Id == Fractions.Equivalent.Id).Skill.Prerequisites);
    }

    [Fact]
    public async Task Skills_are_shared_by_the_courses_of_a_school()
    {
        var other = new Fractions(_host.World.School.Id, Ent.Core.Courses.CourseAudience.ForClass(_host.World.Class5B.Id));
        await _host.World.Courses.SaveAsync(_host.World.Department.Id, other.Course);

        var map = await _host.Maps.MapOfAsync(_host.Teacher, other.Course.Id);

        Assert.Equal(3, map.Skills.Length);
        Assert.All(map.Skills, s => Assert.False(s.InCourse));
    }

    [Fact]
    public async Task An_invalid_plan_is_refused_and_the_saved_one_is_kept()
    {
        var broken = Fractions.Plan with { MasteryThreshold = 1.2 };

        await Assert.ThrowsAsync<ArgumentException>(() => _host.Maps.SavePlanAsync(_host.Teacher, broken));

        Assert.Equal(CoursePlan.DefaultMasteryThreshold, (await _host.Maps.MapOfAsync(_host.Teacher, Fractions.Course.Id)).Plan.MasteryThreshold);
    }

    [Fact]
    public async Task Parameters_set_by_hand_are_checked_and_used()
    {
        await _host.Maps.SetParametersAsync(_host.Teacher, Fractions.Course.Id, Fractions.Equivalent.Id, new BktParameters(0.5, 0.2, 0.2, 0.1));

        var path = await _host.AnswerAsync(Fractions.Video, 1);

        // 0.5·0.9 / (0.45 + 0.5·0.2) = 0.818182, then + 0.181818·0.2 = 0.854545
        Assert.Equal(0.854545, path.Skills[0].Mastery, 6);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _host.Maps.SetParametersAsync(_host.Teacher, Fractions.Course.Id, Fractions.Equivalent.Id, default));
    }

    [Fact]
    public async Task Parameters_are_fitted_from_the_class_answers_and_kept_with_the_data_behind_them()
    {
        var pupils = Enumerable.Range(0, 6).Select(i => AddPupil($"Élève{i}")).ToArray();
        var random = new Random(4);
        foreach (var pupil in pupils)
        {
            for (var i = 0; i < 6; i++)
            {
                _host.World.Time.Advance(TimeSpan.FromMinutes(1));
                await _host.Paths.RecordAnswerAsync(_host.Teacher, Fractions.Course.Id, Fractions.Video.Id, pupil.Id, new ActivityAnswer($"a{i}", random.NextDouble() < 0.3 + 0.1 * i ? 1 : 0));
            }
        }

        var fit = await _host.Maps.FitAsync(_host.Teacher, Fractions.Course.Id, Fractions.Equivalent.Id, FitScope.Class);

        var shown = (await _host.Maps.MapOfAsync(_host.Teacher, Fractions.Course.Id)).Skills.Single(s => s.Skill.Id == Fractions.Equivalent.Id);
        Assert.Equal(fit.Parameters, shown.Skill.Parameters);
        Assert.Equal(("class", 6, 36), (shown.Fitted!.Scope, shown.Fitted.Pupils, shown.Fitted.Answers));
    }

    [Fact]
    public async Task A_fit_from_too_few_answers_is_refused_with_the_counts()
    {
        await _host.AnswerAsync(Fractions.Video, 1, times: 3);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Maps.FitAsync(_host.Teacher, Fractions.Course.Id, Fractions.Equivalent.Id, FitScope.School));

        Assert.Contains("has 3 answers from 1 pupils in the school", error.Message, StringComparison.Ordinal);
    }

    private Ent.Core.Organisation.Person AddPupil(string given)
    {
        var person = new Ent.Core.Organisation.Person(Ent.Core.Identifiers.PersonId.New(), _host.World.Department.Id, given, "Test");
        var year = new Ent.Core.Organisation.DateRange(_host.World.Year.Dates.Begin, _host.World.Year.Dates.End);
        _host.World.Directory.Add(person);
        _host.World.Directory.Add(new Ent.Core.Access.RoleAssignment(person.Id, Ent.Core.Organisation.Role.Learner,
            Ent.Core.Access.AccessScope.OfClass(_host.World.Department.Id, _host.World.School.Id, _host.World.Class5B.Id), year));
        _host.World.Directory.Add(Ent.Core.Organisation.Enrolment.InClass(person.Id, _host.World.Class5B, year));
        _ = TestWorld.As(person);
        return person;
    }
}
