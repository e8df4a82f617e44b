using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Tests.Mastery;

public class BktFittingTests
{
    private static AnswerSequences Simulate(BktParameters truth, int pupils, int answers, int seed) => AnswerSequences.From(BktSimulation.Answers(truth, pupils, answers, seed));

    [Fact]
    public void Parameters_are_recovered_from_answers_generated_with_them_within_0_05()
    {
        var truth = new BktParameters(0.3, 0.12, 0.2, 0.08);
        var fit = BktFitting.Fit(Simulate(truth, pupils: 2_000, answers: 20, seed: 7));

        Assert.Equal(truth.Prior, fit.Parameters.Prior, 0.05);
        Assert.Equal(truth.Learn, fit.Parameters.Learn, 0.05);
        Assert.Equal(truth.Guess, fit.Parameters.Guess, 0.05);
        Assert.Equal(truth.Slip, fit.Parameters.Slip, 0.05);
        Assert.Equal(2_000, fit.Pupils);
        Assert.Equal(40_000, fit.Answers);
    }

    [Fact]
    public void The_fit_is_at_least_as_likely_as_the_parameters_the_answers_came_from()
    {
        var truth = new BktParameters(0.4, 0.2, 0.25, 0.1);
        var answers = Simulate(truth, pupils: 500, answers: 15, seed: 11);

        var fit = BktFitting.Fit(answers);

        Assert.True(fit.LogLikelihood >= BktFitting.LogLikelihood(answers, truth) - 0.5, $"{fit.LogLikelihood} < {BktFitting.LogLikelihood(answers, truth)}");
    }

    [Fact]
    public void A_start_stops_once_the_log_likelihood_changes_by_the_tolerance_or_less()
    {
        var fit = BktFitting.Fit(Simulate(new BktParameters(0.3, 0.1, 0.2, 0.1), 300, 10, seed: 3));

        Assert.True(fit.Converged);
        Assert.InRange(fit.Iterations, 2, 99);
    }

    [Fact]
    public void A_start_stops_at_the_iteration_limit()
    {
        var fit = BktFitting.Fit(Simulate(new BktParameters(0.3, 0.1, 0.2, 0.1), 300, 10, seed: 3), new BktFittingOptions { MaxIterations = 3, Tolerance = 1e-12 });

        Assert.False(fit.Converged);
        Assert.Equal(3, fit.Iterations);
    }

    [Fact]
    public void The_same_answers_give_the_same_fit()
    {
        var answers = Simulate(new BktParameters(0.3, 0.1, 0.2, 0.1), 200, 10, seed: 5);

        Assert.Equal(BktFitting.Fit(answers), BktFitting.Fit(answers));
    }

    [Fact]
    public void No_answer_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BktFitting.Fit(AnswerSequences.From([[], []])));
        Assert.Contains("without answers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fitted_parameters_are_never_degenerate()
    {
        var everyoneRight = AnswerSequences.From(Enumerable.Range(0, 50).Select(_ => (IReadOnlyList<bool>)[true, true, true, true]));

        var fit = BktFitting.Fit(everyoneRight);

        Assert.Null(BktParameters.Problem(fit.Parameters.Prior, fit.Parameters.Learn, fit.Parameters.Guess, fit.Parameters.Slip));
    }
}
