using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Tests.Mastery;

public class BktTests
{
    private static readonly BktParameters Parameters = new(0.2, 0.15, 0.2, 0.1);

    [Fact]
    public void A_right_answer_raises_mastery_by_Bayes_rule_then_the_learning_rate()
    {
        // P(L|C) = 0.2·0.9 / (0.2·0.9 + 0.8·0.2) = 0.18 / 0.34 = 0.529412; then 0.529412 + 0.470588·0.15 = 0.6
        Assert.Equal(0.18 / 0.34, Bkt.Posterior(0.2, true, Parameters), 12);
        Assert.Equal(0.6, Bkt.Update(0.2, true, Parameters), 12);
    }

    [Fact]
    public void A_wrong_answer_lowers_mastery_by_Bayes_rule_then_the_learning_rate()
    {
        // P(L|¬C) = 0.6·0.1 / (0.6·0.1 + 0.4·0.8) = 0.06 / 0.38 = 0.157895; then 0.157895 + 0.842105·0.15 = 0.284211
        Assert.Equal(0.06 / 0.38, Bkt.Posterior(0.6, false, Parameters), 12);
        Assert.Equal(0.06 / 0.38 + (1 - 0.06 / 0.38) * 0.15, Bkt.Update(0.6, false, Parameters), 12);
    }

    [Fact]
    public void A_sequence_of_answers_is_traced_from_the_prior()
    {
        // right: 0.6; wrong: 0.284211; right: 0.255789 / (0.255789 + 0.143158) = 0.641161, then + 0.358839·0.15 = 0.694987
        Assert.Equal(0.694987, Bkt.Trace([true, false, true], Parameters), 6);
    }

    [Fact]
    public void The_transition_adds_the_learning_rate_to_what_is_not_yet_known()
    {
        // The mistaken form a + (1 − a·T) would exceed 1 here; the right one stays below it.
        var known = Bkt.Update(0.9, true, Parameters);
        var posterior = Bkt.Posterior(0.9, true, Parameters);
        Assert.Equal(posterior + (1 - posterior) * 0.15, known, 12);
        Assert.InRange(known, posterior, 1);
    }

    [Fact]
    public void The_chance_of_a_right_answer_mixes_knowing_without_slipping_and_guessing()
    {
        Assert.Equal(0.2 * 0.9 + 0.8 * 0.2, Bkt.PredictCorrect(0.2, Parameters), 12);
    }

    [Theory]
    [InlineData(0, 0.1, 0.2, 0.1, "P(L0)")]
    [InlineData(0.2, 1, 0.2, 0.1, "P(T)")]
    [InlineData(0.2, 0.1, -0.1, 0.1, "P(G)")]
    [InlineData(0.2, 0.1, 0.2, double.NaN, "P(S)")]
    public void A_parameter_outside_zero_to_one_is_refused_naming_it(double prior, double learn, double guess, double slip, string named)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BktParameters(prior, learn, guess, slip));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guess_and_a_slip_adding_up_to_one_are_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BktParameters(0.2, 0.1, 0.6, 0.4));
        Assert.Contains("P(G) 0.6 and P(S) 0.4 add up to 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("guess", error.ParamName);
    }
}
