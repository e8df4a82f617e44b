using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Tests.Mastery;

public class MasteryTableTests
{
    private static readonly BktParameters[] Skills = [new(0.2, 0.15, 0.2, 0.1), new(0.4, 0.1, 0.25, 0.05)];

    [Fact]
    public void Each_cell_is_traced_from_its_skills_prior_through_its_own_answers_in_order()
    {
        // Two pupils × two skills, answers interleaved as they arrived.
        int[] cells = [0, 3, 0, 1, 3, 0];
        bool[] correct = [true, false, false, true, false, true];
        var (mastery, answers, wrong) = (new double[4], new int[4], new byte[4]);

        MasteryTable.Trace(cells, correct, Skills, mastery, answers, wrong);

        Assert.Equal(Bkt.Trace([true, false, true], Skills[0]), mastery[0], 12);
        Assert.Equal(Bkt.Trace([true], Skills[1]), mastery[1], 12);
        Assert.Equal(Skills[0].Prior, mastery[2], 12); // no answer: the prior
        Assert.Equal(Bkt.Trace([false, false], Skills[1]), mastery[3], 12);
        Assert.Equal([3, 1, 0, 2], answers);
        Assert.Equal(new byte[] { 0, 0, 0, 2 }, wrong);
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MasteryTable.Trace([0, 1], [true], Skills, new double[2], new int[2], new byte[2]));
        Assert.Throws<ArgumentException>(() => MasteryTable.Trace([0], [true], Skills, new double[3], new int[3], new byte[3]));
    }
}
