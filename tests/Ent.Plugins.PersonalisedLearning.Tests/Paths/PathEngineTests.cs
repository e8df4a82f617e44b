using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Tests.Paths;

public class PathEngineTests
{
    private static readonly PersonId Pupil = PersonId.New();

    private readonly Fractions _fractions = new();

    private DateTimeOffset _clock = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private readonly List<EvidenceDocument> _evidence = [];

    private readonly List<(ActivityId, StepOverride)> _overrides = [];

    private readonly List<ActivityId> _choices = [];

    private void Answer(Ent.Core.Courses.Activity activity, double score, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _clock = _clock.AddMinutes(1);
            _evidence.Add(new EvidenceDocument(_fractions.Course.Id, Pupil, $"activity:{activity.Id.Value}:{_evidence.Count}", EvidenceSource.Activity, activity.Id, null, null, score, _clock, Pupil));
        }
    }

    private LearningPath Path(CoursePlan? plan = null) =>
        PathViews.PathOf(_fractions.Compile(plan), MasteryBook.StateOf(_fractions.Compile(plan), _evidence, _overrides, _choices), Pupil, "Benali Lina", count: 10);

    private static ImmutableArray<string> Titles(LearningPath path) => [.. path.Next.Select(n => n.Title)];

    [Fact]
    public void A_beginner_starts_with_the_first_skill_because_the_next_one_needs_it()
    {
        var first = Path().Next[0];

        Assert.Equal(_fractions.Video.Id, first.Activity);
        Assert.Equal(ReasonKind.Prerequisite, first.Reason);
        Assert.Equal("Parce que tu ne maîtrises pas encore fractions équivalentes, dont comparer des fractions a besoin.", first.Why.French);
        Assert.Equal("Because you have not yet mastered fractions équivalentes, which comparer des fractions needs.", first.Why.English);
    }

    [Fact]
    public void An_activity_whose_prerequisites_are_not_mastered_is_locked_with_what_unlocks_it()
    {
        var path = Path();

        Assert.DoesNotContain(_fractions.Lesson.Title, Titles(path));
        var lesson = Assert.Single(path.Locked, l => l.Activity == _fractions.Lesson.Id);
        Assert.Equal("Se débloque quand tu maîtrises fractions équivalentes à 95\u202f% (tu en es à 20\u202f%).", Assert.Single(lesson.Unlocks).French);
    }

    [Fact]
    public void Mastering_a_skill_unlocks_what_needs_it_and_retires_its_activities()
    {
        Answer(_fractions.Video, 1, times: 4);

        var path = Path();

        Assert.True(path.Skills.Single(s => s.Skill == _fractions.Equivalent.Id).Mastered);
        Assert.DoesNotContain(_fractions.Simplify.Title, Titles(path));
        Assert.Equal(_fractions.Lesson.Id, path.Next[0].Activity);
        Assert.DoesNotContain(path.Locked, l => l.Activity == _fractions.Lesson.Id);
    }

    [Fact]
    public void Two_wrong_answers_in_a_row_bring_a_done_activity_back_to_review()
    {
        Answer(_fractions.Video, 0, times: 2);

        var review = Assert.Single(Path().Next, n => n.Activity == _fractions.Video.Id);

        Assert.Equal(ReasonKind.Review, review.Reason);
        Assert.Equal("To review: your last two answers on fractions équivalentes were wrong.", review.Why.English);
    }

    [Fact]
    public void A_low_score_on_the_exit_ticket_leads_to_the_remedial_track_first()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Ticket, 0.3);

        var path = Path();

        Assert.Equal(_fractions.Drawing.Id, path.Next[0].Activity);
        Assert.Equal("Ton score à « Ticket de sortie » était de 30\u202f% : cette activité t'aide à revoir comparer des fractions.", path.Next[0].Why.French);
        Assert.DoesNotContain(_fractions.Challenge.Title, Titles(path));
        Assert.DoesNotContain(path.Locked, l => l.Activity == _fractions.Challenge.Id);
    }

    [Fact]
    public void A_high_score_on_the_exit_ticket_leads_to_the_enrichment_track()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Ticket, 0.9);

        var path = Path();

        var challenge = Assert.Single(path.Next, n => n.Activity == _fractions.Challenge.Id);
        Assert.Equal(ReasonKind.Enrichment, challenge.Reason);
        Assert.DoesNotContain(_fractions.Drawing.Title, Titles(path));
    }

    [Fact]
    public void Before_the_exit_ticket_its_tracks_wait_for_its_score()
    {
        var drawing = Assert.Single(Path().Locked, l => l.Activity == _fractions.Drawing.Id);

        Assert.Contains("After “Ticket de sortie”: your score will decide what comes next.", drawing.Unlocks.Select(u => u.English));
    }

    [Fact]
    public void A_gate_on_a_score_locks_until_the_score_is_reached()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Lesson, 1, times: 4);
        Answer(_fractions.Ticket, 0.3);

        var test = Assert.Single(Path().Locked, l => l.Activity == _fractions.Test.Id);
        Assert.Contains("Unlocks with at least 50% on “Ticket de sortie” (your score: 30%).", test.Unlocks.Select(u => u.English));

        Answer(_fractions.Ticket, 0.6);
        Assert.DoesNotContain(Path().Locked, l => l.Activity == _fractions.Test.Id);
    }

    [Fact]
    public void Equivalent_activities_are_one_step_the_pupil_chooses_in()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Lesson, 1, times: 4);

        var step = Assert.Single(Path().Next, n => n.Activity == _fractions.AddVideo.Id);
        Assert.Equal([(_fractions.AddText.Id, "Additionner : en texte")], step.Alternatives.Select(a => (a.Activity, a.Title)).ToArray());
        Assert.DoesNotContain(Path().Next, n => n.Activity == _fractions.AddText.Id);

        _choices.Add(_fractions.AddText.Id);
        Assert.Single(Path().Next, n => n.Activity == _fractions.AddText.Id);
        Assert.DoesNotContain(Path().Next, n => n.Activity == _fractions.AddVideo.Id);
    }

    [Fact]
    public void One_of_a_set_of_equivalent_activities_done_is_enough()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Lesson, 1, times: 4);
        Answer(_fractions.AddText, 0.4);

        var path = Path();

        Assert.DoesNotContain(path.Next, n => n.Activity == _fractions.AddVideo.Id);
        Assert.DoesNotContain(path.Locked, l => l.Activity == _fractions.AddVideo.Id);
    }

    [Fact]
    public void A_done_activity_comes_back_to_practise_while_its_skill_is_not_mastered()
    {
        Answer(_fractions.Video, 1);
        Answer(_fractions.Simplify, 1);

        var again = Assert.Single(Path().Next, n => n.Activity == _fractions.Video.Id);

        Assert.Equal(ReasonKind.PracticeAgain, again.Reason);
        Assert.Equal("Encore un peu d'entraînement : tu maîtrises fractions équivalentes à 89\u202f%.", again.Why.French);
    }

    [Fact]
    public void The_remedial_track_comes_back_while_its_skill_is_not_mastered()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Lesson, 0);
        Answer(_fractions.Ticket, 0.2);
        Answer(_fractions.Drawing, 0);

        Assert.Contains(Path().Next, n => n.Activity == _fractions.Drawing.Id);
    }

    [Fact]
    public void A_pupil_who_did_everything_open_on_a_skill_without_mastering_it_is_offered_it_again_not_nothing()
    {
        var plan = _fractions.Plan with { Activities = [.. _fractions.Plan.Activities.Where(l => l.Activity != _fractions.Lesson.Id)] };
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Ticket, 0.6); // in no range: neither remedial nor enrichment

        var again = Assert.Single(Path(plan).Next);

        Assert.Equal((_fractions.Ticket.Id, ReasonKind.PracticeAgain), (again.Activity, again.Reason));
    }

    [Fact]
    public void A_pinned_activity_comes_first_with_the_teachers_reason()
    {
        _overrides.Add((_fractions.Simplify.Id, new StepOverride(OverrideKind.Pin, "à finir avant jeudi")));

        var first = Path().Next[0];

        Assert.Equal(_fractions.Simplify.Id, first.Activity);
        Assert.Equal("Ton professeur l'a choisie pour toi : à finir avant jeudi", first.Why.French);
    }

    [Fact]
    public void A_done_activity_the_teacher_pins_comes_back_first()
    {
        Answer(_fractions.Video, 1, times: 4);
        _overrides.Add((_fractions.Video.Id, new StepOverride(OverrideKind.Pin, "à revoir")));

        Assert.Equal((_fractions.Video.Id, ReasonKind.Pinned), (Path().Next[0].Activity, Path().Next[0].Reason));
    }

    [Fact]
    public void A_skipped_activity_is_left_out()
    {
        _overrides.Add((_fractions.Video.Id, new StepOverride(OverrideKind.Skip, "déjà vu en classe")));

        Assert.DoesNotContain(Path().Next, n => n.Activity == _fractions.Video.Id);
    }

    [Fact]
    public void An_assigned_remedial_activity_is_proposed_whatever_the_score()
    {
        Answer(_fractions.Video, 1, times: 4);
        Answer(_fractions.Ticket, 0.9);
        _overrides.Add((_fractions.Drawing.Id, new StepOverride(OverrideKind.Assign, "pour consolider")));

        var drawing = Assert.Single(Path().Next, n => n.Activity == _fractions.Drawing.Id);

        Assert.Equal(ReasonKind.Assigned, drawing.Reason);
    }

    [Fact]
    public void A_pinned_activity_stays_behind_its_gate()
    {
        _overrides.Add((_fractions.Test.Id, new StepOverride(OverrideKind.Pin, "contrôle")));

        Assert.DoesNotContain(Path().Next, n => n.Activity == _fractions.Test.Id);
        Assert.Single(Path().Locked, l => l.Activity == _fractions.Test.Id);
    }

    [Fact]
    public void A_mark_on_a_linked_assessment_counts_for_its_skills()
    {
        var assessment = Guid.NewGuid();
        var plan = _fractions.Plan with { Assessments = [new AssessmentLink(assessment, "Contrôle 1", [_fractions.Equivalent.Id], 0.5)] };
        for (var i = 0; i < 4; i++)
        {
            _evidence.Add(new EvidenceDocument(_fractions.Course.Id, Pupil, $"grading:{assessment}:{i}", EvidenceSource.Assessment, null, assessment, null, 0.8, _clock.AddMinutes(i), Pupil));
        }

        Assert.True(Path(plan).Skills.Single(s => s.Skill == _fractions.Equivalent.Id).Mastered);
    }

    [Fact]
    public void The_course_threshold_decides_what_is_mastered()
    {
        Answer(_fractions.Video, 1, times: 2); // 0.2 → 0.6 → 0.890

        Assert.False(Path().Skills[0].Mastered);
        Assert.True(Path(_fractions.Plan with { MasteryThreshold = 0.85 }).Skills[0].Mastered);
    }
}
