using Ent.Core.Access;

namespace Ent.Core.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_Ent_Core_matches_the_approved_snapshot() => PublicApiApproval.Verify(typeof(Actor).Assembly, typeof(PublicApiTests).Assembly);
}
