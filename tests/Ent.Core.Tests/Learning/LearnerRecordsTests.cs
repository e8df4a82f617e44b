using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Learning;
using Ent.Core.Tests.Organisation;

namespace Ent.Core.Tests.Learning;

public sealed class LearnerRecordsTests
{
    private readonly TestWorld _world = new();
    private readonly RecordingPublisher _events = new();
    private readonly InMemoryProgressStore _store = new();

    private LearnerRecords Records => new(_world.Directory, _world.Courses, _store, _world.AccessControl(), _events, _world.Time, Ent.Core.Calendar.SchoolTime.Paris);

    private ActivityId Quiz => _world.Activities[1].Id;

    [Fact]
    public async Task A_learner_records_their_own_progress_and_an_event_records_it()
    {
        var progress = await Records.RecordAsync(TestWorld.As(_world.Learner), _world.MathsCourse.Id, Quiz, _world.Learner.Id, CompletionStatus.Completed, new ScoreEvidence(new Score(8, 10)));

        Assert.Equal((CompletionStatus.Completed, _world.Time.GetUtcNow()), (progress.Status, progress.UpdatedAt));
        Assert.Equal(new Score(8, 10), progress.LatestScore);
        var recorded = Assert.IsType<ActivityProgressRecorded>(Assert.Single(_events.Published));
        Assert.Equal((_world.Learner.Id, UsageCategory.Pedagogical, "activity"), (recorded.Actor, recorded.Category, recorded.Object.Kind));
    }

    [Fact]
    public async Task Evidence_accumulates_oldest_first()
    {
        await Records.RecordAsync(TestWorld.As(_world.Learner), _world.MathsCourse.Id, Quiz, _world.Learner.Id, CompletionStatus.InProgress, new ScoreEvidence(new Score(4, 10)));
        var progress = await Records.RecordAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, Quiz, _world.Learner.Id, CompletionStatus.Completed, new ScoreEvidence(new Score(9, 10)));

        Assert.Equal([4m, 9m], progress.Evidence.OfType<ScoreEvidence>().Select(e => e.Score.Raw));
    }

    [Fact]
    public async Task A_learner_may_not_record_a_classmates_progress_and_nothing_is_stored()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Records.RecordAsync(TestWorld.As(_world.Learner), _world.MathsCourse.Id, Quiz, _world.Classmate.Id, CompletionStatus.Completed));

        Assert.Null(await _store.FindAsync(_world.Department.Id, _world.Classmate.Id, Quiz));
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task Progress_of_a_pupil_of_another_class_is_refused_naming_them_even_for_the_courses_teacher()
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Records.RecordAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, Quiz, _world.LearnerOf4A.Id, CompletionStatus.Completed));

        Assert.Contains(_world.LearnerOf4A.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Null(await _store.FindAsync(_world.Department.Id, _world.LearnerOf4A.Id, Quiz));
    }

    [Fact]
    public async Task Reading_the_progress_of_a_pupil_of_another_class_through_ones_own_course_is_refused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Records.ProgressOfAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, _world.LearnerOf4A.Id));
    }

    [Fact]
    public async Task A_pupil_who_left_the_class_is_refused_new_progress_naming_them()
    {
        var leaver = new Person(PersonId.New(), _world.Department.Id, "Léa", "Petit");
        _world.Directory.Add(leaver);
        _world.Directory.Add(Enrolment.InClass(leaver.Id, _world.Class5B, new DateRange(new(2026, 9, 1), new(2026, 10, 16))));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Records.RecordAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, Quiz, leaver.Id, CompletionStatus.Completed));

        Assert.Contains(leaver.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Null(await _store.FindAsync(_world.Department.Id, leaver.Id, Quiz));
    }

    [Fact]
    public async Task An_activity_outside_the_course_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Records.RecordAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, ActivityId.New(), _world.Learner.Id, CompletionStatus.Completed));
    }

    [Fact]
    public async Task A_parent_reads_their_childs_progress_and_not_another_childs()
    {
        await Records.RecordAsync(TestWorld.As(_world.Learner), _world.MathsCourse.Id, Quiz, _world.Learner.Id, CompletionStatus.Completed);

        var progress = await Records.ProgressOfAsync(TestWorld.As(_world.Parent), _world.MathsCourse.Id, _world.Learner.Id);

        Assert.Equal(CompletionStatus.Completed, progress[Quiz].Status);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Records.ProgressOfAsync(TestWorld.As(_world.Parent), _world.MathsCourse.Id, _world.Classmate.Id));
    }

    [Fact]
    public async Task An_unknown_course_is_reported_as_such()
    {
        var error = await Assert.ThrowsAsync<UnknownReferenceException>(() => Records.ProgressOfAsync(TestWorld.As(_world.Teacher), CourseId.New(), _world.Learner.Id));

        Assert.Equal("course", error.Kind);
    }
}
