using Ent.Core.Attendance;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Competencies;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.History;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Plugins.Grading.Tests.Gradebook;
using Ent.Sdk.Hosting;
using Ent.Sdk.Views;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Ent.Plugins.Grading.Tests.ReportCards;

/// <summary>The plugin's pages as a whole (committed snapshots): a change to a template or a model shows in review.</summary>
public sealed class PageSnapshotTests : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private EntHost _host = null!;
    private Period _term = null!;

    public async Task InitializeAsync()
    {
        _term = _world.Year.Periods[0];
        var attendance = new CountedAbsences(new() { [_world.Learner.Id] = new AbsenceHalfDays(3, 1), [_world.Classmate.Id] = new AbsenceHalfDays(0, 0) });
        _host = await GradingHost.StartAsync(_world, configure: builder => builder.Ent.AddPlugin(new AttendancePlugin(attendance), AttendancePlugin.Manifest));
        var gradebook = _host.Services.GetRequiredService<IGradebook>();
        var teacher = TestWorld.As(_world.Teacher);
        foreach (var (title, day, scale, learner, classmate) in new[] { ("Fractions", 20, 20m, Mark.Of(12.5m, 20), Mark.Of(8m, 20)), ("Proportionnalité", 24, 10m, Mark.Coded(MarkCode.Absent), Mark.Of(9m, 10)) })
        {
            var test = await gradebook.CreateAssessmentAsync(teacher, new AssessmentDraft(_world.MathsCourse.Id, _term.Id, title, new DateOnly(2026, 11, day), scale));
            await gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = learner, [_world.Classmate.Id] = classmate });
            _world.Time.Advance(TimeSpan.FromMinutes(95));
            if (title == "Fractions")
            {
                await gradebook.RecordMarksAsync(teacher, _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(13.5m, 20) }, "Question 4 oubliée");
            }

            await gradebook.PublishAsync(teacher, _world.MathsCourse.Id, test.Id);
        }

        await gradebook.RecordCompetenciesAsync(teacher, _world.MathsCourse.Id, _term.Id, [new(_world.Learner.Id, SocleComponent.MathematicalLanguages, MasteryLevel.Satisfactory, new DateOnly(2026, 11, 20))]);
        await gradebook.RecordCommentAsync(teacher, _world.MathsCourse.Id, _term.Id, _world.Learner.Id, "Des progrès nets ; l'absence du 24 novembre est à rattraper.");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_report_card_in_french()
    {
        var html = await _host.Services.GetRequiredService<IReportCards>().RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id);

        Snapshot.Match(html.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_report_card_in_english()
    {
        var html = await _host.Services.GetRequiredService<IReportCards>().RenderAsync(TestWorld.As(_world.Head), _world.Learner.Id, _world.Class5B.Id, _term.Id, new ViewScope(Language: "en"));

        Snapshot.Match(html.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_class_council_summary()
    {
        var html = await _host.Services.GetRequiredService<IReportCards>().RenderClassCouncilAsync(TestWorld.As(_world.Teacher), _world.Class5B.Id, _term.Id);

        Snapshot.Match(html.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_mark_history_page()
    {
        var html = await _host.Services.GetRequiredService<IMarkHistoryView>().RenderAsync(TestWorld.As(_world.Parent), _world.Learner.Id, _world.MathsCourse.Id);

        Snapshot.Match(html.ReplaceLineEndings("\n"));
    }
}
