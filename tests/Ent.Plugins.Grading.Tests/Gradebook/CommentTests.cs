using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>The teacher's comment (appréciation) on a pupil in a course for a period, and where it shows: the report card.</summary>
public sealed class CommentTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private readonly List<DomainEvent> _published = [];
    private EntHost _host = null!;
    private IGradebook _gradebook = null!;
    private IReportCards _cards = null!;
    private Period _term = null!;

    public async Task InitializeAsync()
    {
        _term = _world.Year.Periods[0];
        _host = await GradingHost.StartAsync(_world, events: new EventRecorder(_published));
        _gradebook = _host.Services.GetRequiredService<IGradebook>();
        _cards = _host.Services.GetRequiredService<IReportCards>();
        var test = await _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Fractions", new DateOnly(2026, 11, 20)));
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(14m, 20) });
        await _gradebook.PublishAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Actor As(Person person) => TestWorld.As(person);

    private async Task<string?> CommentOnCardAsync() =>
        (await _cards.ForPupilAsync(As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id)).Subjects.Single().Comment;

    [Fact]
    public async Task The_teachers_comment_shows_on_the_pupils_card_beside_the_subject()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "  Bon trimestre, travail régulier.  ");

        var html = await _cards.RenderAsync(As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal("Bon trimestre, travail régulier.", await CommentOnCardAsync());
        Assert.Contains("<th>Appréciation</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"comment\">Bon trimestre, travail régulier.</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pupils_and_parents_read_the_comments_once_the_period_is_closed_after_the_class_council()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Bon trimestre.");

        Assert.Null((await _cards.ForPupilAsync(As(_world.Learner), _world.Learner.Id, _world.Class5B.Id, _term.Id)).Subjects.Single().Comment);
        Assert.Null((await _cards.ForPupilAsync(As(_world.Parent), _world.Learner.Id, _world.Class5B.Id, _term.Id)).Subjects.Single().Comment);
        await _gradebook.ClosePeriodAsync(As(_world.Head), _world.Class5B.Id, _term.Id);

        Assert.Equal("Bon trimestre.", (await _cards.ForPupilAsync(As(_world.Learner), _world.Learner.Id, _world.Class5B.Id, _term.Id)).Subjects.Single().Comment);
        Assert.Equal("Bon trimestre.", (await _cards.ForPupilAsync(As(_world.Parent), _world.Learner.Id, _world.Class5B.Id, _term.Id)).Subjects.Single().Comment);
    }

    [Fact]
    public async Task A_second_comment_replaces_the_first_and_an_empty_one_removes_it()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Premier jet");
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Des progrès nets.");
        Assert.Equal("Des progrès nets.", await CommentOnCardAsync());

        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, " ");

        Assert.Null(await CommentOnCardAsync());
    }

    [Fact]
    public async Task A_comment_is_shown_as_text_never_as_markup()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "<script>alert(1)</script><b>Très</b> bien");

        var html = await _cards.RenderAsync(As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Très&lt;/b&gt; bien", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_over_a_thousand_characters_is_refused_naming_its_length_and_the_stored_one_stays()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Bien.");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, new string('a', 1001)));

        Assert.Contains("has 1001", error.Message, StringComparison.Ordinal);
        Assert.Equal("Bien.", await CommentOnCardAsync());
    }

    [Fact]
    public async Task A_teacher_of_another_subject_may_not_comment_in_this_course()
    {
        var other = await GradingHost.AddHistoryTeacherAsync(_world);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordCommentAsync(As(other), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordCommentAsync(As(_world.Learner), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Je suis très bon."));
    }

    [Fact]
    public async Task A_comment_on_a_pupil_outside_the_class_is_refused_naming_them()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.LearnerOf4A.Id, "x"));

        Assert.Contains(_world.LearnerOf4A.Id.Value.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_periods_comment_changes_only_by_the_head_of_school_with_a_reason()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Bien.");
        await _gradebook.ClosePeriodAsync(As(_world.Head), _world.Class5B.Id, _term.Id);

        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Très bien."));
        await Assert.ThrowsAsync<ClosedPeriodException>(() => _gradebook.RecordCommentAsync(As(_world.Head), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Très bien."));
        Assert.Equal("Bien.", await CommentOnCardAsync());

        await _gradebook.RecordCommentAsync(As(_world.Head), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Très bien.", reason: "Avis du conseil de classe");

        Assert.Equal("Très bien.", await CommentOnCardAsync());
        var late = _published.OfType<CommentRecorded>().Last();
        Assert.Equal((_world.Head.Id, _world.Learner.Id, "Avis du conseil de classe"), (late.Actor, late.Pupil, late.Reason));
    }

    [Fact]
    public async Task Writing_changing_and_removing_a_comment_are_events_and_writing_the_same_text_again_is_not()
    {
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Bien.");
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Bien.");
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Très bien.");
        await _gradebook.RecordCommentAsync(As(_world.Teacher), _world.MathsCourse.Id, _term.Id, _world.Learner.Id, null);

        Assert.Equal([false, false, true], _published.OfType<CommentRecorded>().Select(e => e.Removed));
        Assert.All(_published.OfType<CommentRecorded>(), e => Assert.Equal((_world.MathsCourse.Id, _term.Id, UsageCategory.Pedagogical), (e.Course, e.Period, e.Category)));
    }
}
