using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Plugins.Grading.Tests.Gradebook;
using Ent.Sdk.Hosting;
using Ent.Sdk.Views;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ent.Plugins.Grading.Tests.ReportCards;

/// <summary>Report cards from the gradebook, rendered from the plugin's template in French by default.</summary>
public sealed class ReportCardTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private EntHost _host = null!;
    private IGradebook _gradebook = null!;
    private IReportCards _cards = null!;
    private Period _term = null!;

    public async Task InitializeAsync()
    {
        _term = _world.Year.Periods[0];
        _host = await GradingHost.StartAsync(_world);
        _gradebook = _host.Services.GetRequiredService<IGradebook>();
        _cards = _host.Services.GetRequiredService<IReportCards>();

        var teacher = TestWorld.As(_world.Teacher);
        foreach (var (scale, learner, classmate, publish) in new[] { (20m, 12.5m, 8m, true), (10m, 7m, 9m, true), (20m, 20m, 0m, false) })
        {
            var test = await _gradebook.CreateAssessmentAsync(teacher, new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Contrôle", new DateOnly(2026, 11, 20), scale));
            await _gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(learner, scale), [_world.Classmate.Id] = Mark.Of(classmate, scale) });
            if (publish)
            {
                await _gradebook.PublishAsync(teacher, _world.MathsCourse.Id, test.Id);
            }
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_card_has_the_pupils_and_the_classs_averages_per_subject()
    {
        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        var maths = Assert.Single(card.Subjects);
        Assert.Equal(("Mathématiques", 3), (maths.Subject, maths.Marks));
        Assert.Equal(15.5m, maths.Average); // 12.5/20, 7/10 → 14, 20/20: (12.5 + 14 + 20) / 3
        Assert.Equal(new ReportCardStatistics(12.08m, 8.67m, 15.5m), maths.Class); // classmate: (8 + 18 + 0) / 3 = 8.67
        Assert.Equal("fr.normalized-to-20 v1", card.Calculation);
    }

    [Fact]
    public async Task The_card_shows_the_periods_competency_positions_named_in_the_readers_language()
    {
        await _gradebook.RecordCompetenciesAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, _term.Id,
            [new(_world.Learner.Id, SocleComponent.MathematicalLanguages, MasteryLevel.VeryGood, new DateOnly(2026, 11, 20))]);

        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);
        var html = await _cards.RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal(new ReportCardCompetency(3, 4), Assert.Single(card.Competencies));
        Assert.Contains("<li>Langages mathématiques, scientifiques et informatiques : <strong>Très bonne maîtrise</strong></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupils_own_card_counts_only_published_marks()
    {
        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Learner), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal(13.25m, Assert.Single(card.Subjects).Average); // (12.5 + 14) / 2
    }

    [Fact]
    public async Task A_classmate_may_not_read_another_pupils_card()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _cards.ForPupilAsync(TestWorld.As(_world.Classmate), _world.Learner.Id, _world.Class5B.Id, _term.Id));
    }

    [Fact]
    public async Task The_card_renders_in_french_by_default_and_in_english_on_request()
    {
        var french = await _cards.RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);
        var english = await _cards.RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id, new ViewScope(Language: "en"));

        Assert.Contains("<title>Bulletin de Lina Benali — Trimestre 1</title>", french, StringComparison.Ordinal);
        Assert.Contains("<td>Mathématiques<br><small>Marie Curie</small></td><td class=\"num\">15,50</td><td class=\"num\">12,08</td><td class=\"num\">8,67</td>", french, StringComparison.Ordinal);
        Assert.Contains("Lina Benali's report card", english, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">15.50</td>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_class_renders_one_card_per_pupil_as_a_stream()
    {
        var cards = new List<(PersonId Pupil, string Html)>();
        await foreach (var card in _cards.RenderClassAsync(TestWorld.As(_world.Teacher), _world.Class5B.Id, _term.Id))
        {
            cards.Add(card);
        }

        Assert.Equal(new HashSet<PersonId> { _world.Learner.Id, _world.Classmate.Id }, cards.Select(c => c.Pupil).ToHashSet());
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.StartsWith("<!DOCTYPE html>", c.Html.TrimStart(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_head_renders_the_whole_schools_cards_in_one_streamed_call_and_a_teacher_may_not()
    {
        var cards = new List<(ClassId Class, PersonId Pupil, string Html)>();
        await foreach (var card in _cards.RenderSchoolAsync(TestWorld.As(_world.Head), _world.School.Id, _term.Id))
        {
            cards.Add(card);
        }

        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.Equal(_world.Class5B.Id, c.Class));
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
        {
            await foreach (var _ in _cards.RenderSchoolAsync(TestWorld.As(_world.Teacher), _world.School.Id, _term.Id))
            {
            }
        });
    }

    [Fact]
    public async Task The_class_council_summary_has_every_pupils_averages_and_the_classs_figures()
    {
        var summary = await _cards.ClassCouncilAsync(TestWorld.As(_world.Teacher), _world.Class5B.Id, _term.Id);
        var html = await _cards.RenderClassCouncilAsync(TestWorld.As(_world.Head), _world.Class5B.Id, _term.Id);

        Assert.Equal(["BENALI Lina", "MARTIN Hugo"], summary.Pupils.Select(p => p.Pupil));
        Assert.Equal([15.5m, 8.67m], summary.Pupils.Select(p => p.Averages.Single()));
        Assert.Equal(new ReportCardStatistics(12.08m, 8.67m, 15.5m), Assert.Single(summary.Subjects).Class);
        Assert.Contains("<title>Conseil de classe de 5e B — Trimestre 1</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>BENALI Lina</td><td class=\"num\">15,50</td>", html, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _cards.ClassCouncilAsync(TestWorld.As(_world.Parent), _world.Class5B.Id, _term.Id));
    }

    [Fact]
    public async Task A_closed_periods_cards_use_the_rule_recorded_when_it_was_closed()
    {
        // The period was closed when the department's rule was the sum of scales: the closure recorded it.
        await using (var work = await _host.Services.GetRequiredService<Ent.Sdk.Operations.IOperations>().BeginAsync(
            TestWorld.As(_world.Head), Ent.Sdk.Operations.OperationTarget.OfClass(_world.Class5B.Id), GradingCapabilities.ClosePeriods))
        {
            work.Documents<ClosureDocument>().Add(new ClosureDocument(_world.Class5B.Id, _term.Id, _world.Time.GetUtcNow(), _world.Head.Id, FrenchAverage.SumOfScalesId, 1));
            await work.CommitAsync();
        }

        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal("fr.sum-of-scales v1", card.Calculation);
        Assert.Equal(15.8m, Assert.Single(card.Subjects).Average); // 20 × (12.5 + 7 + 20) / (20 + 10 + 20), not 15.5
    }

    [Fact]
    public async Task The_term_close_computes_a_closed_class_with_the_rule_recorded_at_its_closure_as_its_cards_do()
    {
        await using (var work = await _host.Services.GetRequiredService<Ent.Sdk.Operations.IOperations>().BeginAsync(
            TestWorld.As(_world.Head), Ent.Sdk.Operations.OperationTarget.OfClass(_world.Class5B.Id), GradingCapabilities.ClosePeriods))
        {
            work.Documents<ClosureDocument>().Add(new ClosureDocument(_world.Class5B.Id, _term.Id, _world.Time.GetUtcNow(), _world.Head.Id, FrenchAverage.SumOfScalesId, 1));
            await work.CommitAsync();
        }

        var closing = await _host.Services.GetRequiredService<Ent.Plugins.Grading.Periods.ITermClose>().ComputeAsync(TestWorld.As(_world.Head), _world.School.Id, _term.Id);
        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal("fr.sum-of-scales v1", closing.VersionOf(_world.Class5B.Id).ToString());
        Assert.Equal(card.Subjects.Single().Average, AverageRounding.Default.Apply(closing.AverageOf(_world.Learner.Id, "MATHS")!.Value)); // 15.8
    }

    [Fact]
    public async Task Closing_a_period_records_the_departments_current_rule()
    {
        await _host.Services.GetRequiredService<IGradebook>().ClosePeriodAsync(TestWorld.As(_world.Head), _world.Class5B.Id, _term.Id);

        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal("fr.normalized-to-20 v1", card.Calculation);
    }

    [Fact]
    public async Task The_term_close_from_stored_marks_gives_the_cards_averages_for_the_head_of_school_only()
    {
        var close = _host.Services.GetRequiredService<Ent.Plugins.Grading.Periods.ITermClose>();

        var closing = await close.ComputeAsync(TestWorld.As(_world.Head), _world.School.Id, _term.Id);

        var card = await _cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);
        Assert.Equal(card.Subjects.Single().Average, AverageRounding.Default.Apply(closing.AverageOf(_world.Learner.Id, "MATHS")!.Value));
        Assert.Equal(31m / 2, closing.AverageOf(_world.Learner.Id, "MATHS")); // exact: (12.5 + 14 + 20) / 3
        Assert.Equal([_world.Class5B.Id], closing.Classes);
        await Assert.ThrowsAsync<AccessDeniedException>(() => close.ComputeAsync(TestWorld.As(_world.Teacher), _world.School.Id, _term.Id));
    }

    [Fact]
    public async Task A_pupil_may_not_render_the_whole_class()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
        {
            await foreach (var _ in _cards.RenderClassAsync(TestWorld.As(_world.Learner), _world.Class5B.Id, _term.Id))
            {
            }
        });
    }
}
