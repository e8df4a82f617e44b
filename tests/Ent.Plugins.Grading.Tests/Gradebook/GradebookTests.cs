using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Contracts;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>Assessments and marks through the plugin registered in a host: rights, enrolment, closed periods, history.</summary>
public sealed class GradebookTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private readonly List<DomainEvent> _published = [];
    private EntHost _host = null!;
    private IGradebook _gradebook = null!;
    private Period _firstTerm = null!;
    private Person _historyTeacher = null!;

    public async Task InitializeAsync()
    {
        _firstTerm = _world.Year.Periods[0];
        _historyTeacher = await GradingHost.AddHistoryTeacherAsync(_world);

        _host = await GradingHost.StartAsync(_world, events: new EventRecorder(_published));
        _gradebook = _host.Services.GetRequiredService<IGradebook>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Actor As(Person person) => TestWorld.As(person);

    private Task<Assessment> MathsTest(decimal scale = 20) =>
        _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _firstTerm.Id, "Fractions", new DateOnly(2026, 11, 20), scale));

    [Fact]
    public async Task A_teacher_records_marks_and_reads_them_back()
    {
        var test = await MathsTest();

        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(15.5m, 20), [_world.Classmate.Id] = Mark.Coded(MarkCode.Absent) });

        var marks = await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id);
        Assert.Equal(Mark.Of(15.5m, 20), Assert.Single(marks).Mark);
        Assert.Equal(MarkCode.Absent, (await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Classmate.Id, _world.MathsCourse.Id)).Single().Mark.Code);
    }

    [Fact]
    public async Task A_teacher_of_another_subject_may_not_mark_this_course()
    {
        var test = await MathsTest();

        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordMarksAsync(As(_historyTeacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(2m, 20) }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.CreateAssessmentAsync(As(_historyTeacher), new AssessmentDraft(_world.MathsCourse.Id, _firstTerm.Id, "x", new DateOnly(2026, 11, 20))));
    }

    [Fact]
    public async Task A_pupil_sees_their_own_marks_once_published_and_not_a_classmates()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) });

        Assert.Empty(await _gradebook.MarksOfAsync(As(_world.Learner), _world.Learner.Id, _world.MathsCourse.Id));
        await _gradebook.PublishAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id);

        Assert.Single(await _gradebook.MarksOfAsync(As(_world.Learner), _world.Learner.Id, _world.MathsCourse.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.MarksOfAsync(As(_world.Classmate), _world.Learner.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task A_parent_sees_their_childs_published_marks_and_not_another_pupils()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20), [_world.Classmate.Id] = Mark.Of(9m, 20) });
        await _gradebook.PublishAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id);

        Assert.Single(await _gradebook.MarksOfAsync(As(_world.Parent), _world.Learner.Id, _world.MathsCourse.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.MarksOfAsync(As(_world.Parent), _world.Classmate.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task The_head_of_school_sees_the_schools_marks_and_another_schools_head_does_not()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) });

        Assert.Single(await _gradebook.MarksOfAsync(As(_world.Head), _world.Learner.Id, _world.MathsCourse.Id)); // unpublished too
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.MarksOfAsync(As(_world.HeadOfOtherSchool), _world.Learner.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task A_pupil_not_enrolled_in_the_class_is_refused_naming_them_and_nothing_changes()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id,
            new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(20m, 20), [_world.LearnerOf4A.Id] = Mark.Of(10m, 20) }));

        Assert.Contains(_world.LearnerOf4A.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(Mark.Of(12m, 20), (await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id)).Single().Mark);
    }

    [Fact]
    public async Task A_mark_above_the_scale_is_refused_naming_it_and_nothing_changes()
    {
        var test = await MathsTest(scale: 10);
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(6m, 10) });

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id,
            new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(8m, 10), [_world.Classmate.Id] = Mark.Of(15m, 20) }));

        Assert.Contains("A mark of 15", error.Message, StringComparison.Ordinal);
        Assert.Contains("scale of 10", error.Message, StringComparison.Ordinal);
        Assert.Equal(Mark.Of(6m, 10), (await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id)).Single().Mark);
        Assert.Empty(await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Classmate.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task An_assessment_dated_outside_its_period_is_refused_naming_the_date()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _firstTerm.Id, "Trop tard", new DateOnly(2027, 1, 10))));

        Assert.Contains("2027-01-10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_period_refuses_a_teachers_change_and_takes_the_heads_with_a_reason()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) });
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.ClosePeriodAsync(As(_world.Teacher), _world.Class5B.Id, _firstTerm.Id));
        await _gradebook.ClosePeriodAsync(As(_world.Head), _world.Class5B.Id, _firstTerm.Id);
        var change = new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(13m, 20) };

        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, change, "erreur de saisie"));
        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.RecordMarksAsync(As(_world.Head), _world.MathsCourse.Id, test.Id, change));
        await _gradebook.RecordMarksAsync(As(_world.Head), _world.MathsCourse.Id, test.Id, change, "Erreur de saisie signalée au conseil de classe");

        Assert.Equal(Mark.Of(13m, 20), (await _gradebook.MarksOfAsync(As(_world.Head), _world.Learner.Id, _world.MathsCourse.Id)).Single().Mark);
        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _firstTerm.Id, "Encore", new DateOnly(2026, 11, 25))));
    }

    [Fact]
    public async Task Every_change_of_a_mark_is_in_its_history_and_published_with_old_and_new_values()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) });
        _world.Time.Advance(TimeSpan.FromHours(1));
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Coded(MarkCode.AbsentUnjustified) }, "absence non justifiée");
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = null });

        var history = await _gradebook.HistoryOfAsync(As(_world.Head), _world.Learner.Id, _world.MathsCourse.Id, test.Id);

        Assert.Equal([(null, "12"), ("12", "AbsentUnjustified"), ("AbsentUnjustified", null)], history.Select(h => (h.OldValue, h.NewValue)));
        Assert.Equal("absence non justifiée", history[1].Reason);
        Assert.All(history, h => Assert.Equal(_world.Teacher.Id, h.Actor));
        Assert.Equal(3, _published.OfType<MarkChanged>().Count(e => e.Pupil == _world.Learner.Id));
        Assert.Empty(await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task Recording_the_same_mark_again_changes_nothing()
    {
        var test = await MathsTest();
        var marks = new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) };
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, marks);

        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, marks);

        Assert.Single(await _gradebook.HistoryOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id, test.Id));
    }

    [Fact]
    public async Task Marks_read_from_the_gradebook_give_the_french_average()
    {
        var a = await MathsTest(20);
        var b = await MathsTest(10);
        var c = await MathsTest(5);
        foreach (var (test, mark) in new[] { (a, Mark.Of(18m, 20)), (b, Mark.Of(2m, 10)), (c, Mark.Of(1m, 5)) })
        {
            await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = mark });
        }

        var items = (await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id))
            .Select(m => new GradeItem(m.Mark, m.Assessment.Scale, m.Assessment.Coefficient, m.Assessment.Kind)).ToList();

        Assert.Equal(8.67m, AverageRounding.Default.Apply(_host.Services.GetRequiredService<GradeAggregations>().Latest(FrenchAverage.NormalizedTo20Id).Average(items)!.Value));
    }

    [Fact]
    public async Task Competency_evaluations_position_a_pupil_per_component_for_the_period_and_the_cycle()
    {
        var test = await MathsTest();
        await _gradebook.RecordCompetenciesAsync(As(_world.Teacher), _world.MathsCourse.Id, _firstTerm.Id,
        [
            new(_world.Learner.Id, SocleComponent.MathematicalLanguages, MasteryLevel.VeryGood, new DateOnly(2026, 11, 20), test.Id),
            new(_world.Learner.Id, SocleComponent.MathematicalLanguages, MasteryLevel.Fragile, new DateOnly(2026, 11, 21)),
            new(_world.Learner.Id, SocleComponent.MethodsAndTools, MasteryLevel.Insufficient, new DateOnly(2026, 11, 21)),
        ]);

        var positions = await _gradebook.PositionsOfAsync(As(_world.Parent), _world.Learner.Id, _world.Class5B.Id, _firstTerm.Id);

        Assert.Equal(8, positions.Count);
        var maths = positions.Single(p => p.Component == SocleComponent.MathematicalLanguages);
        Assert.Equal((MasteryLevel.Satisfactory, MasteryLevel.Satisfactory, 2), (maths.Period!.Value, maths.Cycle!.Value, maths.Evaluations)); // (50 + 25) / 2 = 37.5
        Assert.Equal(MasteryLevel.Insufficient, positions.Single(p => p.Component == SocleComponent.MethodsAndTools).Period);
        Assert.Null(positions.Single(p => p.Component == SocleComponent.ArtsAndBody).Period);
    }

    [Fact]
    public async Task A_competency_evaluation_for_a_pupil_of_another_class_is_refused_and_nothing_is_recorded()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordCompetenciesAsync(As(_world.Teacher), _world.MathsCourse.Id, _firstTerm.Id,
        [
            new(_world.Learner.Id, SocleComponent.FrenchLanguage, MasteryLevel.VeryGood, new DateOnly(2026, 11, 20)),
            new(_world.LearnerOf4A.Id, SocleComponent.FrenchLanguage, MasteryLevel.VeryGood, new DateOnly(2026, 11, 20)),
        ]));

        Assert.Contains(_world.LearnerOf4A.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.All(await _gradebook.PositionsOfAsync(As(_world.Teacher), _world.Learner.Id, _world.Class5B.Id, _firstTerm.Id), p => Assert.Equal(0, p.Evaluations));
    }

    [Fact]
    public async Task A_closed_periods_competencies_are_evaluated_only_by_the_head_of_school_with_a_reason()
    {
        await _gradebook.ClosePeriodAsync(As(_world.Head), _world.Class5B.Id, _firstTerm.Id);
        CompetencyEvaluation[] late = [new(_world.Learner.Id, SocleComponent.FrenchLanguage, MasteryLevel.Satisfactory, new DateOnly(2026, 11, 20))];

        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.RecordCompetenciesAsync(As(_world.Teacher), _world.MathsCourse.Id, _firstTerm.Id, late, "oubli"));
        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.RecordCompetenciesAsync(As(_world.Head), _world.MathsCourse.Id, _firstTerm.Id, late));
        await _gradebook.RecordCompetenciesAsync(As(_world.Head), _world.MathsCourse.Id, _firstTerm.Id, late, "Évaluation oubliée, vue en conseil de classe");

        Assert.Equal(1, (await _gradebook.PositionsOfAsync(As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _firstTerm.Id)).Single(p => p.Component == SocleComponent.FrenchLanguage).Evaluations);
        var evaluated = Assert.Single(_published.OfType<CompetenciesEvaluated>());
        Assert.Equal((_world.Head.Id, 1, "Évaluation oubliée, vue en conseil de classe"), (evaluated.Actor, evaluated.Evaluations, evaluated.Reason));
    }

    [Fact]
    public async Task A_teacher_of_another_subject_may_not_evaluate_competencies_in_this_course()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordCompetenciesAsync(As(_historyTeacher), _world.MathsCourse.Id, _firstTerm.Id,
            [new(_world.Learner.Id, SocleComponent.FrenchLanguage, MasteryLevel.VeryGood, new DateOnly(2026, 11, 20))]));
    }

    [Fact]
    public async Task A_teacher_of_the_same_subject_in_another_class_may_not_mark_this_course()
    {
        var test = await MathsTest();
        var teacherOf4A = new Person(PersonId.New(), _world.Department.Id, "Émilie", "du Châtelet");
        _world.Directory.Add(teacherOf4A);
        _world.Directory.Add(new RoleAssignment(teacherOf4A.Id, Role.Teacher, AccessScope.OfClass(_world.Department.Id, _world.School.Id, _world.Class4A.Id), new DateRange(_world.Year.Dates.Begin, _world.Year.Dates.End)));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordMarksAsync(As(teacherOf4A), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(2m, 20) }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.MarksOfAsync(As(teacherOf4A), _world.Learner.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task An_unknown_pupil_is_refused_naming_them_and_nothing_changes()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20) });
        var stranger = PersonId.New();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id,
            new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(18m, 20), [stranger] = Mark.Of(10m, 20) }));

        Assert.Contains($"Pupil {stranger.Value} is not in the directory", error.Message, StringComparison.Ordinal);
        Assert.Equal(Mark.Of(12m, 20), (await _gradebook.MarksOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id)).Single().Mark);
        Assert.Single(await _gradebook.HistoryOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id, test.Id));
    }

    [Fact]
    public async Task A_pupil_who_left_the_class_is_marked_on_assessments_before_they_left_and_refused_after()
    {
        var leaver = new Person(PersonId.New(), _world.Department.Id, "Noé", "Petit");
        _world.Directory.Add(leaver);
        _world.Directory.Add(Enrolment.InClass(leaver.Id, _world.Class5B, new DateRange(_world.Year.Dates.Begin, new DateOnly(2026, 10, 31))));
        var before = await _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _firstTerm.Id, "Nombres relatifs", new DateOnly(2026, 10, 9)));
        var after = await MathsTest();

        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, before.Id, new Dictionary<PersonId, Mark?> { [leaver.Id] = Mark.Of(11m, 20) });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, after.Id, new Dictionary<PersonId, Mark?> { [leaver.Id] = Mark.Of(11m, 20) }));

        Assert.Contains($"Pupil {leaver.Id.Value} is not enrolled in the class of course 'Fractions' on 2026-11-20", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Nombres relatifs"], (await _gradebook.MarksOfAsync(As(_world.Teacher), leaver.Id, _world.MathsCourse.Id)).Select(m => m.Assessment.Title));
    }

    [Fact]
    public async Task An_assessments_class_statistics_are_in_points_over_the_marks_that_count()
    {
        var test = await MathsTest(scale: 10);
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(7.5m, 10), [_world.Classmate.Id] = Mark.Coded(MarkCode.AbsentUnjustified) });

        var statistics = await _gradebook.StatisticsOfAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id);

        Assert.Equal(new Statistics(3.75m, 0m, 7.5m, 2), statistics); // the unjustified absence counts as 0
    }

    [Fact]
    public async Task Pupils_and_parents_of_the_class_see_an_assessments_statistics_once_published_and_others_never()
    {
        var test = await MathsTest();
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12m, 20), [_world.Classmate.Id] = Mark.Of(8m, 20) });

        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.StatisticsOfAsync(As(_world.Learner), _world.MathsCourse.Id, test.Id));
        await _gradebook.PublishAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id);

        Assert.Equal(10m, (await _gradebook.StatisticsOfAsync(As(_world.Learner), _world.MathsCourse.Id, test.Id)).Average);
        Assert.Equal(10m, (await _gradebook.StatisticsOfAsync(As(_world.Parent), _world.MathsCourse.Id, test.Id)).Average);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.StatisticsOfAsync(As(_world.LearnerOf4A), _world.MathsCourse.Id, test.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.StatisticsOfAsync(As(_world.HeadOfOtherSchool), _world.MathsCourse.Id, test.Id));
    }
}
