using Ent.Plugins.FlippedClassroom.Plans;

namespace Ent.Plugins.FlippedClassroom.Tests.Plans;

public class PeerInstructionTests
{
    [Theory]
    [InlineData(0.0, Suggestion.ExplainAgain)]
    [InlineData(0.34, Suggestion.ExplainAgain)]
    [InlineData(0.35, Suggestion.DiscussInPairs)]
    [InlineData(0.70, Suggestion.DiscussInPairs)]
    [InlineData(0.71, Suggestion.MoveOn)]
    [InlineData(1.0, Suggestion.MoveOn)]
    public void The_suggestion_follows_peer_instructions_thresholds(double shareRight, Suggestion expected)
    {
        Assert.Equal(expected, PeerInstruction.For(shareRight));
    }
}
