using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Tests.Paths;

public class CompiledPlanTests
{
    private readonly Fractions _fractions = new();

    private string Refused(CoursePlan plan) => Assert.Throws<ArgumentException>(() => _fractions.Compile(plan)).Message;

    [Fact]
    public void An_activity_of_another_course_is_refused()
    {
        var stranger = ActivityId.New();

        Assert.Contains($"Activity {stranger.Value} is not an activity of course 'Fractions'",
            Refused(_fractions.Plan with { Activities = _fractions.Plan.Activities.Add(ActivityLink.For(stranger, ActivityRole.Learn, _fractions.Add.Id)) }), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_score_ranges_are_refused_naming_them()
    {
        var ticket = _fractions.Plan.Activities[3] with { Ranges = [new ScoreRange(0, 0.6, [_fractions.Drawing.Id]), new ScoreRange(0.5, 1, [_fractions.Challenge.Id])] };

        Assert.Contains("overlap: 0–0.6 and 0.5–1", Refused(_fractions.Plan with { Activities = _fractions.Plan.Activities.SetItem(3, ticket) }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_on_the_activity_itself_is_refused()
    {
        var test = _fractions.Plan.Activities[8] with { Gate = ActivityGate.OnScore(_fractions.Test.Id, 0.5) };

        Assert.Contains("not another linked activity", Refused(_fractions.Plan with { Activities = _fractions.Plan.Activities.SetItem(8, test) }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void A_threshold_outside_zero_to_one_is_refused(double threshold)
    {
        Assert.Contains("mastery threshold", Refused(_fractions.Plan with { MasteryThreshold = threshold }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_linked_to_no_skill_is_refused()
    {
        var video = _fractions.Plan.Activities[0] with { Skills = [] };

        Assert.Contains("'Vidéo : fractions égales' is linked to no skill", Refused(_fractions.Plan with { Activities = _fractions.Plan.Activities.SetItem(0, video) }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remedial_activity_follows_one_range_only()
    {
        var ticket = _fractions.Plan.Activities[3] with { Ranges = [new ScoreRange(0, 0.5, [_fractions.Drawing.Id]), new ScoreRange(0.5, 1, [_fractions.Drawing.Id])] };

        Assert.Contains("is in two score ranges", Refused(_fractions.Plan with { Activities = _fractions.Plan.Activities.SetItem(3, ticket) }), StringComparison.Ordinal);
    }
}
