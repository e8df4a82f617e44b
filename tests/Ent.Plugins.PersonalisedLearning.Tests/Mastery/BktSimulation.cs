using Ent.Plugins.PersonalisedLearning.Mastery;

namespace Ent.Plugins.PersonalisedLearning.Tests.Mastery;

/// <summary>Pupils' answers simulated from known parameters (linked into the benchmarks too): each starts knowing the skill with P(L0), learns it after each answer with P(T).</summary>
internal static class BktSimulation
{
    public static List<bool[]> Answers(BktParameters truth, int pupils, int answers, int seed)
    {
        var random = new Random(seed);
        var all = new List<bool[]>(pupils);
        for (var p = 0; p < pupils; p++)
        {
            var knows = random.NextDouble() < truth.Prior;
            var sequence = new bool[answers];
            for (var i = 0; i < answers; i++)
            {
                sequence[i] = knows ? random.NextDouble() >= truth.Slip : random.NextDouble() < truth.Guess;
                knows = knows || random.NextDouble() < truth.Learn;
            }

            all.Add(sequence);
        }

        return all;
    }
}
