using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Plugins.Grading.Tests.Gradebook;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.ReportCards;

/// <summary>
/// The half-days of absence on a report card come from an attendance plugin through <see cref="IAbsenceSummary"/>,
/// an optional dependency: without one, or when it fails, the card renders without them.
/// </summary>
public sealed class AbsencesOnReportCardTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private readonly List<EntHost> _hosts = [];
    private Period _term = null!;

    public Task InitializeAsync()
    {
        _term = _world.Year.Periods[0];
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private async Task<IReportCards> CardsAsync(IAbsenceSummary? attendance)
    {
        var host = await GradingHost.StartAsync(_world, configure: attendance is null ? null : builder => builder.Ent.AddPlugin(new AttendancePlugin(attendance), AttendancePlugin.Manifest));
        _hosts.Add(host);
        var gradebook = host.Services.GetRequiredService<IGradebook>();
        var test = await gradebook.CreateAssessmentAsync(TestWorld.As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Fractions", new DateOnly(2026, 11, 20)));
        await gradebook.RecordMarksAsync(TestWorld.As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(14m, 20) });
        return host.Services.GetRequiredService<IReportCards>();
    }

    [Fact]
    public async Task Without_an_attendance_plugin_the_card_renders_without_a_line_of_absences()
    {
        var cards = await CardsAsync(attendance: null);

        var card = await cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);
        var html = await cards.RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Null(card.Absences);
        Assert.DoesNotContain("Demi-journées", html, StringComparison.Ordinal);
        Assert.Contains("14,00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attendance_plugins_half_days_show_justified_and_unjustified_on_the_card_with_the_times_late()
    {
        var attendance = new CountedAbsences(new() { [_world.Learner.Id] = new AbsenceHalfDays(justified: 3, unjustified: 2) { Late = 6 } });
        var cards = await CardsAsync(attendance);

        var card = await cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);
        var html = await cards.RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal(new AbsenceHalfDays(3, 2) { Late = 6 }, card.Absences);
        Assert.Contains("<p>Demi-journées d'absence : 5 (justifiées : 3, non justifiées : 2)</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Retards : 6</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attendance_plugin_is_asked_for_the_cards_class_and_period_by_the_reader()
    {
        var attendance = new CountedAbsences(new() { [_world.Learner.Id] = new AbsenceHalfDays(0, 0) });
        var cards = await CardsAsync(attendance);

        var card = await cards.ForPupilAsync(TestWorld.As(_world.Parent), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Equal((_world.Parent.Id, _world.Class5B.Id, _term.Id), Assert.Single(attendance.Asked));
        Assert.Equal(0, card.Absences?.Total);
    }

    [Fact]
    public async Task A_pupil_the_attendance_plugin_does_not_answer_for_has_no_line()
    {
        var cards = await CardsAsync(new CountedAbsences(new() { [_world.Classmate.Id] = new AbsenceHalfDays(1, 0) }));

        var card = await cards.ForPupilAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Null(card.Absences);
    }

    [Fact]
    public async Task A_failing_attendance_plugin_leaves_the_card_without_absences_instead_of_failing_it()
    {
        var cards = await CardsAsync(new FailingAbsences());

        var html = await cards.RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Assert.Contains("14,00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Demi-journées", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_late_are_never_negative()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AbsenceHalfDays(2, 1) { Late = -1 });

        Assert.Equal("Late", error.ParamName);
    }

    [Fact]
    public void Half_days_are_never_negative()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AbsenceHalfDays(2, -1));

        Assert.Equal("unjustified", error.ParamName);
    }
}
