using Ent.Core.Learning;

namespace Ent.Core.Tests.Learning;

public sealed class ScoreTests
{
    [Fact]
    public void A_score_is_brought_to_twenty_as_french_marks_are()
    {
        Assert.Equal(4m, new Score(2, 10).OutOfTwenty);
        Assert.Equal(0.9m, new Score(18, 20).Scaled);
    }

    [Theory]
    [InlineData(21, 20)]
    [InlineData(-1, 20)]
    public void A_score_outside_its_scale_is_refused_naming_it(decimal raw, decimal max)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Score(raw, max));

        Assert.Contains($"The score {raw} lies outside its scale 0..{max}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Score(0, 0));
    }
}
