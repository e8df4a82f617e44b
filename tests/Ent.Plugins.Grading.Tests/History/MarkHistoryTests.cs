using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.History;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.Tests.Gradebook;
using Ent.Sdk.Hosting;
using Ent.Sdk.Views;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.History;

/// <summary>A pupil's mark history in a course: every creation, change and deletion, with who, when, before, after and why, and who may see it.</summary>
public sealed class MarkHistoryTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private EntHost _host = null!;
    private IGradebook _gradebook = null!;
    private IMarkHistoryView _history = null!;
    private Period _term = null!;
    private Assessment _published = null!;
    private Assessment _draft = null!;

    public async Task InitializeAsync()
    {
        _term = _world.Year.Periods[0];
        _host = await GradingHost.StartAsync(_world);
        _gradebook = _host.Services.GetRequiredService<IGradebook>();
        _history = _host.Services.GetRequiredService<IMarkHistoryView>();
        var teacher = As(_world.Teacher);
        _published = await _gradebook.CreateAssessmentAsync(teacher, new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Fractions", new DateOnly(2026, 11, 20)));
        _draft = await _gradebook.CreateAssessmentAsync(teacher, new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Proportionnalité", new DateOnly(2026, 11, 25), 10));

        await _gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, _published.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(12.5m, 20), [_world.Classmate.Id] = Mark.Of(9m, 20) });
        _world.Time.Advance(TimeSpan.FromMinutes(150));
        await _gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, _published.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(14m, 20) }, reason: "Erreur de report");
        _world.Time.Advance(TimeSpan.FromHours(1));
        await _gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, _draft.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Coded(MarkCode.Absent) });
        _world.Time.Advance(TimeSpan.FromHours(1));
        await _gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, _draft.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = null }, reason: "Saisie sur le mauvais élève");
        await _gradebook.PublishAsync(teacher, _world.MathsCourse.Id, _published.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Actor As(Person person) => TestWorld.As(person);

    [Fact]
    public async Task The_history_lists_every_creation_change_and_deletion_with_who_when_before_after_and_why()
    {
        var history = await _gradebook.HistoryOfAsync(As(_world.Teacher), _world.Learner.Id, _world.MathsCourse.Id);

        Assert.Equal(
            [
                ("Fractions", null, "12.5", null),
                ("Fractions", "12.5", "14", "Erreur de report"),
                ("Proportionnalité", null, "Absent", null),
                ("Proportionnalité", "Absent", null, "Saisie sur le mauvais élève"),
            ],
            history.Select(e => (e.Assessment.Title, e.Change.OldValue, e.Change.NewValue, e.Change.Reason)));
        Assert.All(history, e => Assert.Equal(_world.Teacher.Id, e.Change.Actor));
        Assert.Equal([0, 2.5, 3.5, 4.5], history.Select(e => (e.Change.At - history[0].Change.At).TotalHours));
    }

    [Fact]
    public async Task A_pupil_sees_the_history_of_published_assessments_only()
    {
        var history = await _gradebook.HistoryOfAsync(As(_world.Learner), _world.Learner.Id, _world.MathsCourse.Id);

        Assert.Equal(["Fractions", "Fractions"], history.Select(e => e.Assessment.Title));
    }

    [Fact]
    public async Task A_parent_sees_their_childs_history_and_not_another_pupils()
    {
        Assert.Equal(2, (await _gradebook.HistoryOfAsync(As(_world.Parent), _world.Learner.Id, _world.MathsCourse.Id)).Count);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.HistoryOfAsync(As(_world.Parent), _world.Classmate.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task A_classmate_or_another_schools_head_may_not_read_a_pupils_history()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.HistoryOfAsync(As(_world.Classmate), _world.Learner.Id, _world.MathsCourse.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _history.RenderAsync(As(_world.HeadOfOtherSchool), _world.Learner.Id, _world.MathsCourse.Id));
    }

    [Fact]
    public async Task The_history_page_shows_each_change_in_french_in_the_schools_time()
    {
        var html = await _history.RenderAsync(As(_world.Head), _world.Learner.Id, _world.MathsCourse.Id);

        Assert.Contains("<title>Historique des notes de Lina Benali — Mathématiques</title>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Fractions (20/11/2026, /20)</td><td>26/11/2026 12:30</td><td>Marie Curie</td><td class=\"num\">12,5</td><td class=\"num\">14</td><td>Erreur de report</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">Abs</td><td class=\"num\">—</td><td>Saisie sur le mauvais élève</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_page_renders_in_english_on_request()
    {
        var html = await _history.RenderAsync(As(_world.Head), _world.Learner.Id, _world.MathsCourse.Id, new ViewScope(Language: "en"));

        Assert.Contains("Mark history of Lina Benali", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12.5</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_without_marks_has_an_empty_history_page()
    {
        var newcomer = new Person(PersonId.New(), _world.Department.Id, "Léo", "Roux");
        _world.Directory.Add(newcomer);
        _world.Directory.Add(Enrolment.InClass(newcomer.Id, _world.Class5B, new DateRange(new(2026, 11, 23), _world.Year.Dates.End)));

        var page = await _history.ForPupilAsync(As(_world.Head), newcomer.Id, _world.MathsCourse.Id);

        Assert.Empty(page.Changes);
        Assert.Contains("Aucune note enregistrée.", await _history.RenderAsync(As(_world.Head), newcomer.Id, _world.MathsCourse.Id), StringComparison.Ordinal);
    }
}
