using Ent.Core.Access;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.TestSupport;

namespace Ent.Plugins.PersonalisedLearning.Tests.Udl;

public sealed class ExpressionTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IUniversalDesign Design => _host.Get<IUniversalDesign>();

    private Ent.Core.Identifiers.CourseId Course => _host.Fractions.Course.Id;

    [Fact]
    public async Task The_evaluation_counts_the_same_whatever_the_means_of_expression()
    {
        var written = await Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, new SubmissionDraft(ExpressionMeans.Written, "2/4 = 1/2"));
        var recorded = await Design.SubmitAsync(TestWorld.As(_host.World.Classmate), Course, _host.Fractions.Video.Id, _host.World.Classmate.Id,
            new SubmissionDraft(ExpressionMeans.Audio, null, [1, 2, 3], "audio/webm"));

        await Design.EvaluateAsync(_host.Teacher, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, written.Id, 0.8, "bien");
        await Design.EvaluateAsync(_host.Teacher, Course, _host.Fractions.Video.Id, _host.World.Classmate.Id, recorded.Id, 0.8, "bien");

        var lina = (await _host.Paths.PathOfAsync(_host.Teacher, Course, _host.World.Learner.Id)).Skills[0];
        var hugo = (await _host.Paths.PathOfAsync(_host.Teacher, Course, _host.World.Classmate.Id)).Skills[0];
        Assert.Equal((1, lina.Mastery), (hugo.Answers, hugo.Mastery));
        Assert.Equal(0.6, lina.Mastery, 12);
    }

    [Fact]
    public async Task An_evaluation_given_again_replaces_the_first()
    {
        var work = await Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, new SubmissionDraft(ExpressionMeans.Written, "réponse"));
        await Design.EvaluateAsync(_host.Teacher, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, work.Id, 0.2, null);

        var evaluated = await Design.EvaluateAsync(_host.Teacher, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, work.Id, 0.9, "corrigé");

        Assert.Equal((0.9, "corrigé"), (evaluated.Score, evaluated.Comment));
        Assert.Equal(1, (await _host.Paths.PathOfAsync(_host.Teacher, Course, _host.World.Learner.Id)).Skills[0].Answers);
    }

    [Fact]
    public async Task A_means_the_activity_does_not_accept_is_refused_naming_those_it_does()
    {
        await Design.SetMeansAsync(_host.Teacher, Course, _host.Fractions.Video.Id, [ExpressionMeans.Written, ExpressionMeans.Drawing]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id,
            new SubmissionDraft(ExpressionMeans.Audio, null, [1], "audio/webm")));

        Assert.Contains("accepts Written, Drawing, not Audio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_must_be_an_image()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id,
            new SubmissionDraft(ExpressionMeans.Photo, null, [1], "text/html")));

        Assert.Contains("'text/html'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_on_a_locked_activity_is_refused()
    {
        await Assert.ThrowsAsync<Ent.Plugins.PersonalisedLearning.Paths.ActivityLockedException>(() =>
            Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Lesson.Id, _host.World.Learner.Id, new SubmissionDraft(ExpressionMeans.Written, "x")));
    }

    [Fact]
    public async Task The_teacher_lists_the_work_and_the_pupil_reads_their_own_file()
    {
        var work = await Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, new SubmissionDraft(ExpressionMeans.Drawing, "mon dessin", [9, 9], "image/png"));

        var listed = Assert.Single(await Design.SubmissionsOfAsync(_host.Teacher, Course, _host.Fractions.Video.Id));
        var read = await Design.SubmissionAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, work.Id);

        Assert.Null(listed.Data);
        Assert.Equal(new byte[] { 9, 9 }, read!.Data);
    }

    [Fact]
    public async Task A_classmate_reads_neither_the_list_nor_another_pupils_work()
    {
        var work = await Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, new SubmissionDraft(ExpressionMeans.Written, "x"));
        var classmate = TestWorld.As(_host.World.Classmate);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.SubmissionsOfAsync(classmate, Course, _host.Fractions.Video.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.SubmissionAsync(classmate, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, work.Id));
    }

    [Fact]
    public async Task A_pupil_does_not_evaluate_work()
    {
        var work = await Design.SubmitAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, new SubmissionDraft(ExpressionMeans.Written, "x"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.EvaluateAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, work.Id, 1, null));
    }
}
