using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Tests.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Plugins.Grading.Tests.ReportCards;

/// <summary>The report card as a bilan périodique: the school year and UAI, "provisional" until the period is closed, the class council's appraisal.</summary>
public sealed class BilanTests : IAsyncLifetime
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
        var test = await _gradebook.CreateAssessmentAsync(As(_world.Teacher), new AssessmentDraft(_world.MathsCourse.Id, _term.Id, "Fractions", new DateOnly(2026, 11, 20)));
        await _gradebook.RecordMarksAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [_world.Learner.Id] = Mark.Of(14m, 20) });
        await _gradebook.PublishAsync(As(_world.Teacher), _world.MathsCourse.Id, test.Id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Actor As(Person person) => TestWorld.As(person);

    private Task<ReportCard> CardAsync(Person reader) => _cards.ForPupilAsync(As(reader), _world.Learner.Id, _world.Class5B.Id, _term.Id);

    [Fact]
    public async Task A_card_names_the_school_year_and_the_schools_uai()
    {
        var card = await CardAsync(_world.Head);

        Assert.Equal(("2026-2027", _world.School.Uai.Value), (card.SchoolYear, card.Uai));
    }

    [Fact]
    public async Task Each_subject_names_its_teacher_from_the_directory()
    {
        var card = await CardAsync(_world.Learner);

        Assert.Equal("Marie Curie", card.Subjects.Single().Teacher);
    }

    [Fact]
    public async Task A_card_is_provisional_until_its_period_is_closed_for_the_class()
    {
        Assert.True((await CardAsync(_world.Learner)).Provisional);

        await _gradebook.ClosePeriodAsync(As(_world.Head), _world.Class5B.Id, _term.Id);

        Assert.False((await CardAsync(_world.Learner)).Provisional);
        Assert.DoesNotContain("Provisoire", await _cards.RenderAsync(As(_world.Learner), _world.Learner.Id, _world.Class5B.Id, _term.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_councils_appraisal_is_on_the_card_for_staff_at_once_and_for_the_family_once_the_period_is_closed()
    {
        await _gradebook.RecordCouncilAppraisalAsync(As(_world.Head), _world.Class5B.Id, _term.Id, _world.Learner.Id, "  Félicitations du conseil.  ");

        Assert.Equal("Félicitations du conseil.", (await CardAsync(_world.Teacher)).CouncilAppraisal);
        Assert.Null((await CardAsync(_world.Parent)).CouncilAppraisal);
        await _gradebook.ClosePeriodAsync(As(_world.Head), _world.Class5B.Id, _term.Id);
        Assert.Equal("Félicitations du conseil.", (await CardAsync(_world.Parent)).CouncilAppraisal);
        Assert.Equal("Félicitations du conseil.", (await _cards.ClassCouncilAsync(As(_world.Head), _world.Class5B.Id, _term.Id)).Pupils.Single(p => p.Id == _world.Learner.Id).Appraisal);
    }

    [Fact]
    public async Task Only_the_head_of_school_writes_the_councils_appraisal()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordCouncilAppraisalAsync(As(_world.Teacher), _world.Class5B.Id, _term.Id, _world.Learner.Id, "Encouragements"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordCouncilAppraisalAsync(As(_world.HeadOfOtherSchool), _world.Class5B.Id, _term.Id, _world.Learner.Id, "Encouragements"));
    }

    [Fact]
    public async Task An_appraisal_over_a_thousand_characters_is_refused_naming_its_length_and_one_for_a_pupil_outside_the_class_is_denied()
    {
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => _gradebook.RecordCouncilAppraisalAsync(As(_world.Head), _world.Class5B.Id, _term.Id, _world.Learner.Id, new string('x', 1001)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _gradebook.RecordCouncilAppraisalAsync(As(_world.Head), _world.Class5B.Id, _term.Id, _world.LearnerOf4A.Id, "Bien"));

        Assert.Contains("has 1001", tooLong.Message, StringComparison.Ordinal);
        Assert.Null((await CardAsync(_world.Head)).CouncilAppraisal);
    }

    [Fact]
    public async Task An_empty_appraisal_removes_it()
    {
        await _gradebook.RecordCouncilAppraisalAsync(As(_world.Head), _world.Class5B.Id, _term.Id, _world.Learner.Id, "Encouragements");

        await _gradebook.RecordCouncilAppraisalAsync(As(_world.Head), _world.Class5B.Id, _term.Id, _world.Learner.Id, " ");

        Assert.Null((await CardAsync(_world.Head)).CouncilAppraisal);
    }
}
