using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Averages;
using Ent.Plugins.Grading.Gradebook;
using Ent.Plugins.Grading.Marks;
using Ent.Plugins.Grading.ReportCards;
using Ent.Sdk.Hosting;
using Ent.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent.Plugins.Grading.Tests.Gradebook;

/// <summary>A department's grading choices: the rule, the rounding shown, the subjects' coefficients; checked at start.</summary>
public sealed class GradingOptionsTests
{
    private static async Task<(EntHost Host, TestWorld World)> HostAsync(Action<GradingOptions> configure)
    {
        var world = new TestWorld();
        return (await GradingHost.StartAsync(world, configure), world);
    }

    [Fact]
    public async Task An_unknown_rule_is_refused_naming_it_and_the_known_ones()
    {
        var (host, _) = await HostAsync(o => o.Rule = "school.nope");
        await using var _ = host;

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GradingOptions>>().Value);

        Assert.Contains("'school.nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("moodle.median", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unoffered_rounding_step_or_a_negative_subject_coefficient_is_refused_naming_it()
    {
        var options = new GradingOptions { RoundingStep = 0.25m };
        options.SubjectCoefficients["MATHS"] = -1;

        var problems = options.Validate(new GradeAggregations([new FrenchAverage(FrenchAverageMode.NormalizedTo20)]));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("0.25", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'MATHS'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_departments_rule_rounding_and_subject_coefficients_shape_the_card()
    {
        var (host, world) = await HostAsync(o =>
        {
            o.Rule = FrenchAverage.SumOfScalesId;
            o.RoundingStep = 0.5m;
            o.RoundingDirection = RoundingDirection.Up;
            o.SubjectCoefficients["MATHS"] = 0;
        });
        await using var _ = host;
        var teacher = TestWorld.As(world.Teacher);
        var gradebook = host.Services.GetRequiredService<IGradebook>();
        var term = world.Year.Periods[0];
        foreach (var (scale, points) in new[] { (20m, 18m), (10m, 2m), (5m, 1m) })
        {
            var test = await gradebook.CreateAssessmentAsync(teacher, new AssessmentDraft(world.MathsCourse.Id, term.Id, "Contrôle", new DateOnly(2026, 11, 20), scale));
            await gradebook.RecordMarksAsync(teacher, world.MathsCourse.Id, test.Id, new Dictionary<PersonId, Mark?> { [world.Learner.Id] = Mark.Of(points, scale) });
        }

        var card = await host.Services.GetRequiredService<IReportCards>().ForPupilAsync(TestWorld.As(world.Head), world.Learner.Id, world.Class5B.Id, term.Id);

        Assert.Equal(12m, Assert.Single(card.Subjects).Average); // the sum of scales: 12 exactly, shown at 0.5 up
        Assert.Null(card.Overall); // maths has coefficient 0 in the overall average
        Assert.Equal("fr.sum-of-scales v1", card.Calculation);
    }
}
